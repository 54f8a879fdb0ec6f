package org.weightstudio.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxWithLossTest {
    @Test
    void equalsCrossEntropyThenSoftmaxBitForBit() {
        Random random = new Random(5);
        for (int trial = 0; trial < 1000; trial++) {
            int n = 2 + random.nextInt(12);
            float[] z = new float[n + 1];
            for (int k = 0; k < z.length; k++) {
                z[k] = (float) (random.nextGaussian() * (trial % 2 == 0 ? 3 : 40));
            }
            int label = random.nextInt(n);
            float[] expected = z.clone();
            double expectedLoss = SoftmaxModel.crossEntropyFromScores(expected, 1, n, label);
            SoftmaxModel.softmaxInPlace(expected, 1, n);

            double loss = SoftmaxModel.softmaxWithLoss(z, 1, n, label);

            assertThat(Double.doubleToRawLongBits(loss)).isEqualTo(Double.doubleToRawLongBits(expectedLoss));
            assertThat(z).containsExactly(expected);
        }
    }

    @Test
    void lossOfACertainRightAnswerIsNearZeroAndProbabilitiesSumToOne() {
        float[] z = {0f, 30f, -5f};
        double loss = SoftmaxModel.softmaxWithLoss(z, 0, 3, 1);
        assertThat(loss).isBetween(0.0, 1e-12);
        assertThat(z[0] + z[1] + z[2]).isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-6f));
    }
}
