package org.weightstudio.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.layers.Dense;
import org.weightstudio.model.layers.Flatten;
import org.weightstudio.model.layers.Relu;
import org.weightstudio.model.layers.TemplateDense;

/**
 * Every layer type's backward pass against central finite differences of the loss
 * L = sum_i r . out_i (r random), in double-checked small sizes: dL/din from backward, and the
 * parameter gradient read back from one update with scale 1 and no shrink (p_after = p - g).
 */
class GradientCheckTest {
    private static final int N = 3;

    static List<Supplier<Layer>> denseInputLayers() {
        return List.of(() -> new Dense("d", 7, 5, true), () -> new TemplateDense("t", 7, 5),
                () -> new Relu("r", Shape.of(2, 3, 3)), () -> new Flatten("f", Shape.of(2, 3, 3)));
    }

    /** Batches of 3 and of 9: a dense layer computes dX with EJML below 8 samples, with Gemm above. */
    @ParameterizedTest(name = "layer {0}, batch {1}")
    @CsvSource({"0, 3", "0, 9", "1, 3", "2, 3", "3, 3"})
    void denseInputGradientsMatchFiniteDifferences(int which, int n) {
        long seed = 1000 + which + 100 * (n - 3);
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        Layer layer = denseInputLayers().get(which).get();
        layer.initialize(random, 0.5);
        int in = layer.inputShape().size();
        int out = layer.outputShape().size();
        float[] x = randomAwayFromZero(random, n * in);
        float[] r = randomAwayFromZero(random, n * out);
        layer.prepare(n);

        float[] y = new float[n * out];
        float[] dIn = new float[n * in];
        layer.forward(x, y, n);
        layer.backward(x, y, r.clone(), dIn, n);
        for (int j = 0; j < x.length; j++) {
            double numeric = numericDerivative(x, j, () -> loss(layer, x, r, out, n));
            assertGradient(dIn[j], numeric, "dL/dx[" + j + "] of " + layer.type());
        }
        checkParameters(layer, () -> loss(layer, x, r, out, n), () -> {
            layer.forward(x, new float[n * out], n);
            layer.backward(x, y, r.clone(), null, n);
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void packedInputGradientsMatchFiniteDifferences(boolean templateLayer) {
        Random random = new Random(77);
        System.out.println("seed 77");
        ImageSet images = smallImages(random, 6, 3, 4);
        PackedBatch batch = new PackedBatch(images.sparse(), N);
        for (int i = 0; i < N; i++) {
            batch.images()[i] = 2 * i;
        }
        SparseInputLayer layer = templateLayer ? new TemplateDense("t", 12, 4) : new Dense("d", 12, 4, false);
        layer.initialize(random, 0.5);
        layer.prepare(N);
        float[] r = randomAwayFromZero(random, N * 4);
        Supplier<Double> loss = () -> {
            float[] y = new float[N * 4];
            layer.forward(batch, y, N);
            return dot(y, r);
        };
        // The packed forward equals the dense forward of the same pixels.
        float[] dense = new float[N * 12];
        for (int i = 0; i < N; i++) {
            batch.densify(i, dense, i * 12, 12);
        }
        float[] viaDense = new float[N * 4];
        float[] viaPacked = new float[N * 4];
        layer.forward(dense, viaDense, N);
        layer.forward(batch, viaPacked, N);
        for (int k = 0; k < viaDense.length; k++) {
            assertThat(viaPacked[k]).isCloseTo(viaDense[k], org.assertj.core.data.Offset.offset(1e-5f));
        }
        checkParameters(layer, loss, () -> {
            layer.forward(batch, new float[N * 4], N);
            layer.backward(batch, r.clone(), N);
        });
    }

    /** The whole MLP with its softmax cross-entropy loss, through Network and the packed first layer. */
    @Test
    void mlpLossGradientMatchesFiniteDifferences() {
        Random random = new Random(5);
        System.out.println("seed 5");
        ImageSet images = smallImages(random, 8, 4, 4);
        Architecture arch = Architecture.mlp(4, 4, 3, 6, 5);
        Network net = arch.build();
        net.initialize(9, 0);
        PackedBatch batch = new PackedBatch(images.sparse(), N);
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            batch.images()[i] = i + 2;
            labels[i] = images.label(i + 2) % 3;
        }
        Supplier<Double> loss = () -> {
            float[] z = net.forward(batch, N);
            return SoftmaxCrossEntropy.lossAndGradient(z, new float[N * 3], N, 3, labels, new int[N]);
        };
        for (Tensor t : net.parameters()) {
            float[][] before = snapshot(net);
            float[] z = net.forward(batch, N);
            SoftmaxCrossEntropy.lossAndGradient(z, net.scoreGradient(), N, 3, labels, new int[N]);
            net.backward(batch, N);
            net.update(1f, 1f);
            float[] p = t.data();
            float[] gradient = new float[p.length];
            int index = net.parameters().indexOf(t);
            for (int j = 0; j < p.length; j++) {
                gradient[j] = before[index][j] - p[j];
            }
            restore(net, before);
            int kinksBefore = kinks;
            for (int j = 0; j < p.length; j++) {
                double numeric = numericDerivative(p, j, loss);
                assertGradient(gradient[j], numeric, t.name() + "[" + j + "]");
            }
            assertThat(kinks - kinksBefore).as("entries of %s skipped at a ReLU kink", t.name()).isLessThanOrEqualTo(p.length / 2);
        }
    }

    // ---- helpers ----

    private static float[][] snapshot(Network net) {
        float[][] copy = new float[net.parameters().size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = net.parameters().get(i).data().clone();
        }
        return copy;
    }

    private static void restore(Network net, float[][] values) {
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, net.parameters().get(i).data(), 0, values[i].length);
        }
    }

