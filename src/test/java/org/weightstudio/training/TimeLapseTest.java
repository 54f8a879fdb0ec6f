package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The time-lapse schedule, as a function of the updates done (no clocks involved). */
class TimeLapseTest {
    /** One epoch of MNIST at batch 2. */
    private final TimeLapse lapse = TimeLapse.forEpoch(60_000, 2);

    @Test
    void oneEpochAtBatchTwoIsThirtyThousandUpdates() {
        assertThat(lapse.fullSpeedAfter()).isEqualTo(30_000);
        assertThat(TimeLapse.forEpoch(60_000, 7).fullSpeedAfter()).isEqualTo(8572);
    }

    @Test
    void startsSlowEnoughToSeeSingleUpdatesAndGrowsWithTheUpdatesDone() {
        assertThat(lapse.updatesPerSecond(0)).isEqualTo(2.0);
        // r(N) = r0 + N / tau: 36 updates in, 10 more per second
        assertThat(lapse.updatesPerSecond(36)).isCloseTo(12.0, within(1e-9));
        double previous = 0;
        for (long n = 0; n < 30_000; n += 97) {
            double r = lapse.updatesPerSecond(n);
            assertThat(r).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(700);
            previous = r;
        }
        assertThat(lapse.updatesPerSecond(29_999)).isEqualTo(700);
        assertThat(lapse.updatesPerSecond(30_000)).isInfinite();
    }

    /** The wall time of the first epoch is the sum of 1 / rate over its updates. */
    @Test
    void theFirstEpochAtBatchTwoTakesAboutAMinute() {
        double seconds = 0;
        double firstTwenty = 0;
        for (long n = 0; n < lapse.fullSpeedAfter(); n++) {
            seconds += 1 / lapse.updatesPerSecond(n);
            if (n < 20) {
                firstTwenty += 1 / lapse.updatesPerSecond(n);
            }
        }
        assertThat(seconds).isBetween(55.0, 65.0);
        // the first twenty updates take seconds, not milliseconds: each can be seen
        assertThat(firstTwenty).isBetween(4.0, 10.0);
    }

    @Test
    void everyEarlyUpdateIsDrawnAndTheRefreshIntervalGrowsWithTheRate() {
        assertThat(lapse.refreshInterval(0)).isEqualTo(1);
        assertThat(lapse.refreshInterval(150)).isEqualTo(1);
        int previous = 1;
        for (long n = 0; n < 30_000; n += 13) {
            int k = lapse.refreshInterval(n);
            assertThat(k).isGreaterThanOrEqualTo(previous);
            // every update drawn while under 50 a second; then 25 to 62.5 pictures a second (1-2-5 steps)
            double pictures = lapse.updatesPerSecond(n) / k;
            assertThat(k == 1 ? lapse.updatesPerSecond(n) < 50 : pictures >= 25 && pictures < 62.5).isTrue();
            previous = k;
        }
        assertThat(lapse.refreshInterval(29_999)).isEqualTo(20);
        assertThat(lapse.refreshInterval(30_000)).isEqualTo(100);
    }

    @Test
    void paceReadsTheWindowOptionAndTheSettingsNumber() {
        assertThat(Pace.parse("timelapse").isTimeLapse()).isTrue();
        assertThat(Pace.parse("unlimited").isUnlimited()).isTrue();
        assertThat(Pace.parse("12.5").updatesPerSecond()).isEqualTo(12.5);
        assertThatThrownBy(() -> Pace.parse("fast")).hasMessageContaining("\"fast\"");
        assertThatThrownBy(() -> Pace.parse("0.1")).hasMessageContaining("at least 0.5");
        for (Pace p : new Pace[] {Pace.timeLapse(), Pace.unlimited(), Pace.fixed(3)}) {
            assertThat(Pace.fromSetting(p.toSetting())).isEqualTo(p);
        }
    }
}
