package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 13 item 3: running out of memory pauses training and says so; the trainer lives on. */
class TrainingSessionOutOfMemoryTest {
    @Test
    void anOutOfMemoryErrorOnTheTrainerThreadPausesAndIsReported() throws Exception {
        try (TrainingSession session = new TrainingSession(SyntheticData.images(500, 7), 10,
                TrainingConfig.defaults(), 1)) {
            session.start();
            session.control().play();
            // what an allocation of the trainer (a frame copy, a batch) would throw with a full heap
            session.control().submit(() -> {
                throw new OutOfMemoryError("Java heap space");
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (session.problem() == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(session.problem()).startsWith("Out of memory").contains("training paused");
            assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
            assertThat(session.control().isRunning()).isFalse();
            assertThat(session.isAlive()).isTrue();
            long before = session.step();
            session.control().step(3);
            assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
            assertThat(session.step()).isEqualTo(before + 3);
        }
    }
}
