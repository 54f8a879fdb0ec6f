package org.weightstudio.model.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The three products against a double-precision triple loop, on ragged and CNN-sized shapes. */
class GemmTest {
    enum Op { AB, ATB, ABT }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomShapesMatchTheTripleLoop(long seed) {
        Random random = new Random(seed);
        for (Op op : Op.values()) {
            // up to 2 column blocks and 2 depth blocks, odd and even m, any remainder of 4 in k
            int m = 1 + random.nextInt(13);
            int n = 1 + random.nextInt(2 * Gemm.COLUMN_BLOCK + 3);
            int k = 1 + random.nextInt(random.nextBoolean() ? 19 : 2 * Gemm.DEPTH_BLOCK + 3);
            check(op, m, n, k, random, "seed " + seed);
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"16,784,25", "32,196,400", "32,400,196", "400,196,32", "2,128,1568", "64,10,128", "64,128,1568",
            "1568,128,64", "64,1568,128"})
    void cnnShapesMatchTheTripleLoop(int m, int n, int k) {
        Random random = new Random(m * 31L + n * 7L + k);
        for (Op op : Op.values()) {
            check(op, m, n, k, random, m + "x" + n + "x" + k);
        }
    }

    private static void check(Op op, int m, int n, int k, Random random, String label) {
        float[] a = Reference.random(random, m * k);
        float[] b = Reference.random(random, k * n);
        float[] c = Reference.random(random, m * n);
        // offsets into larger arrays, to catch an offset dropped anywhere
        int off = 3;
        float[] aBig = shifted(a, off);
        float[] bBig = shifted(b, off);
        float[] cBig = shifted(c, off);
        double[] expected = Reference.product(m, n, k, a, op == Op.ATB, b, op == Op.ABT, c);
        Gemm gemm = new Gemm();
        switch (op) {
            case AB -> gemm.multAdd(m, n, k, aBig, off, bBig, off, cBig, off);
            case ATB -> gemm.multTransAAdd(m, n, k, aBig, off, bBig, off, cBig, off);
            case ABT -> gemm.multTransBAdd(m, n, k, aBig, off, bBig, off, cBig, off);
        }
        assertThat(cBig[off - 1]).as("before C").isZero();
        assertThat(cBig[off + m * n]).as("after C").isZero();
        for (int i = 0; i < m * n; i++) {
            // sums of k products of N(0,1) values: float error grows like sqrt(k)
            assertThat((double) cBig[off + i]).as("%s %s C[%d]", label, op, i)
                    .isCloseTo(expected[i], within(1e-5 * k + 1e-5));
        }
    }

    private static float[] shifted(float[] v, int off) {
        float[] big = new float[v.length + 2 * off];
        System.arraycopy(v, 0, big, off, v.length);
        return big;
    }
}
