package org.weightstudio.ui;

/**
 * The updates after which test accuracy is measured: log-spaced early, where the learning curve
 * bends (10, 20, 50, 100, 200, 500, 1,000, 2,000, 5,000), then every {@code every} updates.
 * Early steps at or past {@code every} give way to its multiples.
 */
record TestSchedule(long every) {
    private static final long[] EARLY = {10, 20, 50, 100, 200, 500, 1000, 2000, 5000};

    TestSchedule {
        if (every < 1) {
            throw new IllegalArgumentException("test evaluation every " + every + " updates: must be at least 1");
        }
    }

    /** The first scheduled step after {@code step}. */
    long nextAfter(long step) {
        for (long e : EARLY) {
            if (e >= every) {
                break;
            }
            if (e > step) {
                return e;
            }
        }
        return (Math.max(step, 0) / every + 1) * every;
    }

    /** True if a scheduled step lies in {@code (evaluated, step]}: a picture at {@code step} is due. */
    boolean due(long evaluated, long step) {
        return nextAfter(evaluated) <= step;
    }

    /** True while in the log-spaced part (before the first multiple of {@code every}). */
    boolean early(long step) {
        return step < every;
    }
}
