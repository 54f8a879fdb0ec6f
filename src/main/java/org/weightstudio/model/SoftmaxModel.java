package org.weightstudio.model;

import java.util.Random;
import org.ejml.data.FMatrixRMaj;
import org.weightstudio.data.SparseImages;

/**
 * Softmax regression: scores z = W x + b, probabilities p = softmax(z). W is classes x inputs
 * (10 x 784 for MNIST), b is classes x 1, both EJML row-major float matrices. Row k of W is the
 * "template" of class k that the studio draws as a heatmap.
 *
 * <p>The kernels take the input as a sparse vector (positions and values of its non-zero
 * pixels): an MNIST digit is about 19% ink, and the dense product would spend four fifths of its
 * time multiplying by zero.
 */
public final class SoftmaxModel implements Classifier {
    private final FMatrixRMaj weights;
    private final FMatrixRMaj bias;

    public SoftmaxModel(int classes, int inputs) {
        if (classes < 2 || inputs < 1) {
            throw new IllegalArgumentException("need at least 2 classes and 1 input, got " + classes + "x" + inputs);
        }
        this.weights = new FMatrixRMaj(classes, inputs);
        this.bias = new FMatrixRMaj(classes, 1);
    }

    private SoftmaxModel(FMatrixRMaj weights, FMatrixRMaj bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** A model over the given arrays (W classes x inputs, b classes), shared, not copied. */
    public static SoftmaxModel wrap(int classes, int inputs, float[] w, float[] b) {
        return new SoftmaxModel(FMatrixRMaj.wrap(classes, inputs, w), FMatrixRMaj.wrap(classes, 1, b));
    }

    /** A model with the given weights (classes x inputs, row-major) and bias, copied. */
    public static SoftmaxModel of(int classes, int inputs, float[] w, float[] b) {
        SoftmaxModel m = new SoftmaxModel(classes, inputs);
        if (w.length != classes * inputs || b.length != classes) {
            throw new IllegalArgumentException("weights " + w.length + " and bias " + b.length
                    + " do not fit " + classes + "x" + inputs);
        }
        System.arraycopy(w, 0, m.weights.data, 0, w.length);
        System.arraycopy(b, 0, m.bias.data, 0, b.length);
        return m;
    }

    /** Small seeded Gaussian weights, N(0, scale^2); bias stays zero. */
    public void randomize(long seed, float scale) {
        Random random = new Random(seed);
        float[] w = weights.data;
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * scale);
        }
    }

    @Override
    public Classifier copyClassifier() {
        return copy();
    }

    @Override
    public int classes() {
        return weights.numRows;
    }

    @Override
    public int inputs() {
        return weights.numCols;
    }

    /** The live weight matrix; the trainer updates it in place. */
    public FMatrixRMaj weights() {
        return weights;
    }

    /** The live bias vector (classes x 1). */
    public FMatrixRMaj bias() {
        return bias;
    }

    public SoftmaxModel copy() {
        return of(classes(), inputs(), weights.data, bias.data);
    }

    /** Copies this model's parameters into {@code target}, which must have the same shape. */
    public void copyInto(SoftmaxModel target) {
        System.arraycopy(weights.data, 0, target.weights.data, 0, weights.data.length);
        System.arraycopy(bias.data, 0, target.bias.data, 0, bias.data.length);
    }

    /**
     * z = W x + b for a sparse x given by {@code nnz} (position, value) pairs starting at
     * {@code offset}; writes the scores into {@code z[zOffset, zOffset + classes)}.
     */
    public void scoresSparse(int[] index, float[] value, int offset, int nnz, float[] z, int zOffset) {
        float[] w = weights.data;
        int inputs = inputs();
        int classes = classes();
        for (int k = 0, rowStart = 0; k < classes; k++, rowStart += inputs) {
            // z_k = b_k + sum_j W[k, index_j] * value_j
            float sum = bias.data[k];
            for (int j = offset, end = offset + nnz; j < end; j++) {
                sum += w[rowStart + index[j]] * value[j];
            }
            z[zOffset + k] = sum;
        }
    }

    /**
     * z = W x + b for a sparse x packed as 16-bit positions and raw byte values (pixel / 255),
     * entries {@code [from, to)}: the form of {@code data.SparseImages}. Writes the scores into
     * {@code z[zOffset, zOffset + classes)}. Bit for bit the sums of
     * {@link #scoresSparse(int[], float[], int, int, float[], int)}, faster: see {@link PackedKernels}.
     */
    public void scoresPacked(char[] index, byte[] value, int from, int to, float[] z, int zOffset) {
        PackedKernels.scores(weights.data, bias.data, classes(), inputs(), index, value, from, to, z, zOffset);
    }

    /**
     * z = W x + b for image {@code i} of a packed image set, into {@code z[zOffset, zOffset + classes)}:
     * the one way every evaluation reads packed images, 16-bit or int positions alike.
     */
    @Override
    public void scoresOf(SparseImages images, int i, float[] z, int zOffset) {
        if (images.index() != null) {
            scoresPacked(images.index(), images.value(), images.start(i), images.end(i), z, zOffset);
        } else {
            scoresPacked(images.wideIndex(), images.value(), images.start(i), images.end(i), z, zOffset);
        }
    }

    /** {@link #scoresPacked(char[], byte[], int, int, float[], int)} with int positions (images over 65,536 pixels). */
    public void scoresPacked(int[] index, byte[] value, int from, int to, float[] z, int zOffset) {
        PackedKernels.scores(weights.data, bias.data, classes(), inputs(), index, value, from, to, z, zOffset);
    }

    /** z = W x + b for a dense x (length inputs). */
    @Override
    public void scores(float[] x, float[] z) {
        float[] w = weights.data;
        int inputs = inputs();
        for (int k = 0, rowStart = 0; k < z.length; k++, rowStart += inputs) {
            float sum = bias.data[k];
            for (int j = 0; j < inputs; j++) {
                sum += w[rowStart + j] * x[j];
            }
            z[k] = sum;
        }
    }

    /** Class probabilities for a dense x, written into {@code p} (length classes). */
    @Override
    public void probabilities(float[] x, float[] p) {
        scores(x, p);
        softmaxInPlace(p, 0, p.length);
    }

    /** The most probable class of a dense x. */
    @Override
    public int predict(float[] x) {
        float[] z = new float[classes()];
        scores(x, z);
        return argmax(z, 0, z.length);
    }

    /**
     * Numerically stable softmax over z[from, from + n): p_k = exp(z_k - max z) / sum exp(z_j - max z).
     * Subtracting the max keeps every exponent at or below zero, so nothing overflows.
     */
    public static void softmaxInPlace(float[] z, int from, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = from; k < from + n; k++) {
            max = Math.max(max, z[k]);
        }
        float sum = 0f;
        for (int k = from; k < from + n; k++) {
            float e = (float) Math.exp(z[k] - max);
            z[k] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (int k = from; k < from + n; k++) {
            z[k] *= inv;
        }
    }

    /**
     * Cross-entropy -log p_label computed from scores z (not probabilities), stably:
     * -log softmax(z)_y = log(sum_j exp(z_j - m)) - (z_y - m), with m = max z.
     */
    public static double crossEntropyFromScores(float[] z, int from, int n, int label) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = from; k < from + n; k++) {
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = from; k < from + n; k++) {
            sum += Math.exp(z[k] - max);
        }
        return Math.log(sum) - (z[from + label] - max);
    }

    /**
     * {@link #crossEntropyFromScores} and then {@link #softmaxInPlace} in one pass, with the same
     * results bit for bit: both take exp(z_k - max) of the same float difference in double, so the
     * ten exponentials are computed once instead of twice.
     *
     * @return -log softmax(z)_label; z[from, from + n) then holds the probabilities
     */
    public static double softmaxWithLoss(float[] z, int from, int n, int label) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = from; k < from + n; k++) {
            max = Math.max(max, z[k]);
        }
        float labelScore = z[from + label];
        // p_k = exp(z_k - m) / sum_j exp(z_j - m); loss = log(sum_j exp(z_j - m)) - (z_y - m)
        double sumD = 0;
        float sumF = 0f;
        for (int k = from; k < from + n; k++) {
            double e = Math.exp(z[k] - max);
            sumD += e;
            float ef = (float) e;
            z[k] = ef;
            sumF += ef;
        }
        float inv = 1f / sumF;
        for (int k = from; k < from + n; k++) {
            z[k] *= inv;
        }
        return Math.log(sumD) - (labelScore - max);
    }

    public static int argmax(float[] v, int from, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (v[from + k] > v[from + best]) {
                best = k;
            }
        }
        return best;
    }

    /** True when every parameter is a finite number. */
    @Override
    public boolean isFinite() {
        for (float v : weights.data) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        for (float v : bias.data) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
