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
 * @param layers       for a picture of layer sections (a CNN), each section's colour scales, the
 *                     first being {@code weightScale} and {@code deltaScale}; empty otherwise
 */
public record GridPicture(BufferedImage image, RowScale weightScale, RowScale deltaScale, GridOptions options,
        GridCaption caption, Rectangle[] weightTiles, Rectangle[] deltaTiles, java.util.List<LayerScale> layers) {

    public GridPicture {
        layers = java.util.List.copyOf(layers);
    }

    /** A picture of one template layer (the one-layer net, an MLP's hidden units). */
    public GridPicture(BufferedImage image, RowScale weightScale, RowScale deltaScale, GridOptions options,
            GridCaption caption, Rectangle[] weightTiles, Rectangle[] deltaTiles) {
        this(image, weightScale, deltaScale, options, caption, weightTiles, deltaTiles, java.util.List.of());
    }

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
