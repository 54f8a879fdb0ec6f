package org.weightstudio.model.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.weightstudio.model.Layer;
import org.weightstudio.model.Sgd;
import org.weightstudio.model.Shape;
import org.weightstudio.model.Tensor;
import org.weightstudio.model.kernels.ConvGeometry;
import org.weightstudio.model.kernels.Convolution;

/**
 * A stride-1 "same" 2-D convolution, C x H x W to F x H x W, with F filters of C x k x k weights
 * ({@code name.W}, shape F x C x k x k) and one bias each ({@code name.b}). Each image of a batch
 * goes through im2col and the blocked GEMM ({@link Convolution}); the weight gradient is summed
 * over the batch. Type "conv2d".
 */
public final class Conv2D implements Layer {
    public static final String TYPE = "conv2d";

    private final String name;
    private final ConvGeometry g;
    private final Tensor w;
    private final Tensor b;
    private final float[] gradW;
    private final float[] gradB;
    private final Convolution conv;
    private final Shape inShape;
    private final Shape outShape;

    public Conv2D(String name, int channels, int height, int width, int filters, int kernel) {
        this.name = name;
        this.g = new ConvGeometry(channels, height, width, filters, kernel);
        this.w = new Tensor(name + ".W", Shape.of(filters, channels, kernel, kernel));
        this.b = new Tensor(name + ".b", Shape.of(filters));
        this.gradW = new float[g.weightCount()];
        this.gradB = new float[filters];
        this.conv = new Convolution(g);
        this.inShape = Shape.of(channels, height, width);
        this.outShape = Shape.of(filters, height, width);
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
        return List.of(w, b);
    }

    public Tensor weights() {
        return w;
    }

    public Tensor bias() {
        return b;
    }

    public ConvGeometry geometry() {
        return g;
    }

    /** He initialisation, std sqrt(2 / (C k k)): a ReLU follows every convolution here. */
    @Override
    public void initialize(Random random, double scale) {
        double std = scale > 0 ? scale : Math.sqrt(2.0 / g.taps());
        float[] v = w.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        Arrays.fill(b.data(), 0f);
    }

    @Override
    public void prepare(int batch) {
        // The work buffers are per image, made with the layer.
    }

    @Override
    public void forward(float[] in, float[] out, int n) {
        int inSize = g.inputSize();
        int outSize = g.outputSize();
        for (int i = 0; i < n; i++) {
            conv.forward(in, i * inSize, w.data(), b.data(), out, i * outSize);
        }
    }

    /** gW = sum_i dY_i col_i^T, gb = sum_i sum_p dY_i, dX_i = col2im(W^T dY_i). */
    @Override
    public void backward(float[] in, float[] out, float[] dOut, float[] dIn, int n) {
        Arrays.fill(gradW, 0f);
        Arrays.fill(gradB, 0f);
        int inSize = g.inputSize();
        int outSize = g.outputSize();
        for (int i = 0; i < n; i++) {
            conv.backward(in, i * inSize, dOut, i * outSize, w.data(), gradW, gradB, dIn, i * inSize);
        }
    }

    /** W <- shrink W - scale gW; b <- b - scale gb. */
    @Override
    public void update(float scale, float shrink) {
        float[] wd = w.data();
        for (int j = 0; j < wd.length; j++) {
            wd[j] = shrink * wd[j] - scale * gradW[j];
        }
        float[] bd = b.data();
        for (int f = 0; f < bd.length; f++) {
            bd[f] -= scale * gradB[f];
        }
    }

    /** gW += twin's gW; gb += twin's gb. */
    @Override
    public void addGradients(Layer twin) {
        Conv2D other = (Conv2D) twin;
        Sgd.add(gradW, other.gradW);
        Sgd.add(gradB, other.gradB);
    }

    /** The gradient of the last backward, for tests (live). */
    float[] weightGradient() {
        return gradW;
    }

    float[] biasGradient() {
        return gradB;
    }
}
