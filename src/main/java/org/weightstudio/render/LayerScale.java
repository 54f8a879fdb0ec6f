package org.weightstudio.render;

/**
 * The colour scales and places of the tiles one section of a layer picture was drawn with (see {@link LayerTiles}).
 *
 * @param tensor  the tensor drawn, "conv1.W"
 * @param title   the section's heading
 * @param weights the scale of its weight tiles, one entry per tile
 * @param deltas  the scale of its delta tiles
 * @param weightTiles where each weight tile is in the picture
 * @param deltaTiles  where each delta tile is
 */
public record LayerScale(String tensor, String title, RowScale weights, RowScale deltas,
        java.awt.Rectangle[] weightTiles, java.awt.Rectangle[] deltaTiles) {
}
