package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestScheduleTest {
    private static List<Long> stepsUpTo(TestSchedule s, long end) {
        List<Long> steps = new ArrayList<>();
        for (long n = s.nextAfter(0); n <= end; n = s.nextAfter(n)) {
            steps.add(n);
        }
        return steps;
    }

    @Test
    void logSpacedEarlyThenEveryFiveThousand() {
        assertThat(stepsUpTo(new TestSchedule(5000), 20_000))
                .containsExactly(10L, 20L, 50L, 100L, 200L, 500L, 1000L, 2000L, 5000L, 10_000L, 15_000L, 20_000L);
    }

    @Test
    void earlyStepsPastTheIntervalGiveWayToItsMultiples() {
        assertThat(stepsUpTo(new TestSchedule(300), 1000)).containsExactly(10L, 20L, 50L, 100L, 200L, 300L, 600L, 900L);
    }

    /** Pictures skip steps (refresh interval, a busy window): the first picture past a scheduled step is due. */
    @Test
    void aPictureIsDueWhenAScheduledStepLiesSinceTheLastEvaluation() {
        TestSchedule s = new TestSchedule(5000);
        assertThat(s.due(Long.MIN_VALUE, 9)).isFalse();
        assertThat(s.due(Long.MIN_VALUE, 13)).isTrue();
        assertThat(s.due(13, 19)).isFalse();
        assertThat(s.due(13, 35)).isTrue();
        assertThat(s.due(2000, 4999)).isFalse();
        assertThat(s.due(5003, 9999)).isFalse();
        assertThat(s.due(5003, 10_001)).isTrue();
        assertThat(s.early(4999)).isTrue();
        assertThat(s.early(5000)).isFalse();
    }
}
