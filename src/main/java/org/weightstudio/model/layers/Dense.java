package org.weightstudio.model.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.weightstudio.data.PackedInk;
import org.weightstudio.model.Layer;
import org.weightstudio.model.PackedBatch;
import org.weightstudio.model.PackedKernels;
import org.weightstudio.model.Sgd;
import org.weightstudio.model.Shape;
import org.weightstudio.model.SparseInputLayer;
import org.weightstudio.model.Tensor;
import org.weightstudio.model.kernels.Gemm;

/**
 * A fully connected layer z = x W + b with W stored one row per input (in x out), so that the
 * weights an input feeds to every unit lie side by side: unit j's weights are column j. That
 * layout makes both hot loops of a sparse first layer contiguous: the forward pass adds x_p times
 * row p of W for each ink pixel p, the update subtracts x_p g from row p.
 *
 * <p>On dense input from {@value #SMALL_BATCH} samples on, the products go through the blocked
 * {@link Gemm}, which measured 1.5-2.5x EJML's {@code mult}, {@code multTransA} and {@code
 * multTransB} on the CNN's 1568 -> 128 layer and the MLP's 64 -> 10 at batch 32 and 64
 * (docs/performance.md). Smaller batches do not fill Gemm's panels: it would copy all of W to
 * compute a few rows. There the layer works row by row as on packed input, skipping the zero
 * inputs (a ReLU before it zeroes about half): z_i = b + sum_p x_ip W[p, :], and the update
 * subtracts x_ip g_i from row p for each non-zero x_ip, with no gradient buffer and no pass over
 * the rest of W; dX = dZ W^T stays on EJML's {@code multTransB}, row-by-row dot products (Gemm
 * took 1.6x its time at batch 2; a hand-written dot-product loop with four running sums took the
 * same time as EJML). Type "dense" in a model file.
 */
public final class Dense implements SparseInputLayer {
    public static final String TYPE = "dense";
    /**
     * Batches of dense input below this size are computed row by row (see the class comment); from
     * this size on through Gemm, with a batch gradient that {@link #addGradients} can add.
     */
    public static final int SMALL_BATCH = 8;

    private final String name;
    private final int in;
    private final int out;
    private final boolean feedsRelu;
    private final Tensor w;
    private final Tensor b;
    private final float[] gradW;
    private final float[] gradB;
    /** One sample's scores while the packed forward sums them. */
    private final float[] acc;
    private final Gemm gemm = new Gemm();
    private final FMatrixRMaj wMatrix;

    // EJML views of the batch arrays, re-pointed at each call (no allocation).
    private final FMatrixRMaj zView = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dxView = new FMatrixRMaj(1, 1);

    private float[] pendingDOut;
    private PackedBatch pendingPacked;
    /** The dense input of the last backward when the update goes row by row (a small batch), else null. */
    private float[] pendingX;
    private int pendingN;

    /**
     * @param feedsRelu whether a ReLU follows: chooses He init (std sqrt(2/in)) over Glorot-style
     *                  sqrt(1/in) for the default initialisation
     */
    public Dense(String name, int in, int out, boolean feedsRelu) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.feedsRelu = feedsRelu;
        this.w = new Tensor(name + ".W", Shape.of(in, out));
        this.b = new Tensor(name + ".b", Shape.of(out));
        this.gradW = new float[in * out];
        this.gradB = new float[out];
        this.acc = new float[out];
        this.wMatrix = FMatrixRMaj.wrap(in, out, w.data());
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

    public boolean feedsRelu() {
        return feedsRelu;
    }

    @Override
    public void initialize(Random random, double scale) {
        double std = scale > 0 ? scale : Math.sqrt((feedsRelu ? 2.0 : 1.0) / in);
        float[] v = w.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        Arrays.fill(b.data(), 0f);
    }

    @Override
    public void prepare(int batch) {
        // The gradient buffers do not depend on the batch size; the views are re-pointed per call.
    }

    // ---- packed (sparse) input: the first layer ----

    @Override
    public void forward(PackedBatch batch, float[] z, int n) {
        PackedInk ink = batch.ink();
        byte[] value = ink.value();
        for (int i = 0; i < n; i++) {
            int zOff = i * out;
            System.arraycopy(b.data(), 0, acc, 0, out);
            int j = batch.start(i);
            int end = batch.end(i);
            // acc += x_p W[p, :] for each ink pixel p, four pixels per pass over acc: a quarter of
            // the loads and stores of acc, and four independent products per element in flight.
            for (; j + 3 < end; j += 4) {
                addRows(pixel(ink, j) * out, PackedKernels.scaled(value[j]), pixel(ink, j + 1) * out,
                        PackedKernels.scaled(value[j + 1]), pixel(ink, j + 2) * out, PackedKernels.scaled(value[j + 2]),
                        pixel(ink, j + 3) * out, PackedKernels.scaled(value[j + 3]));
            }
            for (; j < end; j++) {
                addRow(pixel(ink, j) * out, PackedKernels.scaled(value[j]));
            }
            System.arraycopy(acc, 0, z, zOff, out);
        }
    }

