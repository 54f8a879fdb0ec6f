package org.weightstudio.model.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Convolution by im2col and GEMM against the direct loop, and its gradients against finite differences. */
class ConvolutionTest {
    @ParameterizedTest(name = "{0}x{1}x{2} -> {3}, k {4}")
    @CsvSource({"1,28,28,8,5", "8,14,14,16,5", "3,7,5,4,3", "2,4,6,3,5", "1,3,3,2,7", "5,9,9,4,1"})
    void forwardMatchesTheDirectConvolution(int channels, int height, int width, int filters, int kernel) {
        ConvGeometry g = new ConvGeometry(channels, height, width, filters, kernel);
        Random random = new Random(channels * 1000L + height * 10L + kernel);
        float[] in = Reference.random(random, 2 * g.inputSize());
        float[] w = Reference.random(random, g.weightCount());
        float[] b = Reference.random(random, filters);
        float[] out = new float[2 * g.outputSize() + 1];
        out[out.length - 1] = 42f;

        Convolution conv = new Convolution(g);
        // the second image of the batch, to test the offsets
        float[] second = java.util.Arrays.copyOfRange(in, g.inputSize(), 2 * g.inputSize());
        conv.forward(in, g.inputSize(), w, b, out, g.outputSize());

        double[] expected = Reference.convolve(g, second, w, b);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) out[g.outputSize() + i]).as("out[%d]", i).isCloseTo(expected[i],
                    within(1e-5 * g.taps() + 1e-5));
        }
        assertThat(out[0]).as("first image untouched").isZero();
        assertThat(out[out.length - 1]).as("past the end untouched").isEqualTo(42f);
    }

    @ParameterizedTest(name = "im2col adjoint, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void col2imIsTheAdjointOfIm2col(long seed) {
        // <im2col(x), Y> = <x, col2im(Y)> for every x, Y: the backward pass is the true transpose
        Random random = new Random(seed);
        ConvGeometry g = new ConvGeometry(1 + random.nextInt(3), 2 + random.nextInt(8), 2 + random.nextInt(8), 1,
                1 + 2 * random.nextInt(3));
        float[] x = Reference.random(random, g.inputSize());
        float[] y = Reference.random(random, g.taps() * g.positions());
        float[] col = new float[y.length];
        Im2col.im2col(g, x, 0, col);
        float[] back = new float[x.length];
        Im2col.col2imAdd(g, y, back, 0);
        double left = 0;
        for (int i = 0; i < y.length; i++) {
            left += (double) col[i] * y[i];
        }
        double right = 0;
        for (int i = 0; i < x.length; i++) {
            right += (double) x[i] * back[i];
        }
        assertThat(left).as("seed %d, %s", seed, g).isCloseTo(right, within(1e-4 * (1 + Math.abs(left))));
    }

    @ParameterizedTest(name = "im2col interior, seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void im2colInteriorOnAReusedBufferEqualsIm2colImageAfterImage(long seed) {
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        ConvGeometry g = new ConvGeometry(1 + random.nextInt(4), 1 + random.nextInt(9), 1 + random.nextInt(9), 1,
                1 + 2 * random.nextInt(4));
        float[] reused = new float[g.taps() * g.positions()];
        float[] full = new float[reused.length];
        for (int image = 0; image < 3; image++) {
            // an image at an offset into a larger array; padding entries of 'reused' stay zero
            float[] in = Reference.random(random, g.inputSize() + 2);
            Im2col.im2colInterior(g, in, 2, reused);
            java.util.Arrays.fill(full, 7f);
            Im2col.im2col(g, in, 2, full);
            assertThat(reused).as("seed %d, %s, image %d", seed, g, image).containsExactly(full);
        }
    }

    @ParameterizedTest(name = "gradient check, seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void backwardMatchesFiniteDifferences(long seed) {
        Random random = new Random(seed);
        ConvGeometry g = new ConvGeometry(2, 5, 4, 3, 3);
        float[] in = Reference.random(random, g.inputSize());
        float[] w = Reference.random(random, g.weightCount());
        float[] b = Reference.random(random, g.filters());
        // L = sum r * out, so dL/dout = r
        float[] r = Reference.random(random, g.outputSize());
        Convolution conv = new Convolution(g);
        float[] gradW = new float[w.length];
        float[] gradB = new float[b.length];
        float[] dIn = new float[in.length];
        java.util.Arrays.fill(dIn, 99f); // backward must overwrite, not add
        conv.backward(in, 0, r, 0, w, gradW, gradB, dIn, 0);

        for (int i = 0; i < w.length; i++) {
            assertThat((double) gradW[i]).as("seed %d dL/dW[%d]", seed, i)
                    .isCloseTo(numeric(conv, g, in, w, b, r, w, i), within(2e-3));
        }
        for (int i = 0; i < b.length; i++) {
            assertThat((double) gradB[i]).as("seed %d dL/db[%d]", seed, i)
                    .isCloseTo(numeric(conv, g, in, w, b, r, b, i), within(2e-3));
        }
        for (int i = 0; i < in.length; i++) {
            assertThat((double) dIn[i]).as("seed %d dL/din[%d]", seed, i)
                    .isCloseTo(numeric(conv, g, in, w, b, r, in, i), within(2e-3));
        }
    }

    /** (L(v_i + h) - L(v_i - h)) / 2h, with L = sum r * out accumulated in double. */
    private static double numeric(Convolution conv, ConvGeometry g, float[] in, float[] w, float[] b, float[] r,
            float[] v, int i) {
        float h = 1e-2f;
        float saved = v[i];
        v[i] = saved + h;
        double up = loss(conv, g, in, w, b, r);
        v[i] = saved - h;
        double down = loss(conv, g, in, w, b, r);
        v[i] = saved;
        return (up - down) / (2.0 * h);
    }

    private static double loss(Convolution conv, ConvGeometry g, float[] in, float[] w, float[] b, float[] r) {
        float[] out = new float[g.outputSize()];
        conv.forward(in, 0, w, b, out, 0);
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            s += (double) r[i] * out[i];
        }
        return s;
    }
}
