package org.weightstudio.model.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A dense layer's row-by-row path for batches under {@link Dense#SMALL_BATCH} (zero inputs
 * skipped) against its Gemm path: the same samples padded with rows of zero gradient to a batch
 * of SMALL_BATCH give the same scores, input gradient and update.
 */
class DenseSmallBatchTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void rowByRowMatchesTheGemmPath(long seed) {
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        int in = 1 + random.nextInt(40);
        int out = 1 + random.nextInt(20);
        int n = 1 + random.nextInt(Dense.SMALL_BATCH - 1);
        int big = Dense.SMALL_BATCH;
        Dense small = new Dense("d", in, out, true);
        small.initialize(new Random(seed), 0);
        Dense padded = new Dense("d", in, out, true);
        padded.initialize(new Random(seed), 0);
        // inputs about half zero, as after a ReLU; the padding rows are random too
        float[] x = new float[big * in];
        for (int j = 0; j < x.length; j++) {
            x[j] = random.nextBoolean() ? 0f : (float) random.nextGaussian();
        }
        float[] dz = new float[big * out];
        for (int j = 0; j < n * out; j++) {
            dz[j] = (float) random.nextGaussian();
        }

        float[] zSmall = new float[n * out];
        float[] zBig = new float[big * out];
        small.forward(x, zSmall, n);
        padded.forward(x, zBig, big);
        for (int j = 0; j < zSmall.length; j++) {
            assertThat(zSmall[j]).as("z[%d]", j).isCloseTo(zBig[j], within(1e-4f));
        }
        float[] dxSmall = new float[n * in];
        float[] dxBig = new float[big * in];
        small.backward(x, zSmall, dz.clone(), dxSmall, n);
        padded.backward(x, zBig, dz.clone(), dxBig, big);
        for (int j = 0; j < dxSmall.length; j++) {
            assertThat(dxSmall[j]).as("dx[%d]", j).isCloseTo(dxBig[j], within(1e-4f));
        }
        small.update(0.1f, 0.99f);
        padded.update(0.1f, 0.99f);
        assertThat(small.weights().data()).usingComparatorWithPrecision(1e-5f).containsExactly(padded.weights().data());
        assertThat(small.bias().data()).usingComparatorWithPrecision(1e-5f).containsExactly(padded.bias().data());
    }
}