    private static void checkParameters(Layer layer, Supplier<Double> loss, Runnable forwardBackward) {
        for (Tensor t : layer.parameters()) {
            List<Tensor> all = layer.parameters();
            float[][] before = new float[all.size()][];
            for (int i = 0; i < all.size(); i++) {
                before[i] = all.get(i).data().clone();
            }
            forwardBackward.run();
            layer.update(1f, 1f);
            float[] p = t.data();
            float[] gradient = new float[p.length];
            int index = all.indexOf(t);
            for (int j = 0; j < p.length; j++) {
                gradient[j] = before[index][j] - p[j];
            }
            for (int i = 0; i < all.size(); i++) {
                System.arraycopy(before[i], 0, all.get(i).data(), 0, before[i].length);
            }
            for (int j = 0; j < p.length; j++) {
                double numeric = numericDerivative(p, j, loss);
                assertGradient(gradient[j], numeric, t.name() + "[" + j + "]");
            }
        }
    }

    private static double loss(Layer layer, float[] x, float[] r, int out, int n) {
        float[] y = new float[n * out];
        layer.forward(x, y, n);
        return dot(y, r);
    }

    /**
     * (L(p + eps) - L(p - eps)) / 2 eps; NaN where a ReLU kink lies within eps (the two one-sided
     * differences disagree), where no finite difference can check the gradient.
     */
    private static double numericDerivative(float[] values, int j, Supplier<Double> loss) {
        float keep = values[j];
        float eps = 3e-3f;
        double centre = loss.get();
        values[j] = keep + eps;
        double up = loss.get();
        values[j] = keep - eps;
        double down = loss.get();
        values[j] = keep;
        double forward = (up - centre) / eps;
        double backward = (centre - down) / eps;
        if (Math.abs(forward - backward) > 0.05 * (1 + Math.abs(forward))) {
            kinks++;
            return Double.NaN;
        }
        return (up - down) / (2 * eps);
    }

    private static int kinks;

    private static void assertGradient(float analytic, double numeric, String what) {
        if (!Double.isNaN(numeric)) {
            assertThat((double) analytic).as(what).isCloseTo(numeric, tolerance(numeric));
        }
    }

    private static org.assertj.core.data.Offset<Double> tolerance(double numeric) {
        return org.assertj.core.data.Offset.offset(2e-3 + 2e-2 * Math.abs(numeric));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** Uniform in +-[0.1, 1]: far from ReLU's kink at the finite-difference step. */
    private static float[] randomAwayFromZero(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            float m = 0.1f + 0.9f * random.nextFloat();
            v[i] = random.nextBoolean() ? m : -m;
        }
        return v;
    }

    /** count images of rows x cols, about half their pixels zero, labels 0..9. */
    static ImageSet smallImages(Random random, int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextBoolean() ? 0 : (byte) (1 + random.nextInt(255));
        }
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) random.nextInt(10);
        }
        return new ImageSet(pixels, labels, rows, cols);
    }
}
