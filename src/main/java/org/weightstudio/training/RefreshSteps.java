package org.weightstudio.training;

/** Refresh intervals on a 1-2-5 ladder (1, 2, 5, 10, 20, ... 10,000), as the + and - keys step. */
public final class RefreshSteps {
    private static final int[] STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000};

    private RefreshSteps() {
    }

    /** The largest step not above {@code x}; 1 for anything below 2. */
    public static int atMost(double x) {
        int best = STEPS[0];
        for (int s : STEPS) {
            if (s <= x) {
                best = s;
            }
        }
        return best;
    }

    /** The next step above {@code k}, or {@code k} at the top. */
    public static int above(int k) {
        for (int s : STEPS) {
            if (s > k) {
                return s;
            }
        }
        return k;
    }

    /** The next step below {@code k}, or {@code k} at the bottom. */
    public static int below(int k) {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < k) {
                return STEPS[i];
            }
        }
        return k;
    }
}
