package org.weightstudio.ui;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.weightstudio.render.HeatmapRasterizer;
import org.weightstudio.render.PercentileRange;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.Frame;

/**
 * The post's layout: a top row of ten weight heatmaps titled 0..9 and below them ten heatmaps
 * of the change since the previous picture, titled delta_0..delta_9. Tiles grow with the region,
 * in whole multiples of the image size when there is room, so the enlargement stays even.
 * Hovering a pixel reports its row, column and value; the report follows the pictures live.
 */
final class HeatmapGrid extends Region implements ModelGrid {
    static final int COLUMNS = 10;
    private static final double GAP = 10;
    /** Height of a tile besides its image: title, colour bar, range labels. */
    private static final double TILE_EXTRA = 54;

    private final HeatmapTile[] weights;
    private final HeatmapTile[] deltas;
    private final float[] weightRanges;
    /** The 99.5th percentile for the robust scale, with its scratch buffer: nothing allocated per frame. */
    private final PercentileRange robustRange = new PercentileRange();
    private final float[] deltaRanges;
    private final Consumer<String> hoverReport;
    private HeatmapTile hovered;
    private int hoverRow;
    private int hoverCol;
    private String hoverName = "";
    private Rectangle2D usedArea = Rectangle2D.EMPTY;
    private TileSaver onSaveTile = (tile, deltaRow, enlarged) -> { };

    /** What the tile menu's items do. */
    @FunctionalInterface
    interface TileSaver {
        void save(int tile, boolean deltaRow, boolean enlarged);
    }

    HeatmapGrid(int classes, int rows, int cols, Consumer<String> hoverReport) {
        this.hoverReport = hoverReport;
        weights = new HeatmapTile[classes];
        deltas = new HeatmapTile[classes];
        weightRanges = new float[classes];
        deltaRanges = new float[classes];
        for (int k = 0; k < classes; k++) {
            weights[k] = new HeatmapTile(Integer.toString(k), "weight-" + k, rows, cols);
            deltas[k] = new HeatmapTile("delta_" + k, "delta-" + k, rows, cols);
            watchHover(weights[k], "W_" + k);
            watchHover(deltas[k], "delta_" + k);
            addTileMenu(weights[k], k, false);
            addTileMenu(deltas[k], k, true);
        }
        getChildren().addAll(weights);
        getChildren().addAll(deltas);
        getStyleClass().add("heatmap-grid");
        setPadding(new Insets(6));
        setMinWidth(400);
        // The preferred height follows the width: ask the parent again when the width changes.
        widthProperty().addListener((o, was, now) -> {
            if (getParent() != null) {
                getParent().requestLayout();
            }
        });
    }

    /**
     * Draws a picture: weights on top, the delta below, each row with its own scale rule. The
     * range labels follow when {@code labels} is true (see {@link HeatmapTile#draw}).
     */
    @Override
    public void draw(ShownPicture picture, boolean labels) {
        Frame f = picture.frame().frame();
        int tile = f.tileSize();
        int classes = Math.min(weights.length, f.classes());
        HeatmapRasterizer.ranges(f.weights(), classes, tile, picture.scaleMode(), weightRanges, robustRange);
        HeatmapRasterizer.ranges(picture.delta(), classes, tile, picture.scaleMode(), deltaRanges, robustRange);
        for (int k = 0; k < classes; k++) {
            weights[k].draw(f.weights(), k * tile, weightRanges[k], labels);
            deltas[k].draw(picture.delta(), k * tile, deltaRanges[k], labels);
        }
        if (hovered != null) {
            report();
        }
    }

    /** The largest side that holds a whole multiple (2 or more) of the image size plus its 1-pixel frame. */
    static double wholeSide(double available, int px) {
        // side = f * px + 2 with f = floor((available - 2) / px)
        double f = Math.floor((available - 2) / px);
        return f >= 2 ? f * px + 2 : Math.max(px + 2, Math.floor(available));
    }

    /** Brings every range label up to the picture drawn last. */
    @Override
    public void showRanges() {
        for (int k = 0; k < weights.length; k++) {
            weights[k].showRange();
            deltas[k].showRange();
        }
    }

    HeatmapTile weightTile(int k) {
        return weights[k];
    }