    /** acc[k] += x0 W[r0 + k] + x1 W[r1 + k] + x2 W[r2 + k] + x3 W[r3 + k]. */
    private void addRows(int r0, float x0, int r1, float x1, int r2, float x2, int r3, float x3) {
        float[] a = acc;
        float[] wd = w.data();
        for (int k = 0; k < out; k++) {
            a[k] += x0 * wd[r0 + k] + x1 * wd[r1 + k] + x2 * wd[r2 + k] + x3 * wd[r3 + k];
        }
    }

    private void addRow(int row, float x) {
        float[] a = acc;
        float[] wd = w.data();
        for (int k = 0; k < out; k++) {
            a[k] += x * wd[row + k];
        }
    }

    @Override
    public void backward(PackedBatch batch, float[] dOut, int n) {
        pendingDOut = dOut;
        pendingX = null;
        pendingPacked = batch;
        pendingN = n;
    }

    // ---- dense input ----

    @Override
    public void forward(float[] x, float[] z, int n) {
        if (n < SMALL_BATCH) {
            forwardRows(x, z, n);
            return;
        }
        // Z_i = b, then Z += X W (n x out)
        for (int i = 0; i < n; i++) {
            System.arraycopy(b.data(), 0, z, i * out, out);
        }
        gemm.multAdd(n, out, in, x, 0, w.data(), 0, z, 0);
    }

