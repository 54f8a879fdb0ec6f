package org.weightstudio.render;

/**
 * A colour range that a few extreme values cannot set: a high percentile of |v| (by default the
 * 99.5th) instead of the maximum. After 20 epochs of MNIST a few rarely inked border pixels reach
 * |w| = 3.4 while 99% of the weights stay under 1.5; a max-abs range spends most of the colour
 * map on those few pixels and washes the digits out.
 *
 * <p>Nearest rank: the smallest |v| such that at least p% of the values are at most it, so at
 * most (100 - p)% are clipped. Found by selection (expected linear time) in a scratch buffer
 * this object keeps and grows, so a caller that renders every frame allocates nothing per frame.
 * Not thread-safe: one per rendering thread.
 */
public final class PercentileRange {
    public static final double DEFAULT_PERCENTILE = 99.5;

    private final double percentile;
    private float[] scratch = new float[0];

    public PercentileRange() {
        this(DEFAULT_PERCENTILE);
    }

    public PercentileRange(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        this.percentile = percentile;
    }

    public double percentile() {
        return percentile;
    }

    /**
     * The percentile of |v| over values[offset, offset + length). A range of 0 while some value is
     * not 0 (fewer than (100 - p)% of the values are non-zero, as in the first updates) would clip
     * every coloured pixel: then the maximum is the range.
     */
    public float of(float[] values, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (scratch.length < length) {
            scratch = new float[length];
        }
        float max = 0;
        for (int i = 0; i < length; i++) {
            float a = Math.abs(values[offset + i]);
            scratch[i] = a;
            max = Math.max(max, a);
        }
        // nearest rank: the k-th smallest, k = ceil(p/100 * n), 1-based
        int k = (int) Math.ceil(percentile / 100 * length);
        float r = select(scratch, length, Math.max(1, Math.min(length, k)) - 1);
        return r > 0 ? r : max;
    }

    /**
     * The (k+1)-th smallest of a[0, n) (k 0-based), reordering a. Quickselect with a three-way
     * partition, so runs of equal values (the zeros of an untouched border) cost no more than
     * distinct ones; the pivot is the median of the first, middle and last value.
     */
    static float select(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            float pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            // a[lo, lt) < pivot, a[lt, i) == pivot, a(gt, hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                float v = a[i];
                if (v < pivot) {
                    swap(a, lt++, i++);
                } else if (v > pivot) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[lo];
    }

    private static float medianOfThree(float x, float y, float z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
