package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.Tensor;

class HiddenUnitContributionsTest {
    /** A network of {@code a} with seeded random parameters (biases too) and a random ink image. */
    private static Network network(Architecture a, Random r) {
        Network n = a.build();
        for (Tensor t : n.parameters()) {
            for (int i = 0; i < t.data().length; i++) {
                t.data()[i] = (float) r.nextGaussian() * 0.1f;
            }
        }
        return n;
    }

    private static float[] image(Random r) {
        float[] x = new float[784];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(5) == 0 ? r.nextFloat() : 0f;
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 17, 2026})
    void withOneHiddenLayerTheUnitsAndTheBiasAddUpToTheScore(long seed) {
        System.out.println("HiddenUnitContributionsTest seed " + seed);
        Random r = new Random(seed);
        Network n = network(Architecture.mlp(28, 28, 10, 24), r);
        float[] x = image(r);
        float[] z = new float[10];
        n.scores(x, z);
        float[] w2 = n.parameter("dense2.W").data();
        float[] b2 = n.parameter("dense2.b").data();
        for (int k = 0; k < 10; k++) {
            HiddenUnitContributions c = HiddenUnitContributions.of(n, x, k);
            assertThat(c.exact()).isTrue();
            assertThat(c.score()).isCloseTo(z[k], within(1e-6));
            assertThat(c.rest()).as("the output bias").isCloseTo(b2[k], within(1e-4));
            double sum = 0;
            for (int j = 0; j < 24; j++) {
                // c_j = a_j * W2[j, k], a_j >= 0 after the ReLU
                assertThat(c.activations()[j]).isGreaterThanOrEqualTo(0f);
                assertThat(c.contributions()[j]).isCloseTo(c.activations()[j] * w2[j * 10 + k], within(1e-6f));
                sum += c.contributions()[j];
            }
            assertThat(sum + b2[k]).isCloseTo(z[k], within(1e-4));
        }
    }

    @Test
    void withTwoHiddenLayersEachPartIsTheActivationTimesTheScoresSlope() {
        Random r = new Random(11);
        System.out.println("HiddenUnitContributionsTest seed 11");
        Network n = network(Architecture.mlp(28, 28, 10, 12, 8), r);
        float[] x = image(r);
        int k = 4;
        HiddenUnitContributions c = HiddenUnitContributions.of(n, x, k);
        assertThat(c.exact()).isFalse();
        float[] a = c.activations().clone();
        double eps = 1e-3;
        for (int j = 0; j < 12; j++) {
            // slope by central differences of z_k over a_j, the layers above computed by hand
            float[] up = a.clone();
            float[] down = a.clone();
            up[j] += (float) eps;
            down[j] -= (float) eps;
            double slope = (scoreAbove(n, up, k) - scoreAbove(n, down, k)) / (2 * eps);
            assertThat(c.contributions()[j]).as("unit " + j).isCloseTo((float) (a[j] * slope), within(1e-3f));
        }
    }

    /** z_k from the first hidden layer's output a1: W3^T relu(W2^T a1 + b2) + b3, in doubles. */
    private static double scoreAbove(Network n, float[] a1, int k) {
        float[] w2 = n.parameter("dense2.W").data();
        float[] b2 = n.parameter("dense2.b").data();
        float[] w3 = n.parameter("dense3.W").data();
        float[] b3 = n.parameter("dense3.b").data();
        double z = b3[k];
        for (int o = 0; o < 8; o++) {
            double h = b2[o];
            for (int i = 0; i < 12; i++) {
                h += a1[i] * w2[i * 8 + o];
            }
            z += Math.max(0, h) * w3[o * 10 + k];
        }
        return z;
    }

    @Test
    void theRankingPutsTheLargestContributionFirst() {
        Random r = new Random(5);
        Network n = network(Architecture.mlp(28, 28, 10, 32), r);
        HiddenUnitContributions c = HiddenUnitContributions.of(n, image(r), 7);
        int[] order = c.ranking();
        assertThat(order).hasSize(32);
        for (int i = 1; i < order.length; i++) {
            assertThat(c.contributions()[order[i - 1]]).isGreaterThanOrEqualTo(c.contributions()[order[i]]);
        }
        assertThat(c.top(5)).containsExactly(java.util.Arrays.copyOf(order, 5));
        assertThat(c.sumOf(c.top(32))).isCloseTo(c.score() - c.rest(), within(1e-4));
    }

    @Test
    void onlyDenseNetworksWithReluBetweenApply() {
        assertThat(HiddenUnitContributions.applies(Architecture.mlp(28, 28, 10, 16).build())).isTrue();
        assertThat(HiddenUnitContributions.applies(Architecture.softmax(28, 28, 10).build())).isFalse();
        Network cnn = Architecture.cnn(28, 28, 10, new int[] {2, 3}).build();
        assertThat(HiddenUnitContributions.applies(cnn)).isFalse();
        assertThatThrownBy(() -> HiddenUnitContributions.of(cnn, new float[784], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an MLP");
    }
}