    /** z_i = b + sum_p x_ip W[p, :] over the non-zero x_ip, four rows of W per pass over acc. */
    private void forwardRows(float[] x, float[] z, int n) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(b.data(), 0, acc, 0, out);
            int xOff = i * in;
            int p = nextNonZero(x, xOff, 0);
            while (p < in) {
                int p1 = nextNonZero(x, xOff, p + 1);
                int p2 = nextNonZero(x, xOff, p1 + 1);
                int p3 = nextNonZero(x, xOff, p2 + 1);
                if (p3 >= in) {
                    for (int q = p; q < in; q = nextNonZero(x, xOff, q + 1)) {
                        addRow(q * out, x[xOff + q]);
                    }
                    break;
                }
                addRows(p * out, x[xOff + p], p1 * out, x[xOff + p1], p2 * out, x[xOff + p2], p3 * out, x[xOff + p3]);
                p = nextNonZero(x, xOff, p3 + 1);
            }
            System.arraycopy(acc, 0, z, i * out, out);
        }
    }

    /** The first p >= from with x[xOff + p] != 0, or in. */
    private int nextNonZero(float[] x, int xOff, int from) {
        int p = from;
        while (p < in && x[xOff + p] == 0f) {
            p++;
        }
        return p;
    }

    @Override
    public void backward(float[] x, float[] z, float[] dOut, float[] dIn, int n) {
        pendingPacked = null;
        if (dIn != null) {
            inputGradient(dOut, dIn, n);
        }
        if (n < SMALL_BATCH) {
            // the update reads x and dZ row by row
            pendingX = x;
            pendingDOut = dOut;
            pendingN = n;
            return;
        }
        pendingX = null;
        pendingDOut = null;
        // gW = X^T dZ (in x out); gb = sum_i dZ_i
        Arrays.fill(gradW, 0f);
        gemm.multTransAAdd(in, out, n, x, 0, dOut, 0, gradW, 0);
        Arrays.fill(gradB, 0f);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < out; k++) {
                gradB[k] += dOut[i * out + k];
            }
        }
    }

    /** gW += twin's gW; gb += twin's gb: after a backward on dense input only. */
    @Override
    public void addGradients(Layer twin) {
        Dense other = (Dense) twin;
        if (pendingPacked != null || other.pendingPacked != null || pendingX != null || other.pendingX != null) {
            throw new IllegalStateException(name + ": a sparse first layer, or a batch under " + SMALL_BATCH
                    + ", updates sample by sample; its gradients cannot be added");
        }
        Sgd.add(gradW, other.gradW);
        Sgd.add(gradB, other.gradB);
    }

    /** dX = dZ W^T (n x in). */
    private void inputGradient(float[] dOut, float[] dIn, int n) {
        if (n < SMALL_BATCH) {
            view(zView, n, out, dOut);
            view(dxView, n, in, dIn);
            CommonOps_FDRM.multTransB(zView, wMatrix, dxView);
        } else {
            Arrays.fill(dIn, 0, n * in, 0f);
            gemm.multTransBAdd(n, in, out, dOut, 0, w.data(), 0, dIn, 0);
        }
    }

    @Override
    public void update(float scale, float shrink) {
        if (pendingPacked != null) {
            updatePacked(scale, shrink);
        } else if (pendingX != null) {
            updateRows(scale, shrink);
        } else {
            updateDense(scale, shrink);
        }
    }

    /** W <- shrink W - scale gW; b <- b - scale gb. */
    private void updateDense(float scale, float shrink) {
        float[] wd = w.data();
        float[] bd = b.data();
        for (int j = 0; j < wd.length; j++) {
            wd[j] = shrink * wd[j] - scale * gradW[j];
        }
        for (int k = 0; k < out; k++) {
            bd[k] -= scale * gradB[k];
        }
    }

    /**
     * W <- shrink W, then for each sample i: g_i = (lr/n) dz_i, b -= g_i, and W[p, :] -= x_p g_i
     * for each ink pixel p of x_i only. Overwrites the pending dz with g.
     */
    private void updatePacked(float scale, float shrink) {
        float[] wd = w.data();
        float[] bd = b.data();
        Sgd.shrink(wd, shrink);
        float[] g = pendingDOut;
        PackedInk ink = pendingPacked.ink();
        byte[] value = ink.value();
        for (int i = 0; i < pendingN; i++) {
            int gOff = i * out;
            for (int k = 0; k < out; k++) {
                float gk = scale * g[gOff + k];
                g[gOff + k] = gk;
                bd[k] -= gk;
            }
            int j = pendingPacked.start(i);
            int end = pendingPacked.end(i);
            // Four distinct pixels of one image per pass over g_i: distinct rows of W.
            for (; j + 3 < end; j += 4) {
                subtractRows(g, gOff, pixel(ink, j) * out, PackedKernels.scaled(value[j]), pixel(ink, j + 1) * out,
                        PackedKernels.scaled(value[j + 1]), pixel(ink, j + 2) * out, PackedKernels.scaled(value[j + 2]),
                        pixel(ink, j + 3) * out, PackedKernels.scaled(value[j + 3]));
            }
            for (; j < end; j++) {
                int row = pixel(ink, j) * out;
                float x = PackedKernels.scaled(value[j]);
                for (int k = 0; k < out; k++) {
                    wd[row + k] -= x * g[gOff + k];
                }
            }
        }
        pendingPacked = null;
    }

    /**
     * W <- shrink W, then for each sample i: g_i = (lr/n) dz_i, b -= g_i, and W[p, :] -= x_ip g_i
     * for each non-zero x_ip, four rows per pass. Overwrites the pending dz with g.
     */
    private void updateRows(float scale, float shrink) {
        float[] wd = w.data();
        float[] bd = b.data();
        Sgd.shrink(wd, shrink);
        float[] g = pendingDOut;
        float[] x = pendingX;
        for (int i = 0; i < pendingN; i++) {
            int gOff = i * out;
            for (int k = 0; k < out; k++) {
                float gk = scale * g[gOff + k];
                g[gOff + k] = gk;
                bd[k] -= gk;
            }
            int xOff = i * in;
            int p = nextNonZero(x, xOff, 0);
            while (p < in) {
                int p1 = nextNonZero(x, xOff, p + 1);
                int p2 = nextNonZero(x, xOff, p1 + 1);
                int p3 = nextNonZero(x, xOff, p2 + 1);
                if (p3 >= in) {
                    for (int q = p; q < in; q = nextNonZero(x, xOff, q + 1)) {
                        float xq = x[xOff + q];
                        int row = q * out;
                        for (int k = 0; k < out; k++) {
                            wd[row + k] -= xq * g[gOff + k];
                        }
                    }
                    break;
                }
                subtractRows(g, gOff, p * out, x[xOff + p], p1 * out, x[xOff + p1], p2 * out, x[xOff + p2], p3 * out,
                        x[xOff + p3]);
                p = nextNonZero(x, xOff, p3 + 1);
            }
        }
        pendingX = null;
        pendingDOut = null;
    }

    /** W[r, :] -= x g for four rows r at once, g = g[gOff, gOff + out). */
    private void subtractRows(float[] g, int gOff, int r0, float x0, int r1, float x1, int r2, float x2, int r3,
            float x3) {
        float[] wd = w.data();
        for (int k = 0; k < out; k++) {
            float gk = g[gOff + k];
            wd[r0 + k] -= x0 * gk;
            wd[r1 + k] -= x1 * gk;
            wd[r2 + k] -= x2 * gk;
            wd[r3 + k] -= x3 * gk;
        }
    }

    private static int pixel(PackedInk ink, int j) {
        return ink.index() != null ? ink.index()[j] : ink.wideIndex()[j];
    }

    /** Points an EJML view at rows x cols of {@code data} without allocating. */
    private static void view(FMatrixRMaj m, int rows, int cols, float[] data) {
        m.data = data;
        m.numRows = rows;
        m.numCols = cols;
    }
}
