package org.weightstudio.render;

/**
 * How one heatmap of a layer grid takes its values out of a parameter tensor of a frame (see
 * {@link org.weightstudio.training.TensorFrame}): a hidden unit's 784 input weights as 28x28,
 * a 5x5 filter, a mosaic of filters with one-pixel gaps. Gathering writes into a buffer the grid
 * owns, so drawing allocates nothing.
 */
public interface TileLayout {
    /** The title under which the tile shows unit {@code unit}. */
    String title(int unit);

    int rows();

    int cols();

    /** How many units the section has (tiles to draw). */
    int units();

    /** Writes unit {@code unit}'s rows x cols values, taken from the tensor's values (or its delta), to out[at ...]. */
    void gather(float[] tensor, int unit, float[] out, int at);

    /** Whether pixel (row, col) is a gap between the blocks of a mosaic rather than a value. */
    default boolean isGap(int row, int col) {
        return false;
    }

    /** The hover text of pixel (row, col) of unit {@code unit} showing {@code value}, or null on a gap. */
    String describe(int unit, int row, int col, float value);
}
