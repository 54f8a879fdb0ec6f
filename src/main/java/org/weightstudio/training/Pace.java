package org.weightstudio.training;

import java.util.Locale;

/**
 * How fast the trainer thread runs: a fixed number of updates per second, unlimited, or the
 * {@link TimeLapse time-lapse} (slow at first, faster and faster, full speed after one epoch).
 * In settings files a pace is one number: updates per second, 0 for unlimited and
 * {@value #TIME_LAPSE_SETTING} for the time-lapse.
 *
 * @param updatesPerSecond the fixed rate (infinity when unlimited, NaN for the time-lapse)
 */
public record Pace(double updatesPerSecond) {
    /** The settings-file number of the time-lapse pace. */
    public static final double TIME_LAPSE_SETTING = -1;
    /** The slowest fixed pace. */
    public static final double MIN_RATE = 0.5;

    public Pace {
        if (!Double.isNaN(updatesPerSecond) && !(updatesPerSecond >= MIN_RATE)) {
            throw new IllegalArgumentException("pace must be at least " + MIN_RATE + " updates per second, got "
                    + updatesPerSecond);
        }
    }

    public static Pace unlimited() {
        return new Pace(Double.POSITIVE_INFINITY);
    }

    public static Pace timeLapse() {
        return new Pace(Double.NaN);
    }

    public static Pace fixed(double updatesPerSecond) {
        return new Pace(updatesPerSecond);
    }

    public boolean isTimeLapse() {
        return Double.isNaN(updatesPerSecond);
    }

    public boolean isUnlimited() {
        return Double.isInfinite(updatesPerSecond);
    }

    /** The pace a settings file holds: -1 time-lapse, 0 unlimited, else updates per second. */
    public static Pace fromSetting(double setting) {
        if (setting == TIME_LAPSE_SETTING) {
            return timeLapse();
        }
        return setting == 0 ? unlimited() : fixed(setting);
    }

    public double toSetting() {
        return isTimeLapse() ? TIME_LAPSE_SETTING : isUnlimited() ? 0 : updatesPerSecond;
    }

    /** Reads {@code --pace}: a number of updates per second, "unlimited" or "timelapse". */
    public static Pace parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("unlimited")) {
            return unlimited();
        }
        if (t.equals("timelapse") || t.equals("time-lapse")) {
            return timeLapse();
        }
        double rate;
        try {
            rate = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pace \"" + text + "\" is not a number of updates per second, "
                    + "'unlimited' or 'timelapse'");
        }
        if (!(rate >= MIN_RATE) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("pace must be at least " + MIN_RATE + " updates per second, got " + text);
        }
        return fixed(rate);
    }

    @Override
    public String toString() {
        return isTimeLapse() ? "timelapse" : isUnlimited() ? "unlimited"
                : String.format(Locale.ROOT, "%s updates/s", updatesPerSecond);
    }
}
