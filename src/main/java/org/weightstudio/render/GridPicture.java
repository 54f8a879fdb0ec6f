package org.weightstudio.render;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * A rendered grid and the colour ranges it used (what the colour bars show), so that a sidecar
 * or a single-tile export can state or reuse them.
 *
 * @param image        the picture (TYPE_INT_RGB)
 * @param weightScale  colour ranges, true maxima and clipped shares of the top row's tiles
 * @param deltaScale   the same for the bottom row
 * @param weightTiles  where each tile of the top row is (for hit tests: right-click a tile)
 * @param deltaTiles   where each tile of the bottom row is
 */
public record GridPicture(BufferedImage image, RowScale weightScale, RowScale deltaScale, GridOptions options,
        GridCaption caption, Rectangle[] weightTiles, Rectangle[] deltaTiles) {

    /** Per tile of the top row: colours span [-r, r]. */
    public float[] weightRanges() {
        return weightScale.ranges();
    }

    /** Per tile of the bottom row. */
    public float[] deltaRanges() {
        return deltaScale.ranges();
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The RGB pixels, row by row: what "pixel-identical" compares. */
    public int[] pixels() {
        return image.getRGB(0, 0, width(), height(), null, 0, width());
    }
}
