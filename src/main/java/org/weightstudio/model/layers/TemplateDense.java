package org.weightstudio.model.layers;

import java.util.List;
import java.util.Random;
import org.weightstudio.data.PackedInk;
import org.weightstudio.model.Layer;
import org.weightstudio.model.PackedBatch;
import org.weightstudio.model.PackedKernels;
import org.weightstudio.model.Sgd;
import org.weightstudio.model.Shape;
import org.weightstudio.model.SparseInputLayer;
import org.weightstudio.model.Tensor;

/**
 * The one-layer net's layer: z = W x + b with W stored one row per output unit (out x in), so
 * that row k is the 28x28 template of class k the studio draws. On packed input it runs the
 * ink-only kernels of {@link PackedKernels} (specialised for 10 x 784), and applies the update
 * sample by sample in batch order, so its weights are bit for bit those of the trainer before
 * networks were layers. Type "template" in a model file.
 */
public final class TemplateDense implements SparseInputLayer {
    public static final String TYPE = "template";

    private final String name;
    private final int in;
    private final int out;
    private final Tensor w;
    private final Tensor b;

    // The last backward's inputs, kept for update (not copied).
    private float[] pendingDOut;
    private PackedBatch pendingPacked;
    private float[] pendingDense;
    private int pendingN;

    public TemplateDense(String name, int in, int out) {
        this(name, in, out, new float[out * in], new float[out]);
    }

    /** A layer over the given arrays (W out x in, b out), shared, not copied: the one-layer model's own. */
    public TemplateDense(String name, int in, int out, float[] weights, float[] bias) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.w = new Tensor(name + ".W", Shape.of(out, in), weights);
        this.b = new Tensor(name + ".b", Shape.of(out), bias);
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
        return Shape.of(in);
    }

    @Override
    public Shape outputShape() {
        return Shape.of(out);
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

    /** W ~ N(0, scale^2) in row-major order when scale > 0 (as the one-layer model always drew them); else zero. */
    @Override
    public void initialize(Random random, double scale) {
        // The scale is rounded to float first, as the one-layer model always did.
        float s = (float) scale;
        float[] v = w.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = scale > 0 ? (float) (random.nextGaussian() * s) : 0f;
        }
        java.util.Arrays.fill(b.data(), 0f);
    }

    @Override
    public void prepare(int batch) {
        // No work buffers: the update works from dL/dz in place.
    }

    @Override
    public void forward(PackedBatch batch, float[] z, int n) {
        PackedInk ink = batch.ink();
        for (int i = 0; i < n; i++) {
            if (ink.index() != null) {
                PackedKernels.scores(w.data(), b.data(), out, in, ink.index(), ink.value(), batch.start(i),
                        batch.end(i), z, i * out);
            } else {
                PackedKernels.scores(w.data(), b.data(), out, in, ink.wideIndex(), ink.value(), batch.start(i),
                        batch.end(i), z, i * out);
            }
        }
    }

    @Override
    public void forward(float[] x, float[] z, int n) {
        float[] wd = w.data();
        float[] bd = b.data();
        for (int i = 0; i < n; i++) {
            int xOff = i * in;
            for (int k = 0, row = 0; k < out; k++, row += in) {
                // z_ik = b_k + sum_j W[k, j] x_ij
                float s = bd[k];
                for (int j = 0; j < in; j++) {
                    s += wd[row + j] * x[xOff + j];
                }
                z[i * out + k] = s;
            }
        }
    }

    @Override
    public void backward(PackedBatch batch, float[] dOut, int n) {
        pendingDOut = dOut;
        pendingPacked = batch;
        pendingDense = null;
        pendingN = n;
    }

    @Override
    public void backward(float[] x, float[] z, float[] dOut, float[] dIn, int n) {
        if (dIn != null) {
            // dx_i = W^T dz_i
            float[] wd = w.data();
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(dIn, i * in, (i + 1) * in, 0f);
                for (int k = 0, row = 0; k < out; k++, row += in) {
                    float g = dOut[i * out + k];
                    for (int j = 0; j < in; j++) {
                        dIn[i * in + j] += wd[row + j] * g;
                    }
                }
            }
        }
        pendingDOut = dOut;
        pendingPacked = null;
        pendingDense = x;
        pendingN = n;
    }

    /**
     * W <- shrink W - sum_i g_i x_i^T and b <- b - sum_i g_i with g_i = (lr/n) dz_i, applied
     * sample after sample in batch order (each weight gets its terms in the order it always has).
     * Overwrites the pending dz with g.
     */
    /** The templates update sample by sample from the packed batch: there is no batch gradient to add. */
    @Override
    public void addGradients(Layer twin) {
        throw new UnsupportedOperationException(name() + ": the one-layer net's update cannot be split over threads");
    }

    @Override
    public void update(float scale, float shrink) {
        float[] wd = w.data();
        float[] bd = b.data();
        Sgd.shrink(wd, shrink);
        float[] g = pendingDOut;
        for (int i = 0; i < pendingN; i++) {
            int gOff = i * out;
            for (int k = 0; k < out; k++) {
                float gk = scale * g[gOff + k];
                g[gOff + k] = gk;
                bd[k] -= gk;
            }
            if (pendingPacked != null) {
                subtractPacked(i, g, gOff);
            } else {
                subtractDense(pendingDense, i, g, gOff);
            }
        }
    }

    private void subtractPacked(int i, float[] g, int gOff) {
        PackedInk ink = pendingPacked.ink();
        if (ink.index() != null) {
            PackedKernels.subtractOuter(w.data(), out, in, g, gOff, ink.index(), ink.value(), pendingPacked.start(i),
                    pendingPacked.end(i));
        } else {
            PackedKernels.subtractOuter(w.data(), out, in, g, gOff, ink.wideIndex(), ink.value(),
                    pendingPacked.start(i), pendingPacked.end(i));
        }
    }

    private void subtractDense(float[] x, int i, float[] g, int gOff) {
        float[] wd = w.data();
        int xOff = i * in;
        for (int k = 0, row = 0; k < out; k++, row += in) {
            float gk = g[gOff + k];
            for (int j = 0; j < in; j++) {
                wd[row + j] -= gk * x[xOff + j];
            }
        }
    }
}
