package org.weightstudio.render;

/**
 * A diverging colour map centred on zero: negative values blue, zero white, positive red, with a
 * symmetric range [-range, range]. Colours come from a 511-entry lookup table, so mapping a value
 * is a multiply, a clamp and an array read.
 */
public final class DivergingColorMap {
    /** Entries on each side of zero. */
    private static final int HALF = 255;
    private static final int[] LUT = buildLut();

    private DivergingColorMap() {
    }

    /** The ARGB colour of {@code v} on the scale [-range, range]; values beyond clamp. */
    public static int argb(float v, float range) {
        float scale = range > 0 ? HALF / range : 0;
        return LUT[index(v, scale)];
    }

    /** LUT index for v: round(v * scale) clamped to [-HALF, HALF], shifted to [0, 2*HALF]. */
    static int index(float v, float scale) {
        int i = Math.round(v * scale);
        if (i > HALF) {
            i = HALF;
        } else if (i < -HALF) {
            i = -HALF;
        }
        return i + HALF;
    }

    /** The colour at a lookup index from {@link #index}. */
    static int argbForIndex(int index) {
        return LUT[index];
    }

    /** Colour for a position t in [-1, 1] along the bar (for drawing colour bars). */
    public static int argbAt(float t) {
        return argb(t, 1f);
    }

    private static int[] buildLut() {
        int[] lut = new int[2 * HALF + 1];
        // Ends: a deep blue (33, 102, 172) and a deep red (178, 24, 43), as in ColorBrewer's RdBu;
        // linear through white so that zero is exactly white and sign is read at a glance.
        int[] neg = {33, 102, 172};
        int[] pos = {178, 24, 43};
        for (int i = -HALF; i <= HALF; i++) {
            float t = Math.abs(i) / (float) HALF;
            int[] end = i < 0 ? neg : pos;
            int r = Math.round(255 + (end[0] - 255) * t);
            int g = Math.round(255 + (end[1] - 255) * t);
            int b = Math.round(255 + (end[2] - 255) * t);
            lut[i + HALF] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return lut;
    }
}
