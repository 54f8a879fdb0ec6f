package org.weightstudio.render;

/** How heatmap tiles choose their colour range. */
public enum ScaleMode {
    /** One symmetric range for all tiles of a row, so tiles compare with each other. */
    SHARED,
    /** Each tile uses its own largest magnitude, to show detail in quiet tiles. */
    PER_TILE
}
