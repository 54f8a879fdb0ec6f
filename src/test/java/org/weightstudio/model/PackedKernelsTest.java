package org.weightstudio.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast kernels against the plain per-class loops they replace, bit for bit. */
class PackedKernelsTest {
    private static final Random RANDOM = new Random(11);

    @ParameterizedTest
    @CsvSource({"10, 784", "3, 20", "10, 100", "11, 784"})
    void scoresEqualThePerClassSparseSumsBitForBit(int classes, int inputs) {
        SoftmaxModel model = randomModel(classes, inputs);
        for (int trial = 0; trial < 50; trial++) {
            Sparse x = randomSparse(inputs, trial == 0 ? 0 : RANDOM.nextInt(inputs / 2 + 1));
            float[] expected = new float[classes + 3];
            float[] actual = new float[classes + 3];
            model.scoresSparse(x.intIndex(), x.floats(), 0, x.nnz(), expected, 3);
            model.scoresPacked(x.index, x.value, 0, x.nnz(), actual, 3);
            assertThat(bits(actual)).isEqualTo(bits(expected));
        }
    }

    @ParameterizedTest
    @CsvSource({"10, 784", "3, 20", "11, 784"})
    void subtractOuterEqualsTheClassByClassUpdateBitForBit(int classes, int inputs) {
        float[] w = randomModel(classes, inputs).weights().data;
        float[] expected = w.clone();
        float[] g = new float[classes + 2];
        for (int trial = 0; trial < 20; trial++) {
            for (int k = 0; k < g.length; k++) {
                g[k] = (float) RANDOM.nextGaussian() * 0.1f;
            }
            Sparse x = randomSparse(inputs, RANDOM.nextInt(inputs / 2 + 1));
            float[] values = x.floats();
            int[] index = x.intIndex();
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < x.nnz(); j++) {
                    expected[k * inputs + index[j]] -= g[2 + k] * values[j];
                }
            }
            PackedKernels.subtractOuter(w, classes, inputs, g, 2, x.index, x.value, 0, x.nnz());
            assertThat(bits(w)).isEqualTo(bits(expected));
        }
    }

    private static SoftmaxModel randomModel(int classes, int inputs) {
        SoftmaxModel model = new SoftmaxModel(classes, inputs);
        model.randomize(RANDOM.nextLong(), 0.5f);
        for (int k = 0; k < classes; k++) {
            model.bias().data[k] = (float) RANDOM.nextGaussian();
        }
        return model;
    }

    /** Ascending distinct positions with non-zero byte values, as packed images hold them. */
    private static Sparse randomSparse(int inputs, int nnz) {
        char[] index = new char[nnz];
        byte[] value = new byte[nnz];
        int p = 0;
        for (int j = 0; j < nnz; j++) {
            int room = inputs - p - (nnz - j);
            p += RANDOM.nextInt(Math.max(1, room / (nnz - j) + 1));
            index[j] = (char) p++;
            value[j] = (byte) (1 + RANDOM.nextInt(255));
        }
        return new Sparse(index, value);
    }

    private record Sparse(char[] index, byte[] value) {
        int nnz() {
            return index.length;
        }

        int[] intIndex() {
            int[] out = new int[index.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = index[j];
            }
            return out;
        }

        float[] floats() {
            float[] out = new float[value.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = (value[j] & 0xFF) * (1f / 255f);
            }
            return out;
        }
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }
}
