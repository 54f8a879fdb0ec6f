package org.weightstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.weightstudio.model.kernels.ConvGeometry;
import org.weightstudio.model.kernels.Convolution;
import org.weightstudio.model.layers.Conv2D;

/** Feature maps are each conv layer's ReLU'd output for the image, in the layer's shapes. */
class FeatureMapsTest {
    @Test
    void firstMapsAreTheReluOfTheFirstConvolution() {
        Network network = Architecture.cnn(28, 28, 10, new int[] {4, 6}).build();
        network.initialize(5, 0);
        Random random = new Random(9);
        float[] image = new float[784];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextFloat();
        }
        float[] scores = new float[10];
        List<FeatureMaps.Map> maps = FeatureMaps.of(network, image, scores);

        assertThat(maps).extracting(FeatureMaps.Map::layer).containsExactly("conv1", "conv2");
        assertThat(maps.get(0).channels()).isEqualTo(4);
        assertThat(maps.get(0).height()).isEqualTo(28);
        assertThat(maps.get(1).channels()).isEqualTo(6);
        assertThat(maps.get(1).height()).isEqualTo(14);

        // conv1 computed independently, then ReLU
        Conv2D conv1 = (Conv2D) network.layers().get(0);
        float[] expected = new float[4 * 784];
        new Convolution(new ConvGeometry(1, 28, 28, 4, 5)).forward(image, 0, conv1.weights().data(),
                conv1.bias().data(), expected, 0);
        for (int i = 0; i < expected.length; i++) {
            assertThat(maps.get(0).values()[i]).as("map value %d", i).isEqualTo(Math.max(0f, expected[i]));
        }
        float[] z = new float[10];
        network.scores(image, z);
        assertThat(scores).containsExactly(z);
    }

    @Test
    void aWrongSizedImageIsRefused() {
        Network network = Architecture.cnn(28, 28, 10, new int[] {2}).build();
        assertThatThrownBy(() -> FeatureMaps.of(network, new float[100], null))
                .hasMessage("image has 100 pixels, the network takes 784");
    }
}
