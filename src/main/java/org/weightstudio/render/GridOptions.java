package org.weightstudio.render;

import java.util.Objects;

/**
 * How a grid picture is drawn.
 *
 * @param scaleMode one colour range per row ({@link ScaleMode#SHARED}, or robust to outliers:
 *                  {@link ScaleMode#ROBUST}, the default) or per tile
 * @param scale     screen pixels per weight (integer, nearest-neighbour): 1 gives 28x28 tiles
 */
public record GridOptions(ScaleMode scaleMode, int scale) {
    public static final int DEFAULT_SCALE = 4;
    public static final int MAX_SCALE = 32;

    public GridOptions {
        Objects.requireNonNull(scaleMode, "scaleMode");
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be an integer from 1 to " + MAX_SCALE + ", got " + scale);
        }
    }

    public static GridOptions defaults() {
        return new GridOptions(ScaleMode.ROBUST, DEFAULT_SCALE);
    }

    public GridOptions withScale(int s) {
        return new GridOptions(scaleMode, s);
    }
}
