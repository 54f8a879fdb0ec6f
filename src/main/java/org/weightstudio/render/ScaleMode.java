package org.weightstudio.render;

/** How heatmap tiles choose their colour range. */
public enum ScaleMode {
    /** One symmetric range for all tiles of a row, so tiles compare with each other. */
    SHARED,
    /** Each tile uses its own largest magnitude, to show detail in quiet tiles. */
    PER_TILE,
    /**
     * One range per row like {@link #SHARED}, but the 99.5th percentile of |v| instead of the
     * maximum ({@link PercentileRange}): the few pixels beyond it are drawn at full colour and
     * the colour bar says how many were clipped.
     */
    ROBUST;

    /** True if every tile of a row uses the same range. */
    public boolean sharedPerRow() {
        return this != PER_TILE;
    }
}
