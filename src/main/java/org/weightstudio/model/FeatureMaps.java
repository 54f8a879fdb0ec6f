package org.weightstudio.model;

import java.util.ArrayList;
import java.util.List;
import org.weightstudio.model.layers.Conv2D;
import org.weightstudio.model.layers.Relu;

/**
 * What each convolution of a network sees in one image: its activation maps, one per filter,
 * after the ReLU that follows it (what the next layer reads). For the Draw tab and for headless
 * pictures. Scoring uses the network's single-image buffers: call it on the thread that owns the
 * network, or on a {@link Network#copy()}.
 */
public final class FeatureMaps {
    private FeatureMaps() {
    }

    /**
     * The activation maps of one conv layer: {@code values} holds {@code channels} maps of
     * height x width, map c at c * height * width, row-major (a copy).
     */
    public record Map(String layer, int channels, int height, int width, float[] values) {
        /** Map c's value at (row, col). */
        public float at(int c, int row, int col) {
            return values[(c * height + row) * width + col];
        }
    }

    /**
     * The maps of every conv layer for {@code image} (rows x cols pixels in [0, 1]), first layer
     * first, with the class scores of the same pass in {@code scores} (may be null).
     *
     * @throws IllegalArgumentException if the image does not have the network's input size
     */
    public static List<Map> of(Network network, float[] image, float[] scores) {
        if (image.length != network.inputs()) {
            throw new IllegalArgumentException("image has " + image.length + " pixels, the network takes "
                    + network.inputs());
        }
        float[] z = scores != null ? scores : new float[network.classes()];
        network.scores(image, z);
        List<Layer> layers = network.layers();
        List<Map> maps = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l) instanceof Conv2D conv) {
                boolean relu = l + 1 < layers.size() && layers.get(l + 1) instanceof Relu;
                float[] out = network.singleActivations(relu ? l + 1 : l);
                Shape s = conv.outputShape();
                maps.add(new Map(conv.name(), s.dim(0), s.dim(1), s.dim(2), out.clone()));
            }
        }
        return maps;
    }
}
