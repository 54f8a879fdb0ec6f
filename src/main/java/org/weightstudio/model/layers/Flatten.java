package org.weightstudio.model.layers;

import java.util.List;
import java.util.Random;
import org.weightstudio.model.Layer;
import org.weightstudio.model.Shape;
import org.weightstudio.model.Tensor;

/**
 * C x H x W to one vector of C*H*W. The activations are already flat arrays in that order, so
 * this only renames the shape and copies. Type "flatten".
 */
public final class Flatten implements Layer {
    public static final String TYPE = "flatten";

    private final String name;
    private final Shape in;

    public Flatten(String name, Shape in) {
        this.name = name;
        this.in = in;
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
        return in;
    }

    @Override
    public Shape outputShape() {
        return Shape.of(in.size());
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
    }

    @Override
    public void forward(float[] x, float[] y, int n) {
        System.arraycopy(x, 0, y, 0, n * in.size());
    }

    @Override
    public void backward(float[] x, float[] y, float[] dOut, float[] dIn, int n) {
        if (dIn != null) {
            System.arraycopy(dOut, 0, dIn, 0, n * in.size());
        }
    }

    @Override
    public void update(float scale, float shrink) {
    }
}
