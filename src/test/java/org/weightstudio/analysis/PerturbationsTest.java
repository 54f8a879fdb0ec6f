package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.weightstudio.data.ImageSet;

class PerturbationsTest {
    private static final int N = 28;

    /** An MNIST test digit whose ink keeps a margin of at least 4 pixels (most of them do). */
    private static float[] digit() {
        ImageSet test = TestModels.testSlice(50);
        float[] x = new float[N * N];
        for (int i = 0; i < test.size(); i++) {
            test.toFloats(i, x);
            if (margin(x) >= 4) {
                return x;
            }
        }
        throw new AssertionError("no digit with a 4-pixel margin among the first 50");
    }

    private static int margin(float[] x) {
        int m = N;
        for (int y = 0; y < N; y++) {
            for (int i = 0; i < N; i++) {
                if (x[y * N + i] > 0) {
                    m = Math.min(m, Math.min(Math.min(i, N - 1 - i), Math.min(y, N - 1 - y)));
                }
            }
        }
        return m;
    }

    @Test
    void neutralSettingsAndZeroShiftAreTheIdentity() {
        float[] x = digit();
        assertThat(Perturbations.apply(PerturbationSettings.IDENTITY, x, N, N)).containsExactly(x);
        for (PerturbationKind kind : PerturbationKind.values()) {
            assertThat(Perturbations.apply(kind.alone(kind.neutral()), x, N, N)).as(kind.id()).containsExactly(x);
        }
        float[] out = new float[N * N];
        Perturbations.shift(x, out, N, N, 0, 0);
        assertThat(out).containsExactly(x);
    }

    @Test
    void shiftThenShiftBackIsTheIdentityWhileNothingFallsOff() {
        float[] x = digit();
        for (int[] d : new int[][] {{3, -2}, {-4, 4}, {1, 0}, {0, -3}}) {
            float[] there = Perturbations.apply(new PerturbationSettings(d[0], d[1], 1, 0, 0), x, N, N);
            float[] back = Perturbations.apply(new PerturbationSettings(-d[0], -d[1], 1, 0, 0), there, N, N);
            assertThat(back).as("shift %d,%d and back", d[0], d[1]).containsExactly(x);
        }
    }

    @Test
    void shiftMovesInkByWholePixels() {
        float[] x = new float[N * N];
        x[10 * N + 12] = 1f;
        float[] out = Perturbations.apply(new PerturbationSettings(5, -3, 1, 0, 0), x, N, N);
        assertThat(out[7 * N + 17]).isEqualTo(1f);
        assertThat(sum(out)).isEqualTo(1f);
        float[] gone = Perturbations.apply(new PerturbationSettings(20, 0, 1, 0, 0), x, N, N);
        assertThat(sum(gone)).isZero();
    }

    @Test
    void theAffinePathWithNeutralScaleAndAngleIsTheIdentity() {
        float[] x = digit();
        float[] out = new float[N * N];
        new Perturbations(N, N).affine(x, out, 1, 0, 0, 0);
        for (int i = 0; i < x.length; i++) {
            assertThat(out[i]).isCloseTo(x[i], within(1e-6f));
        }
        new Perturbations(N, N).affine(x, out, 1, 360, 0, 0);
        for (int i = 0; i < x.length; i++) {
            assertThat(out[i]).isCloseTo(x[i], within(1e-4f));
        }
    }

    @Test
    void rotationIsCounterClockwiseOnScreen() {
        float[] x = new float[N * N];
        // A pixel right of the centre (14, 14)...
        x[13 * N + 20] = 1f;
        x[14 * N + 20] = 1f;
        float[] out = Perturbations.apply(new PerturbationSettings(0, 0, 1, 0, 90), x, N, N);
        double[] com = DigitPreprocessor.centreOfMass(out, N, N);
        // ... ends above it.
        assertThat(com[0]).isCloseTo(14, within(1.0));
        assertThat(com[1]).isLessThan(9);
    }

    @Test
    void scaleGrowsAndShrinksAboutTheCentre() {
        float[] x = new float[N * N];
        for (int y = 10; y < 18; y++) {
            for (int i = 10; i < 18; i++) {
                x[y * N + i] = 1f;
            }
        }
        assertThat(sum(Perturbations.apply(PerturbationKind.SCALE.alone(1.5), x, N, N))).isCloseTo(64 * 2.25f, within(3f));
        assertThat(sum(Perturbations.apply(PerturbationKind.SCALE.alone(0.5), x, N, N))).isCloseTo(64 * 0.25f, within(1f));
    }

    @Test
    void thickeningDilatesAndThinningErodesByWholePixels() {
        float[] dot = new float[N * N];
        dot[14 * N + 14] = 1f;
        float[] plus = Perturbations.apply(PerturbationKind.THICKNESS.alone(1), dot, N, N);
        assertThat(sum(plus)).isEqualTo(5f);
        assertThat(plus[13 * N + 14]).isEqualTo(1f);
        assertThat(sum(Perturbations.apply(PerturbationKind.THICKNESS.alone(2), dot, N, N))).isEqualTo(13f);
        assertThat(sum(Perturbations.apply(PerturbationKind.THICKNESS.alone(-1), plus, N, N))).isEqualTo(1f);
        assertThat(sum(Perturbations.apply(PerturbationKind.THICKNESS.alone(0.5), dot, N, N))).isCloseTo(3f, within(1e-5f));
    }

    @Test
    void sweepValuesIncludeTheNeutralValueAndTheEnds() {
        for (PerturbationKind kind : PerturbationKind.values()) {
            double[] v = kind.sweepValues();
            assertThat(v[0]).isEqualTo(kind.min());
            assertThat(v[v.length - 1]).isEqualTo(kind.max());
            assertThat(v).contains(kind.neutral());
        }
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }
}
