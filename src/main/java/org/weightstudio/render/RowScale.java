package org.weightstudio.render;

/**
 * The colour scale of one row of tiles as drawn: the range each tile is coloured on, each tile's
 * true largest |v| (for read-outs: with {@link ScaleMode#ROBUST} it may exceed the range), and
 * the share of each tile's pixels beyond its range, drawn clipped at full colour.
 *
 * @param ranges  per tile: colours span [-r, r]
 * @param maxima  per tile: the largest |v|
 * @param clipped per tile: the share (0..1) of values with |v| > r
 */
public record RowScale(float[] ranges, float[] maxima, float[] clipped) {
    public RowScale {
        if (ranges.length != maxima.length || ranges.length != clipped.length) {
            throw new IllegalArgumentException("ranges, maxima and clipped shares of different lengths");
        }
    }

    /** The scale of {@code tiles} tiles of {@code tileSize} values each, in {@code mode}. */
    public static RowScale of(float[] values, int tiles, int tileSize, ScaleMode mode, PercentileRange robust) {
        float[] ranges = new float[tiles];
        float[] maxima = new float[tiles];
        float[] clipped = new float[tiles];
        HeatmapRasterizer.ranges(values, tiles, tileSize, mode, ranges, robust);
        HeatmapRasterizer.maxima(values, tiles, tileSize, maxima);
        for (int t = 0; t < tiles; t++) {
            clipped[t] = HeatmapRasterizer.clippedShare(values, t * tileSize, tileSize, ranges[t]);
        }
        return new RowScale(ranges, maxima, clipped);
    }

    /** The share of the whole row's pixels drawn clipped (tiles are the same size). */
    public float clippedShare() {
        float sum = 0;
        for (float c : clipped) {
            sum += c;
        }
        return clipped.length == 0 ? 0 : sum / clipped.length;
    }

    /** The largest |v| of the whole row. */
    public float maximum() {
        float m = 0;
        for (float v : maxima) {
            m = Math.max(m, v);
        }
        return m;
    }
}
