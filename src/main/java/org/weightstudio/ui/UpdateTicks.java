package org.weightstudio.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ticks and labels of the update axis, linear or logarithmic, at any magnitude: labels are short
 * ({@code 500}, {@code 20k}, {@code 1.25M}) and there are never more ticks than fit the axis
 * length at {@link #PIXELS_PER_TICK}, so labels never run together. Pure numbers; the chart axis
 * ({@link UpdateAxis}) draws them.
 */
final class UpdateTicks {
    /** Room for one label ("1.25M" is about 35 px at the charts' font) and a gap. */
    static final double PIXELS_PER_TICK = 64;
    private static final double[] NICE = {1, 2, 2.5, 5, 10};

    private UpdateTicks() {
    }

    /** At most this many ticks fit {@code lengthPixels}. */
    static int maxTicks(double lengthPixels) {
        return Math.max(2, (int) (lengthPixels / PIXELS_PER_TICK));
    }

    /** The range shown for data up to {@code max}: 0 to a round number (linear), or whole decades (log). */
    static double[] range(double min, double max, boolean log) {
        if (log) {
            double lo = Math.pow(10, Math.floor(Math.log10(Math.max(1, min))));
            double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(10, max))));
            return new double[] {lo, Math.max(hi, lo * 10)};
        }
        double top = Math.max(10, max);
        double step = niceStep(top / 5);
        return new double[] {0, Math.ceil(top / step) * step};
    }

    /** Ticks of a linear axis from {@code lower} to {@code upper}: multiples of a 1-2-2.5-5 step. */
    static List<Double> linear(double lower, double upper, int maxTicks) {
        double step = niceStep((upper - lower) / Math.max(1, maxTicks - 1));
        while ((upper - lower) / step + 1 > maxTicks) {
            step = niceStep(step * 1.01);
        }
        List<Double> ticks = new ArrayList<>();
        for (double v = Math.ceil(lower / step) * step; v <= upper + step * 1e-9; v += step) {
            ticks.add(v);
        }
        if (ticks.size() < 2) {
            // a step wider than the range: its two ends
            return List.of(lower, upper);
        }
        return ticks;
    }

    /**
     * Ticks of a log axis: every power of ten (or every second, third ... when the decades do not
     * fit), with 2 and 5 times each power added where there is room.
     */
    static List<Double> log(double lower, double upper, int maxTicks) {
        int first = (int) Math.floor(Math.log10(lower) + 1e-9);
        int last = (int) Math.ceil(Math.log10(upper) - 1e-9);
        int decades = last - first + 1;
        List<Double> ticks = new ArrayList<>();
        if (decades * 3 <= maxTicks) {
            for (int d = first; d <= last; d++) {
                for (double m : new double[] {1, 2, 5}) {
                    double v = m * Math.pow(10, d);
                    if (v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9)) {
                        ticks.add(v);
                    }
                }
            }
            return ticks;
        }
        int every = (int) Math.ceil((double) decades / maxTicks);
        for (int d = first; d <= last; d += every) {
            ticks.add(Math.pow(10, d));
        }
        return ticks;
    }

    /** 0, 5, 500, 20k, 1.25M, 3G: at most four significant characters and a unit. */
    static String label(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return compact(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return compact(v / 1e6) + "M";
        }
        if (a >= 1e3) {
            return compact(v / 1e3) + "k";
        }
        return compact(v);
    }

    private static String compact(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The smallest 1, 2, 2.5 or 5 times a power of ten that is at least {@code x}. */
    private static double niceStep(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : NICE) {
            if (m * p >= x * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
