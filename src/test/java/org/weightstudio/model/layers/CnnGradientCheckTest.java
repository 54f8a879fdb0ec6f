package org.weightstudio.model.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Layer;
import org.weightstudio.model.Tensor;

/**
 * The CNN's layers through the layer API, against central finite differences of
 * L = sum_i r . z_i (r random, z the scores of a batch of 2) accumulated in double: the gradient of
 * every parameter tensor of a whole small CNN (conv -> relu -> pool -> conv -> relu -> pool ->
 * flatten -> dense -> relu -> dense), and dL/dx of each layer type on its own.
 */
class CnnGradientCheckTest {
    private static final int N = 2;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32})
    void everyParameterOfASmallCnnMatchesFiniteDifferences(long seed) {
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        List<Layer> layers = Architecture.cnn(8, 8, 3, new int[] {2, 3}, 4).build().layers();
        for (Layer layer : layers) {
            layer.initialize(random, 0.5);
            layer.prepare(N);
        }
        float[] x = random(random, N * 64);
        float[] r = random(random, N * 3);

        float[][] acts = forward(layers, x);
        backward(layers, acts, r);
        for (Layer layer : layers) {
            if (layer instanceof Conv2D conv) {
                check(layers, x, r, conv.weights(), conv.weightGradient(), seed);
                check(layers, x, r, conv.bias(), conv.biasGradient(), seed);
            }
        }
        // the dense layers: their gradient read back from one update with scale 1, no shrink
        for (Layer layer : layers) {
            if (layer instanceof Dense dense) {
                float[] before = dense.weights().data().clone();
                forward(layers, x);
                backward(layers, forward(layers, x), r);
                dense.update(1f, 1f);
                float[] g = new float[before.length];
                for (int j = 0; j < g.length; j++) {
                    g[j] = before[j] - dense.weights().data()[j];
                }
                System.arraycopy(before, 0, dense.weights().data(), 0, before.length);
                check(layers, x, r, dense.weights(), g, seed);
            }
        }
    }

    @ParameterizedTest(name = "dL/dx, seed {0}")
    @ValueSource(longs = {41, 42})
    void inputGradientsOfConvAndPoolMatchFiniteDifferences(long seed) {
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        for (Layer layer : List.of(new Conv2D("c", 2, 5, 6, 3, 3), new MaxPool2x2("p", 2, 4, 6))) {
            layer.initialize(random, 0.5);
            layer.prepare(N);
            List<Layer> one = List.of(layer);
            float[] x = layer instanceof MaxPool2x2 ? distinct(random, N * layer.inputShape().size())
                    : random(random, N * layer.inputShape().size());
            float[] r = random(random, N * layer.outputShape().size());
            float[] y = new float[r.length];
            float[] dIn = new float[x.length];
            layer.forward(x, y, N);
            layer.backward(x, y, r, dIn, N);
            for (int j = 0; j < x.length; j++) {
                float saved = x[j];
                x[j] = saved + 1e-3f;
                double up = loss(one, x, r);
                x[j] = saved - 1e-3f;
                double down = loss(one, x, r);
                x[j] = saved;
                assertThat((double) dIn[j]).as("seed %d %s dL/dx[%d]", seed, layer.type(), j)
                        .isCloseTo((up - down) / 2e-3, within(2e-3));
            }
        }
    }

    private static void check(List<Layer> layers, float[] x, float[] r, Tensor t, float[] analytic, long seed) {
        float[] p = t.data();
        for (int j = 0; j < p.length; j++) {
            float saved = p[j];
            p[j] = saved + 1e-3f;
            double up = loss(layers, x, r);
            p[j] = saved - 1e-3f;
            double down = loss(layers, x, r);
            p[j] = saved;
            double numeric = (up - down) / 2e-3;
            // float forward passes: the difference quotient carries ~1e-4 of rounding noise
            assertThat((double) analytic[j]).as("seed %d dL/d%s[%d]", seed, t.name(), j)
                    .isCloseTo(numeric, within(5e-3 + 1e-2 * Math.abs(numeric)));
        }
    }

    private static float[][] forward(List<Layer> layers, float[] x) {
        float[][] acts = new float[layers.size() + 1][];
        acts[0] = x;
        for (int l = 0; l < layers.size(); l++) {
            acts[l + 1] = new float[N * layers.get(l).outputShape().size()];
            layers.get(l).forward(acts[l], acts[l + 1], N);
        }
        return acts;
    }

    private static void backward(List<Layer> layers, float[][] acts, float[] r) {
        float[] d = r.clone();
        for (int l = layers.size() - 1; l >= 0; l--) {
            float[] dIn = l == 0 ? null : new float[acts[l].length];
            layers.get(l).backward(acts[l], acts[l + 1], d, dIn, N);
            d = dIn;
        }
    }

    private static double loss(List<Layer> layers, float[] x, float[] r) {
        float[][] acts = forward(layers, x);
        float[] z = acts[layers.size()];
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            s += (double) r[i] * z[i];
        }
        return s;
    }

    private static float[] random(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** Values 0.05 apart in random order: a step of 1e-3 never changes a pooling window's winner. */
    private static float[] distinct(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.05f * i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }
}
