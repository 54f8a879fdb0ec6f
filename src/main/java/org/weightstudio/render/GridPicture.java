package org.weightstudio.render;

import java.awt.image.BufferedImage;

/**
 * A rendered grid and the colour ranges it used (what the colour bars show), so that a sidecar
 * or a single-tile export can state or reuse them.
 *
 * @param image        the picture (TYPE_INT_RGB)
 * @param weightRanges per tile of the top row: colours span [-r, r]
 * @param deltaRanges  per tile of the bottom row
 */
public record GridPicture(BufferedImage image, float[] weightRanges, float[] deltaRanges, GridOptions options,
        GridCaption caption) {

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
