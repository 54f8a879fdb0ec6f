package org.weightstudio.model.layers;

import java.util.List;
import java.util.Random;
import org.weightstudio.model.Layer;
import org.weightstudio.model.Shape;
import org.weightstudio.model.Tensor;
import org.weightstudio.model.kernels.MaxPool;

/**
 * Max over 2x2 windows, stride 2: C x H x W to C x H/2 x W/2. The forward pass keeps each
 * window's winner for the backward pass, in a buffer sized by {@link #prepare}. Type "maxpool2".
 */
public final class MaxPool2x2 implements Layer {
    public static final String TYPE = "maxpool2";

    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final Shape inShape;
    private final Shape outShape;
    private int[] argmax = new int[0];

    public MaxPool2x2(String name, int channels, int height, int width) {
        if (height < 2 || width < 2) {
            throw new IllegalArgumentException(name + ": cannot pool a " + height + "x" + width + " map 2x2");
        }
        this.name = name;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.inShape = Shape.of(channels, height, width);
        this.outShape = Shape.of(channels, height / 2, width / 2);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Shape inputShape() {
        return inShape;
    }

    @Override
    public Shape outputShape() {
        return outShape;
    }

    @Override
    public List<Tensor> parameters() {
        return List.of();
    }

    @Override
    public void initialize(Random random, double scale) {
    }

    @Override
    public void prepare(int batch) {
        int size = batch * outShape.size();
        if (argmax.length < size) {
            argmax = new int[size];
        }
    }

    @Override
    public void forward(float[] in, float[] out, int n) {
        prepare(n);
        int inSize = inShape.size();
        int outSize = outShape.size();
        for (int i = 0; i < n; i++) {
            MaxPool.forward(channels, height, width, in, i * inSize, out, i * outSize, argmax);
        }
    }

    @Override
    public void backward(float[] in, float[] out, float[] dOut, float[] dIn, int n) {
        if (dIn == null) {
            return;
        }
        int inSize = inShape.size();
        int outSize = outShape.size();
        for (int i = 0; i < n; i++) {
            MaxPool.backward(channels, height, width, dOut, i * outSize, argmax, dIn, i * inSize);
        }
    }

    @Override
    public void update(float scale, float shrink) {
    }
}
