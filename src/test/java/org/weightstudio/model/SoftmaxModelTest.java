package org.weightstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SoftmaxModelTest {
    @Test
    void softmaxOfHandCheckedScores() {
        // softmax(0, ln 2, ln 3) = (1, 2, 3) / 6
        float[] z = {0f, (float) Math.log(2), (float) Math.log(3)};
        SoftmaxModel.softmaxInPlace(z, 0, 3);
        assertThat(z[0]).isCloseTo(1f / 6, within(1e-6f));
        assertThat(z[1]).isCloseTo(2f / 6, within(1e-6f));
        assertThat(z[2]).isCloseTo(3f / 6, within(1e-6f));
    }

    @Test
    void softmaxAndLossStayFiniteForHugeScores() {
        float[] z = {1000f, 0f, -1000f};
        double loss = SoftmaxModel.crossEntropyFromScores(z, 0, 3, 1);
        SoftmaxModel.softmaxInPlace(z, 0, 3);
        assertThat(z).containsExactly(1f, 0f, 0f);
        assertThat(loss).isCloseTo(1000.0, within(1e-6));
    }

    @Test
    void crossEntropyOfUniformScoresIsLogOfClassCount() {
        float[] z = new float[10];
        assertThat(SoftmaxModel.crossEntropyFromScores(z, 0, 10, 3)).isCloseTo(Math.log(10), within(1e-9));
    }

    @Test
    void sparseScoresEqualDenseScores() {
        SoftmaxModel m = new SoftmaxModel(3, 5);
        m.randomize(7, 1f);
        m.bias().data[1] = 0.5f;
        float[] x = {0f, 0.5f, 0f, 1f, 0.25f};
        int[] index = {1, 3, 4};
        float[] value = {0.5f, 1f, 0.25f};
        float[] dense = new float[3];
        float[] sparse = new float[4];
        m.scores(x, dense);
        m.scoresSparse(index, value, 0, 3, sparse, 1);
        for (int k = 0; k < 3; k++) {
            assertThat(sparse[k + 1]).isCloseTo(dense[k], within(1e-6f));
        }
        // z_1 = b_1 + W[1,1]*0.5 + W[1,3]*1 + W[1,4]*0.25
        float[] w = m.weights().data;
        assertThat(dense[1]).isCloseTo(0.5f + w[6] * 0.5f + w[8] + w[9] * 0.25f, within(1e-6f));
    }

    @Test
    void copyIsIndependent() {
        SoftmaxModel m = new SoftmaxModel(2, 2);
        SoftmaxModel c = m.copy();
        m.weights().data[0] = 1f;
        assertThat(c.weights().data[0]).isZero();
        assertThat(m.isFinite()).isTrue();
        m.bias().data[1] = Float.NaN;
        assertThat(m.isFinite()).isFalse();
    }
}
