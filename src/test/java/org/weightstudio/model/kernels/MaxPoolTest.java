package org.weightstudio.model.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 2x2 max-pooling against a plain loop, and its gradient against finite differences. */
class MaxPoolTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void forwardTakesTheMaxOfEachWindow(long seed) {
        Random random = new Random(seed);
        int c = 1 + random.nextInt(4);
        int h = 1 + random.nextInt(9);
        int w = 1 + random.nextInt(9);
        float[] in = Reference.random(random, 2 * c * h * w);
        int outSize = c * (h / 2) * (w / 2);
        float[] out = new float[2 * outSize];
        int[] argmax = new int[2 * outSize];
        MaxPool.forward(c, h, w, in, c * h * w, out, outSize, argmax);
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h / 2; y++) {
                for (int x = 0; x < w / 2; x++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            m = Math.max(m, in[c * h * w + (ch * h + 2 * y + dy) * w + 2 * x + dx]);
                        }
                    }
                    int o = outSize + (ch * (h / 2) + y) * (w / 2) + x;
                    assertThat(out[o]).as("seed %d out[%d]", seed, o).isEqualTo(m);
                    assertThat(in[c * h * w + argmax[o]]).as("seed %d winner of %d", seed, o).isEqualTo(m);
                }
            }
        }
    }

    @ParameterizedTest(name = "gradient check, seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void backwardMatchesFiniteDifferences(long seed) {
        Random random = new Random(seed);
        int c = 2;
        int h = 4;
        int w = 6;
        int size = c * h * w;
        // distinct values 0.1 apart: a step of h = 1e-3 never changes a window's winner
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(0.1f * i - 2f);
        }
        Collections.shuffle(values, random);
        float[] in = new float[size];
        for (int i = 0; i < size; i++) {
            in[i] = values.get(i);
        }
        int outSize = c * (h / 2) * (w / 2);
        float[] r = Reference.random(random, outSize);
        float[] out = new float[outSize];
        int[] argmax = new int[outSize];
        MaxPool.forward(c, h, w, in, 0, out, 0, argmax);
        float[] dIn = new float[size];
        java.util.Arrays.fill(dIn, 7f);
        MaxPool.backward(c, h, w, r, 0, argmax, dIn, 0);

        for (int i = 0; i < size; i++) {
            float saved = in[i];
            in[i] = saved + 1e-3f;
            double up = loss(c, h, w, in, r);
            in[i] = saved - 1e-3f;
            double down = loss(c, h, w, in, r);
            in[i] = saved;
            assertThat((double) dIn[i]).as("seed %d dL/din[%d]", seed, i).isCloseTo((up - down) / 2e-3, within(1e-3));
        }
    }

    private static double loss(int c, int h, int w, float[] in, float[] r) {
        float[] out = new float[r.length];
        MaxPool.forward(c, h, w, in, 0, out, 0, new int[r.length]);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) r[i] * out[i];
        }
        return s;
    }
}
