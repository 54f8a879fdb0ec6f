package org.weightstudio.analysis;

import java.util.Arrays;
import java.util.Locale;

/**
 * How much each class neuron's weights look like its digit: per class k, the Pearson correlation
 * between row k of W and the clarity template of k (see {@link ClarityTemplates}). 1 is a perfect
 * template, 0 no resemblance, -1 the negative of the digit.
 *
 * @param perClass one correlation per class, in label order
 */
public record Clarity(double[] perClass) {
    public Clarity {
        if (perClass.length == 0) {
            throw new IllegalArgumentException("clarity of no classes");
        }
        perClass = perClass.clone();
    }

    @Override
    public double[] perClass() {
        return perClass.clone();
    }

    public int classes() {
        return perClass.length;
    }

    public double of(int k) {
        return perClass[k];
    }

    public double mean() {
        return Arrays.stream(perClass).average().orElseThrow();
    }

    public double min() {
        return Arrays.stream(perClass).min().orElseThrow();
    }

    /**
     * The fields commands print: {@code clarity_mean=0.6718 clarity_min=0.5675 clarity_0=0.7012 ...},
     * four decimals, per class in label order.
     */
    public String fields() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "clarity_mean=%.4f clarity_min=%.4f",
                mean(), min()));
        for (int k = 0; k < perClass.length; k++) {
            s.append(String.format(Locale.ROOT, " clarity_%d=%.4f", k, perClass[k]));
        }
        return s.toString();
    }

    /**
     * Pearson correlation of a[aFrom, aFrom + n) with b[bFrom, bFrom + n):
     * r = sum (a - mean a)(b - mean b) / sqrt(sum (a - mean a)^2 * sum (b - mean b)^2).
     * A constant side (zero variance: untrained all-zero weights) has no shape to resemble: 0.
     */
    static double pearson(float[] a, int aFrom, double[] b, int bFrom, int n) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[aFrom + i];
            meanB += b[bFrom + i];
        }
        meanA /= n;
        meanB /= n;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++) {
            double da = a[aFrom + i] - meanA;
            double db = b[bFrom + i] - meanB;
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }
        return varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB);
    }
}
