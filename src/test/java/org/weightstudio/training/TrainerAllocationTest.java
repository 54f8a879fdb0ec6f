package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Architecture;

/** The training loop allocates nothing per update, across epoch boundaries too, for the one-layer net and an MLP. */
class TrainerAllocationTest {
    private static final ImageSet DATA = SyntheticDigits.make(200, 23);

    @ParameterizedTest
    @CsvSource({"softmax, 1", "softmax, 2", "softmax, 100", "mlp, 2", "mlp, 64"})
    void aWarmStepAllocatesNothing(String arch, int batch) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Trainer trainer = new Trainer(Architecture.parse(arch, "32,16", 28, 28, 10).build(), DATA,
                TrainingConfig.defaults().withBatchSize(batch).withL2(1e-4).withDecay(0.1), 0);
        for (int i = 0; i < 500; i++) {
            trainer.step();
        }
        long id = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(id); // its own first call allocates

        // The JIT may allocate a little on this thread while it compiles the loop: take the
        // quietest of four windows. Any object made per step, even once an epoch (every
        // 200 / batch steps), would put 16 bytes or more into every window.
        int steps = 1000;
        long quietest = Long.MAX_VALUE;
        for (int window = 0; window < 4; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < steps; i++) {
                trainer.step();
            }
            quietest = Math.min(quietest, threads.getThreadAllocatedBytes(id) - before);
        }

        assertThat(quietest).as("bytes allocated over %d warm steps", steps).isLessThan(16);
    }
}
