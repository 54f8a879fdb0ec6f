package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the window may start the next test evaluation (TestScheduler.rested). */
class TestSchedulerRestTest {
    private static final long MS = 1_000_000L;

    @Test
    void earlyStepsEvaluateAtOnceWhenEvaluationsAreCheap() {
        // the one-layer net: 5 ms of CPU an evaluation; 45 ms later the next may start
        assertThat(TestScheduler.rested(true, true, 50 * MS, 5 * MS)).isTrue();
        assertThat(TestScheduler.rested(true, true, 40 * MS, 5 * MS)).isFalse();
    }

    @Test
    void laterStepsWaitASecond() {
        assertThat(TestScheduler.rested(false, false, 999 * MS, 0)).isFalse();
        assertThat(TestScheduler.rested(false, false, 1000 * MS, 0)).isTrue();
    }

    @Test
    void anExpensiveEvaluationRestsNineTimesItsCpuWhileTheTrainerRunsFlatOut() {
        long cnn = 2_000 * MS;
        assertThat(TestScheduler.rested(true, true, 17_000 * MS, cnn)).isFalse();
        assertThat(TestScheduler.rested(false, true, 17_000 * MS, cnn)).isFalse();
        assertThat(TestScheduler.rested(true, true, 18_000 * MS, cnn)).isTrue();
    }

    @Test
    void aPacedTrainerLeavesCpuFreeSoEvaluationsDoNotRest() {
        long cnn = 2_000 * MS;
        assertThat(TestScheduler.rested(true, false, 10 * MS, cnn)).isTrue();
        assertThat(TestScheduler.rested(false, false, 1_000 * MS, cnn)).isTrue();
    }
}