    HeatmapTile deltaTile(int k) {
        return deltas[k];
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        int n = weights.length;
        int px = weights[0].cols();
        // side = the largest image that fits both ways; whole multiples of the image size when >= 2x
        double side = Math.min((w - GAP * (n - 1)) / n, (h - GAP - 2 * TILE_EXTRA) / 2);
        side = wholeSide(side, px);
        double tileWidth = side;
        double usedWidth = n * tileWidth + (n - 1) * GAP;
        double x0 = in.getLeft() + Math.max(0, (w - usedWidth) / 2);
        double rowHeight = side + TILE_EXTRA;
        for (int k = 0; k < n; k++) {
            double x = x0 + k * (tileWidth + GAP);
            weights[k].setSide(side);
            deltas[k].setSide(side);
            weights[k].resizeRelocate(x, in.getTop(), tileWidth, rowHeight);
            deltas[k].resizeRelocate(x, in.getTop() + rowHeight + GAP, tileWidth, rowHeight);
        }
        double margin = GAP;
        double left = Math.max(0, x0 - margin);
        usedArea = new Rectangle2D(left, 0, Math.min(getWidth() - left, usedWidth + 2 * margin),
                Math.min(getHeight(), in.getTop() + 2 * rowHeight + GAP + in.getBottom()));
    }

    /** The part of the region the tiles occupy (for a snapshot without empty margins). */
    @Override
    public Node node() {
        return this;
    }

    @Override
    public boolean scrolls() {
        return false;
    }

    @Override
    public Rectangle2D usedArea() {
        return usedArea;
    }

    @Override
    protected double computePrefWidth(double height) {
        return weights.length * (28 * 4 + GAP);
    }

    /**
     * The tiles come first: the grid will not be squeezed below the height its tiles need at
     * the current width, so a short window takes the height from the chart band below it.
     */
    @Override
    protected double computeMinHeight(double width) {
        return Math.max(2 * (weights[0].rows() + TILE_EXTRA) + GAP, computePrefHeight(width));
    }

    /** The height the tiles need at the current width, so that spare height goes to the charts. */
    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double w = (width > 0 ? width : getWidth()) - in.getLeft() - in.getRight();
        int px = weights[0].cols();
        double side = w > 0 ? (w - GAP * (weights.length - 1)) / weights.length : 4 * px;
        side = wholeSide(side, px);
        return in.getTop() + in.getBottom() + 2 * (side + TILE_EXTRA) + GAP;
    }

    /** Sets what "Save tile (28x28)" and "Save tile (enlarged)" do. */
    void setOnSaveTile(TileSaver saver) {
        this.onSaveTile = saver;
    }

    /** Right-click on a tile: save it alone, at its own size or enlarged. */
    private void addTileMenu(HeatmapTile tile, int k, boolean deltaRow) {
        MenuItem small = new MenuItem("Save tile (" + tile.cols() + "x" + tile.rows() + ")");
        MenuItem large = new MenuItem("Save tile (enlarged)");
        small.setOnAction(e -> onSaveTile.save(k, deltaRow, false));
        large.setOnAction(e -> onSaveTile.save(k, deltaRow, true));
        ContextMenu menu = new ContextMenu(small, large);
        // A secondary press opens it too: not every platform (Monocle, for one) sends a context-menu request.
        tile.setOnContextMenuRequested(e -> showMenu(menu, tile, e.getScreenX(), e.getScreenY()));
        tile.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                showMenu(menu, tile, e.getScreenX(), e.getScreenY());
            }
        });
    }

    private static void showMenu(ContextMenu menu, HeatmapTile tile, double x, double y) {
        if (!menu.isShowing()) {
            menu.show(tile, x, y);
        }
    }

    private void watchHover(HeatmapTile tile, String name) {
        tile.imageView().addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int[] rc = tile.pixelAt(e.getX(), e.getY());
            if (rc == null) {
                hovered = null;
                hoverReport.accept("");
                return;
            }
            hovered = tile;
            hoverRow = rc[0];
            hoverCol = rc[1];
            hoverName = name;
            report();
        });
        tile.imageView().addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hovered = null;
            hoverReport.accept("");
        });
    }

    private void report() {
        float v = hovered.valueAt(hoverRow, hoverCol);
        hoverReport.accept(String.format(Locale.ROOT, "%s  row %d, col %d: %+.4g", hoverName, hoverRow, hoverCol, v));
    }
}
