package org.weightstudio.analysis;

import java.util.Locale;

/**
 * One way to disturb a digit, with the values a robustness sweep tries: from {@code min} to
 * {@code max} in steps of {@code step}, the identity ({@code neutral}) among them.
 */
public enum PerturbationKind {
    SHIFT_X("shift-x", "shift x (pixels)", 0, -8, 8, 1),
    SHIFT_Y("shift-y", "shift y (pixels)", 0, -8, 8, 1),
    SCALE("scale", "scale (factor)", 1, 0.5, 1.5, 0.1),
    THICKNESS("thickness", "pen thicker (+) or thinner (-) (pixels)", 0, -2, 2, 0.5),
    ROTATION("rotation", "rotation (degrees, counter-clockwise)", 0, -30, 30, 5);

    private final String id;
    private final String label;
    private final double neutral;
    private final double min;
    private final double max;
    private final double step;

    PerturbationKind(String id, String label, double neutral, double min, double max, double step) {
        this.id = id;
        this.label = label;
        this.neutral = neutral;
        this.min = min;
        this.max = max;
        this.step = step;
    }

    /** Short name for files and CSV columns, e.g. {@code shift-x}. */
    public String id() {
        return id;
    }

    /** Axis label with its unit. */
    public String label() {
        return label;
    }

    public double neutral() {
        return neutral;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** min, min + step, ..., max; computed as min + i * step and rounded to kill drift (0.30000000000000004). */
    public double[] sweepValues() {
        int n = (int) Math.round((max - min) / step) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.round((min + i * step) * 1e6) / 1e6;
        }
        return v;
    }

    /** The settings that apply only this perturbation, by {@code amount}. */
    public PerturbationSettings alone(double amount) {
        return PerturbationSettings.IDENTITY.with(this, amount);
    }

    @Override
    public String toString() {
        return id.toUpperCase(Locale.ROOT);
    }
}
