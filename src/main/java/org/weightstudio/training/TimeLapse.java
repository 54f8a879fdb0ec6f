package org.weightstudio.training;

/**
 * The time-lapse pace: how fast to train and how often to draw, as a function of the updates done
 * in the run, so that a person sees the first updates one by one and the first epoch in about a
 * minute (at batch 2 on MNIST, 30,000 updates).
 *
 * <p>The rate grows geometrically in time from {@link #START_RATE} updates per second, doubling
 * every {@code ln 2 * GROWTH_SECONDS} (about 2.5 s), up to {@link #CRUISE_RATE}; after one epoch
 * training runs at full speed. A rate that grows as {@code r(t) = r0 e^(t/tau)} has done
 * {@code N(t) = r0 tau (e^(t/tau) - 1)} updates by time t, so as a function of the updates done
 * it is a straight line: {@code r(N) = r0 + N / tau}. With r0 = 2, tau = 3.6 s and a cruise of
 * 700/s, the ramp takes tau ln(700/2) = 21 s and 2,500 updates, and the rest of the 30,000 take
 * 39 s: 60 s in all.
 *
 * <p>The refresh interval grows with the rate, as the post did, so that the window draws about
 * {@link #PICTURES_PER_SECOND} pictures a second: the largest of 1, 2, 5, 10, 20, ... not above
 * rate / 25 (1 while the rate is under 50 a second, so every early update is seen).
 *
 * @param fullSpeedAfter updates after which the pace is unlimited (one epoch)
 */
public record TimeLapse(long fullSpeedAfter) {
    static final double START_RATE = 2;
    static final double GROWTH_SECONDS = 3.6;
    static final double CRUISE_RATE = 700;
    static final double PICTURES_PER_SECOND = 25;
    /** Updates between pictures once at full speed. */
    static final int FULL_SPEED_REFRESH = 100;

    public TimeLapse {
        if (fullSpeedAfter < 1) {
            throw new IllegalArgumentException("time-lapse: full speed after at least 1 update, got " + fullSpeedAfter);
        }
    }

    /** The time-lapse whose ramp ends after one epoch of {@code trainingImages} at {@code batchSize}. */
    public static TimeLapse forEpoch(int trainingImages, int batchSize) {
        return new TimeLapse(Math.max(1, (trainingImages + batchSize - 1) / batchSize));
    }

    /** Updates per second once {@code done} updates have run; infinity once at full speed. */
    public double updatesPerSecond(long done) {
        if (done >= fullSpeedAfter) {
            return Double.POSITIVE_INFINITY;
        }
        // r(N) = r0 + N / tau, capped at the cruise rate
        return Math.min(CRUISE_RATE, START_RATE + done / GROWTH_SECONDS);
    }

    /** Updates between pictures once {@code done} updates have run. */
    public int refreshInterval(long done) {
        if (done >= fullSpeedAfter) {
            return FULL_SPEED_REFRESH;
        }
        return RefreshSteps.atMost(updatesPerSecond(done) / PICTURES_PER_SECOND);
    }
}
