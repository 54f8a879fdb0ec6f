package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.Tensor;

/**
 * A CNN trainer that splits each batch over two threads: it replays bit for bit, follows the
 * one-thread run to float rounding, allocates nothing per step on either thread, and is refused
 * for networks whose first layer is sparse.
 */
class TwoThreadTrainerTest {
    private static final ImageSet DATA = SyntheticDigits.make(200, 23);

    private static Trainer trainer(int batch, long seed, int threads) {
        Network network = Architecture.cnn(DATA.rows(), DATA.cols(), 10, new int[] {4, 8}).build();
        Trainer t = new Trainer(network, DATA,
                TrainingConfig.defaults().withDecay(0).withBatchSize(batch).withSeed(seed), 0);
        t.setThreads(threads);
        return t;
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {16, 17, 40})
    void twoThreadsReplayBitForBitAndFollowOneThread(int batch) {
        try (Trainer a = trainer(batch, 7, 2); Trainer b = trainer(batch, 7, 2); Trainer one = trainer(batch, 7, 1)) {
            double lossA = 0;
            double lossOne = 0;
            // more than an epoch of the 200 images at every batch size
            int steps = 250 / batch + 20;
            for (int i = 0; i < steps; i++) {
                a.step();
                b.step();
                one.step();
                lossA += a.lastLoss();
                lossOne += one.lastLoss();
                assertThat(a.lastCorrect()).isEqualTo(b.lastCorrect());
            }
            assertThat(bits(a.network())).isEqualTo(bits(b.network()));
            // the same sums in another order: equal to rounding, not bit for bit
            float[] x = values(a.network());
            float[] y = values(one.network());
            for (int i = 0; i < x.length; i++) {
                assertThat(x[i]).as("parameter %d after %d steps", i, steps)
                        .isCloseTo(y[i], org.assertj.core.data.Offset.offset(1e-3f + 1e-3f * Math.abs(y[i])));
            }
            assertThat(lossA).isCloseTo(lossOne, org.assertj.core.data.Offset.offset(1e-3 * steps));
        }
    }

    @Test
    void aWarmStepAllocatesNothingOnEitherThread() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        try (Trainer trainer = trainer(16, 42, 2)) {
            for (int i = 0; i < 300; i++) {
                trainer.step();
            }
            long[] ids = {Thread.currentThread().getId(), trainer.helperThreadId()};
            // the quietest of four windows per thread (the JIT may allocate while compiling)
            int steps = 150;
            long[] quietest = {Long.MAX_VALUE, Long.MAX_VALUE};
            for (int window = 0; window < 4; window++) {
                long[] before = {threads.getThreadAllocatedBytes(ids[0]), threads.getThreadAllocatedBytes(ids[1])};
                for (int i = 0; i < steps; i++) {
                    trainer.step();
                }
                for (int t = 0; t < 2; t++) {
                    quietest[t] = Math.min(quietest[t], threads.getThreadAllocatedBytes(ids[t]) - before[t]);
                }
            }
            assertThat(quietest[0]).as("bytes on the trainer's thread over %d warm steps", steps).isLessThan(16);
            assertThat(quietest[1]).as("bytes on the helper thread over %d warm steps", steps).isLessThan(16);
        }
    }

    @Test
    void closeEndsTheHelperThreadAndOneThreadGoesOn() throws InterruptedException {
        Trainer trainer = trainer(Trainer.SPLIT_FROM, 1, 2);
        trainer.step();
        long id = trainer.helperThreadId();
        trainer.close();
        assertThat(trainer.threads()).isEqualTo(1);
        Thread helper = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getId() == id).findFirst()
                .orElse(null);
        if (helper != null) {
            helper.join(5000);
            assertThat(helper.isAlive()).as("helper thread after close").isFalse();
        }
        trainer.step();
        assertThat(trainer.steps()).isEqualTo(2);
    }

    @Test
    void aSparseFirstLayerCannotBeSplit() {
        Network mlp = Architecture.parse(Architecture.MLP, "16", "", DATA.rows(), DATA.cols(), 10).build();
        Trainer trainer = new Trainer(mlp, DATA, TrainingConfig.defaults().withBatchSize(4), 0);
        assertThatThrownBy(() -> trainer.setThreads(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dense first layer");
        assertThatThrownBy(() -> trainer.setThreads(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be 1 or 2, not 3");
    }

    private static float[] values(Network network) {
        float[] v = new float[network.parameterCount()];
        int k = 0;
        for (Tensor t : network.parameters()) {
            for (float x : t.data()) {
                v[k++] = x;
            }
        }
        return v;
    }

    private static int[] bits(Network network) {
        float[] v = values(network);
        int[] bits = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            bits[i] = Float.floatToRawIntBits(v[i]);
        }
        return bits;
    }
}
