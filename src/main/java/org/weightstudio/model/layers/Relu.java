package org.weightstudio.model.layers;

import java.util.List;
import java.util.Random;
import org.weightstudio.model.Layer;
import org.weightstudio.model.Shape;
import org.weightstudio.model.Tensor;

/** y = max(0, x) elementwise, any shape. Type "relu". */
public final class Relu implements Layer {
    public static final String TYPE = "relu";

    private final String name;
    private final Shape shape;

    public Relu(String name, Shape shape) {
        this.name = name;
        this.shape = shape;
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
        return shape;
    }

    @Override
    public Shape outputShape() {
        return shape;
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
    public void forward(float[] in, float[] out, int n) {
        int size = n * shape.size();
        for (int i = 0; i < size; i++) {
            out[i] = Math.max(0f, in[i]);
        }
    }

    /** dx = dy where y > 0, else 0. */
    @Override
    public void backward(float[] in, float[] out, float[] dOut, float[] dIn, int n) {
        if (dIn == null) {
            return;
        }
        int size = n * shape.size();
        for (int i = 0; i < size; i++) {
            dIn[i] = out[i] > 0f ? dOut[i] : 0f;
        }
    }

    @Override
    public void update(float scale, float shrink) {
    }
}
