package org.weightstudio.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PercentileRangeTest {
    /** The values ±1/1000 ... ±1000/1000, signs alternating, in a seeded shuffled order. */
    private static float[] thousandths(long seed) {
        float[] v = new float[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 2 == 0 ? 1 : -1) * (i + 1) / 1000f;
        }
        Random r = new Random(seed);
        for (int i = v.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }

    @Test
    void theNinetyNinePointFifthPercentileOfAThousandMagnitudesIsTheNineHundredNinetyFifth() {
        // nearest rank: ceil(0.995 * 1000) = 995th smallest |v| = 0.995
        assertThat(new PercentileRange().of(thousandths(1), 0, 1000)).isEqualTo(0.995f);
        // ceil(0.9 * 1000) = 900th
        assertThat(new PercentileRange(90).of(thousandths(2), 0, 1000)).isEqualTo(0.9f);
        assertThat(new PercentileRange(100).of(thousandths(3), 0, 1000)).isEqualTo(1f);
    }

    @Test
    void onlyTheGivenSliceCountsAndTheInputIsLeftAlone() {
        float[] v = new float[1010];
        float[] t = thousandths(4);
        System.arraycopy(t, 0, v, 5, 1000);
        v[0] = 99;
        v[1009] = -99;
        float[] before = v.clone();
        assertThat(new PercentileRange().of(v, 5, 1000)).isEqualTo(0.995f);
        assertThat(v).isEqualTo(before);
    }

    @Test
    void clippedShareCountsTheValuesBeyondTheRange() {
        float[] v = thousandths(5);
        // |v| > 0.995: 0.996 ... 1.000
        assertThat(HeatmapRasterizer.clippedShare(v, 0, 1000, 0.995f)).isEqualTo(0.005f);
        assertThat(HeatmapRasterizer.clippedShare(v, 0, 1000, 1f)).isZero();
        assertThat(HeatmapRasterizer.clippedShare(new float[4], 0, 4, 0f)).isZero();
    }

    @Test
    void aMostlyZeroRowIsNotAllClippedTheMaximumIsItsRange() {
        // 3 non-zero values of 1,000: the 99.5th percentile is 0, which would saturate all three
        float[] v = new float[1000];
        v[10] = 0.2f;
        v[500] = -0.7f;
        v[900] = 0.1f;
        assertThat(new PercentileRange().of(v, 0, 1000)).isEqualTo(0.7f);
        assertThat(new PercentileRange().of(new float[50], 0, 50)).isZero();
    }

    @Test
    void robustRangesAreOnePerRowOverAllTiles() {
        float[] v = thousandths(6);
        float[] out = new float[4];
        HeatmapRasterizer.ranges(v, 4, 250, ScaleMode.ROBUST, out);
        assertThat(out).containsOnly(0.995f);
        RowScale scale = RowScale.of(v, 4, 250, ScaleMode.ROBUST, new PercentileRange());
        assertThat(scale.clippedShare()).isCloseTo(0.005f, org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(scale.maximum()).isEqualTo(1f);
        float[] shared = new float[4];
        HeatmapRasterizer.ranges(v, 4, 250, ScaleMode.SHARED, shared);
        assertThat(shared).containsOnly(1f);
    }

    /** Selection agrees with sorting on random data full of ties (seed printed to replay a failure). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void selectionAgreesWithSorting(long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(3000);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            // few distinct values, many repeats, as in a border of zeros
            a[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(20) / 7f;
        }
        float[] sorted = a.clone();
        Arrays.sort(sorted);
        int k = r.nextInt(n);
        assertThat(PercentileRange.select(a.clone(), n, k)).as("seed %d, n %d, k %d", seed, n, k)
                .isEqualTo(sorted[k]);
    }
}
