package org.weightstudio.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;

/** The grid of the model shown: the one-layer net's templates ({@link HeatmapGrid}) or a network's layers ({@link LayerGrid}). */
interface ModelGrid {
    /** Draws a picture; the range labels follow when {@code labels} is true. */
    void draw(ShownPicture picture, boolean labels);

    /** Brings every range label up to the picture drawn last. */
    void showRanges();

    Node node();

    /** The part of the node the tiles occupy, for a snapshot (null: all of it). */
    Rectangle2D usedArea();

    /**
     * Whether the grid scrolls and so takes all the height it is given; a grid that does not
     * (the one-layer templates) asks for the height its tiles need, and the charts get the rest.
     */
    boolean scrolls();
}
