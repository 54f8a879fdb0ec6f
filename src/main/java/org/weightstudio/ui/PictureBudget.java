package org.weightstudio.ui;

/**
 * How often the window may draw a new picture, so that drawing never takes much of the CPU that
 * training at full speed needs. Every picture costs the FX thread (rasterising, layout, CSS) and
 * the renderer; on a machine whose cores are busy, that time comes straight out of the trainer's.
 * So, while the trainer is CPU-bound (unlimited pace), the gap between pictures adapts: each
 * period the window's CPU (the process's, minus the trainer thread's) is compared with the
 * trainer's, and the gap grows when the ratio is over the budget (by half, or by as much as the
 * budget is overrun, at most fourfold) and shrinks by a third when it is well under, between
 * {@code minGapNanos} and {@code maxGapNanos}. Growing by the overrun matters in the first seconds
 * of a run, when the JIT compiler adds a core's worth: growing by half each half second took four
 * seconds to get from 40 ms to 1 s while the trainer ran at two thirds of its speed. A paced trainer
 * sleeps most of the time, and then pictures come at the shortest gap. The budget is smaller for
 * a larger refresh interval: asking for fewer pictures says training speed matters more. When the
 * trainer becomes CPU-bound (Play at unlimited pace) the gap starts at {@link #START_GAP_NANOS},
 * not the shortest: the first second of such a run is when the JIT compiler is busiest with the
 * drawing code, and pictures at the shortest gap then cost the trainer a tenth of that second.
 *
 * <pre>
 *   overhead = (process CPU - trainer CPU) / trainer CPU      over the last period
 *   budget   = 0.3 / sqrt(refresh interval)                   (0.3 at 1, 0.095 at 10)
 *   gap     *= clamp(overhead / budget, 1.5, 4)  if overhead > budget
 *   gap     /= 1.5                               if overhead < budget / 2
 * </pre>
 */
final class PictureBudget {
    private static final double GROW = 1.5;
    private static final double MAX_GROW = 4;

    private static final double BUDGET_AT_REFRESH_1 = 0.3;
    /** The gap when the trainer becomes CPU-bound (within the shortest and longest gap). */
    static final long START_GAP_NANOS = 250_000_000L;

    private final long minGapNanos;
    private final long maxGapNanos;
    private long gapNanos;
    private long lastPictureNanos = Long.MIN_VALUE / 2;
    private long processCpu = -1;
    private long trainerCpu = -1;
    private boolean bound;

    PictureBudget(long minGapNanos, long maxGapNanos) {
        this.minGapNanos = minGapNanos;
        this.maxGapNanos = maxGapNanos;
        this.gapNanos = minGapNanos;
    }

    /**
     * Whether the trainer is CPU-bound now (every pulse): when it becomes so, the gap is at least
     * {@link #START_GAP_NANOS} from then on until the next {@link #measure} says otherwise; when it
     * stops being so (Pause, a paced trainer, the last step of a scripted run), the shortest at
     * once, so that the picture training stopped on shows without waiting out a long gap.
     */
    void trainerBound(boolean trainerBound) {
        if (trainerBound && !bound) {
            gapNanos = Math.max(gapNanos, Math.min(maxGapNanos, Math.max(minGapNanos, START_GAP_NANOS)));
        } else if (!trainerBound && bound) {
            gapNanos = minGapNanos;
        }
        bound = trainerBound;
    }

    /** True if a new picture may be drawn at {@code now}. */
    boolean due(long now) {
        return now - lastPictureNanos >= gapNanos;
    }

    void drawn(long now) {
        lastPictureNanos = now;
    }

    /**
     * A new period's CPU totals (nanoseconds, cumulative): of the whole process and of the trainer
     * thread; {@code trainerBound} when it trains at unlimited pace.
     */
    void measure(long processCpuNanos, long trainerCpuNanos, boolean trainerBound, int refreshInterval) {
        double budget = budget(refreshInterval);
        long process = processCpuNanos - processCpu;
        long trainer = trainerCpuNanos - trainerCpu;
        boolean first = processCpu < 0;
        processCpu = processCpuNanos;
        trainerCpu = trainerCpuNanos;
        if (!trainerBound || processCpuNanos < 0 || trainerCpuNanos < 0) {
            gapNanos = minGapNanos;
            return;
        }
        if (first || trainer <= 0) {
            return;
        }
        double overhead = (double) (process - trainer) / trainer;
        if (overhead > budget) {
            double grow = Math.min(MAX_GROW, Math.max(GROW, overhead / budget));
            gapNanos = Math.min(maxGapNanos, (long) (gapNanos * grow));
        } else if (overhead < budget / 2) {
            gapNanos = Math.max(minGapNanos, (long) (gapNanos / GROW));
        }
    }

    /** The window's CPU allowed per unit of the trainer's while the trainer is CPU-bound. */
    static double budget(int refreshInterval) {
        return BUDGET_AT_REFRESH_1 / Math.sqrt(Math.max(1, refreshInterval));
    }

    long gapNanos() {
        return gapNanos;
    }
}
