package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.Tensor;

/** The CNN through the one trainer: no allocation per step, bit-identical replay, and it learns. */
class CnnTrainingTest {
    private static final ImageSet DATA = SyntheticDigits.make(200, 23);

    private static Trainer trainer(int batch, long seed) {
        Network network = Architecture.cnn(DATA.rows(), DATA.cols(), 10, new int[] {4, 8}).build();
        return new Trainer(network, DATA, TrainingConfig.defaults().withDecay(0).withBatchSize(batch).withSeed(seed), 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void aWarmStepAllocatesNothing(int batch) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Trainer trainer = trainer(batch, 42);
        for (int i = 0; i < 200; i++) {
            trainer.step();
        }
        long id = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(id);
        // the quietest of four windows (the JIT may allocate on this thread while compiling); an
        // object made per step, or once an epoch (every 200 / batch steps), shows in every window
        int steps = 150;
        long quietest = Long.MAX_VALUE;
        for (int window = 0; window < 4; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < steps; i++) {
                trainer.step();
            }
            quietest = Math.min(quietest, threads.getThreadAllocatedBytes(id) - before);
        }
        assertThat(quietest).as("bytes allocated over %d warm steps at batch %d", steps, batch).isLessThan(16);
    }

    @Test
    void theSameSeedReplaysBitForBit() {
        Trainer a = trainer(2, 7);
        Trainer b = trainer(2, 7);
        Trainer other = trainer(2, 8);
        for (int i = 0; i < 150; i++) {
            a.step();
            b.step();
            other.step();
        }
        assertThat(bits(a.network())).isEqualTo(bits(b.network()));
        assertThat(bits(a.network())).isNotEqualTo(bits(other.network()));
    }

    @Test
    void lossFallsOnSyntheticDigits() {
        Trainer t = trainer(8, 3);
        double first = 0;
        for (int i = 0; i < 10; i++) {
            t.step();
            first += t.lastLoss();
        }
        for (int i = 0; i < 250; i++) {
            t.step();
        }
        double last = 0;
        for (int i = 0; i < 10; i++) {
            t.step();
            last += t.lastLoss();
        }
        assertThat(last).as("loss of 10 steps, after vs before 250 steps").isLessThan(first / 2);
    }

    private static int[] bits(Network network) {
        int n = network.parameterCount();
        int[] bits = new int[n];
        int k = 0;
        for (Tensor t : network.parameters()) {
            for (float v : t.data()) {
                bits[k++] = Float.floatToRawIntBits(v);
            }
        }
        return bits;
    }
}
