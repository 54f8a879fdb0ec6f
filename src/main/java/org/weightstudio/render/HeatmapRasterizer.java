package org.weightstudio.render;

/**
 * Turns rows of a weight matrix (each a rows x cols image) into ARGB pixels with
 * {@link DivergingColorMap}. Writes into caller-owned arrays so that the animation loop allocates
 * nothing.
 */
public final class HeatmapRasterizer {
    private HeatmapRasterizer() {
    }

    /** Largest |v| over values[offset, offset + length): the symmetric range that fits them. */
    public static float maxAbs(float[] values, int offset, int length) {
        float max = 0;
        for (int i = offset; i < offset + length; i++) {
            max = Math.max(max, Math.abs(values[i]));
        }
        return max;
    }

    /**
     * The colour range of every tile of a matrix of {@code tiles} rows of {@code tileSize}
     * values: the same global maximum for {@link ScaleMode#SHARED}, each tile's own maximum for
     * {@link ScaleMode#PER_TILE}, the same 99.5th percentile of |v| over all tiles for
     * {@link ScaleMode#ROBUST}. A zero range (all-zero tile) maps everything to white.
     * Allocates a scratch buffer for ROBUST; a caller drawing every frame passes its own
     * {@link PercentileRange} to the overload below.
     */
    public static void ranges(float[] values, int tiles, int tileSize, ScaleMode mode, float[] out) {
        ranges(values, tiles, tileSize, mode, out, mode == ScaleMode.ROBUST ? new PercentileRange() : null);
    }

    /** As above, with the caller's percentile (and its scratch buffer) for {@link ScaleMode#ROBUST}. */
    public static void ranges(float[] values, int tiles, int tileSize, ScaleMode mode, float[] out,
            PercentileRange robust) {
        if (mode == ScaleMode.ROBUST) {
            java.util.Arrays.fill(out, 0, tiles, robust.of(values, 0, tiles * tileSize));
            return;
        }
        float global = 0;
        for (int t = 0; t < tiles; t++) {
            out[t] = maxAbs(values, t * tileSize, tileSize);
            global = Math.max(global, out[t]);
        }
        if (mode == ScaleMode.SHARED) {
            java.util.Arrays.fill(out, 0, tiles, global);
        }
    }

    /** The largest |v| of each tile, whatever the mode (the true maximum for a hover read-out). */
    public static void maxima(float[] values, int tiles, int tileSize, float[] out) {
        for (int t = 0; t < tiles; t++) {
            out[t] = maxAbs(values, t * tileSize, tileSize);
        }
    }

    /**
     * The share of values[offset, offset + length) drawn clipped on [-range, range]: |v| > range
     * (and any non-zero value when the range is 0).
     */
    public static float clippedShare(float[] values, int offset, int length, float range) {
        if (length == 0) {
            return 0;
        }
        int clipped = 0;
        for (int i = offset; i < offset + length; i++) {
            if (Math.abs(values[i]) > range) {
                clipped++;
            }
        }
        return (float) clipped / length;
    }

    /** Colours values[offset, offset + pixels.length) into {@code pixels} on [-range, range]. */
    public static void rasterize(float[] values, int offset, float range, int[] pixels) {
        float scale = range > 0 ? 255f / range : 0;
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = lut(values[offset + i], scale);
        }
    }

    private static int lut(float v, float scale) {
        return DivergingColorMap.argbForIndex(DivergingColorMap.index(v, scale));
    }

    /**
     * Enlarges a w x h ARGB image by an integer factor with nearest-neighbour sampling, so each
     * weight stays a crisp square.
     */
    public static int[] enlarge(int[] src, int w, int h, int factor, int[] out) {
        int ow = w * factor;
        for (int y = 0; y < h * factor; y++) {
            int srcRow = (y / factor) * w;
            int dstRow = y * ow;
            for (int x = 0; x < ow; x++) {
                out[dstRow + x] = src[srcRow + x / factor];
            }
        }
        return out;
    }
}
