package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The picture gap follows the window's CPU use against the trainer's (numbers, no clocks). */
class PictureBudgetTest {
    private static final long MIN = 40_000_000L;
    private static final long MAX = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void aWindowCostingMoreThanItsBudgetDrawsLessOftenAndComesBackWhenCheap() {
        PictureBudget b = new PictureBudget(MIN, MAX);
        long process = 0;
        long trainer = 0;
        b.measure(process, trainer, true, 1);
        assertThat(b.gapNanos()).isEqualTo(MIN);
        // the window uses as much CPU as the trainer: far over the 0.3 budget at refresh 1
        for (int i = 0; i < 20; i++) {
            trainer += 100 * MS;
            process += 200 * MS;
            b.measure(process, trainer, true, 1);
        }
        assertThat(b.gapNanos()).isEqualTo(MAX);
        assertThat(b.due(0)).isTrue();
        b.drawn(0);
        assertThat(b.due(MAX - 1)).isFalse();
        assertThat(b.due(MAX)).isTrue();
        // now the window costs 5% of the trainer: under half the budget, the gap shrinks to the least
        for (int i = 0; i < 20; i++) {
            trainer += 100 * MS;
            process += 105 * MS;
            b.measure(process, trainer, true, 1);
        }
        assertThat(b.gapNanos()).isEqualTo(MIN);
    }

    @Test
    void theGapGrowsByTheOverrunSoAFarOverBudgetWindowBacksOffInThreePeriods() {
        PictureBudget b = new PictureBudget(MIN, MAX);
        b.measure(0, 0, true, 1);
        // 20% over the 0.3 budget: the least growth, by half
        b.measure(136 * MS, 100 * MS, true, 1);
        assertThat(b.gapNanos()).isEqualTo(MIN * 3 / 2);
        // twice the budget: doubled
        b.measure(136 * MS + 160 * MS, 200 * MS, true, 1);
        assertThat(b.gapNanos()).isEqualTo(MIN * 3);
        // the window costing as much as the trainer (the JIT compiler at start-up), at refresh 10
        // (a budget under 0.1): fourfold each period, 40 ms to the 1 s cap in three
        PictureBudget c = new PictureBudget(MIN, MAX);
        c.measure(0, 0, true, 10);
        long process = 0;
        long trainer = 0;
        for (int period = 1; period <= 3; period++) {
            trainer += 100 * MS;
            process += 200 * MS;
            c.measure(process, trainer, true, 10);
            assertThat(c.gapNanos()).isEqualTo(Math.min(MAX, MIN << (2 * period)));
        }
        assertThat(c.gapNanos()).isEqualTo(MAX);
    }

    @Test
    void aLargerRefreshIntervalHasASmallerBudget() {
        assertThat(PictureBudget.budget(1)).isEqualTo(0.3);
        assertThat(PictureBudget.budget(10)).isLessThan(0.1);
        PictureBudget b = new PictureBudget(MIN, MAX);
        b.measure(0, 0, true, 10);
        // 20% overhead: within the budget at refresh 1, over it at refresh 10
        b.measure(120 * MS, 100 * MS, true, 1);
        assertThat(b.gapNanos()).isEqualTo(MIN);
        b.measure(240 * MS, 200 * MS, true, 10);
        assertThat(b.gapNanos()).isGreaterThan(MIN);
    }

    @Test
    void aPacedOrPausedTrainerLeavesThePicturesAtTheShortestGap() {
        PictureBudget b = new PictureBudget(MIN, MAX);
        b.measure(0, 0, true, 1);
        b.measure(500 * MS, 100 * MS, true, 1);
        assertThat(b.gapNanos()).isGreaterThan(MIN);
        b.measure(900 * MS, 101 * MS, false, 1);
        assertThat(b.gapNanos()).isEqualTo(MIN);
    }

    @Test
    void playAtUnlimitedPaceStartsAtTheStartGapNotTheShortest() {
        PictureBudget b = new PictureBudget(MIN, MAX);
        b.trainerBound(false);
        assertThat(b.gapNanos()).isEqualTo(MIN);
        b.trainerBound(true);
        assertThat(b.gapNanos()).isEqualTo(PictureBudget.START_GAP_NANOS);
        // staying bound does not reset a gap the budget has changed since
        b.measure(0, 0, true, 1);
        b.measure(105 * MS, 100 * MS, true, 1);
        assertThat(b.gapNanos()).isLessThan(PictureBudget.START_GAP_NANOS);
        long shrunk = b.gapNanos();
        b.trainerBound(true);
        assertThat(b.gapNanos()).isEqualTo(shrunk);
        // a pause brings the shortest gap at once (the picture training stopped on shows now), and
        // Play again starts over from the start gap
        for (int i = 0; i < 10; i++) {
            b.measure(210 * MS * (i + 2), 100 * MS * (i + 2), true, 10);
        }
        assertThat(b.gapNanos()).isEqualTo(MAX);
        b.drawn(0);
        b.trainerBound(false);
        assertThat(b.gapNanos()).isEqualTo(MIN);
        assertThat(b.due(MIN)).isTrue();
        b.trainerBound(true);
        assertThat(b.gapNanos()).isEqualTo(PictureBudget.START_GAP_NANOS);
        // never past the longest gap
        PictureBudget slow = new PictureBudget(MIN, 100 * MS);
        slow.trainerBound(true);
        assertThat(slow.gapNanos()).isEqualTo(100 * MS);
    }
}
