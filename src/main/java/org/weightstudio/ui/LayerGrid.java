package org.weightstudio.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.weightstudio.model.Architecture;
import org.weightstudio.render.HeatmapRasterizer;
import org.weightstudio.render.LayerTiles;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.render.TileLayout;
import org.weightstudio.training.Frame;
import org.weightstudio.training.TensorFrame;

/**
 * The grid for an MLP or a CNN: one section per layer (see {@link LayerTiles}), each a row of
 * weight heatmaps with the row of their change since the picture before beneath, wrapped into
 * as many row pairs as needed, in a scroll pane. The same rasteriser and colour-range modes as
 * the one-layer grid; the values are gathered into buffers the grid owns, so drawing a picture
 * allocates nothing. Hidden units and first-layer filters can be sorted by how much they changed.
 */
final class LayerGrid extends VBox implements ModelGrid {
    private final List<SectionView> sections = new ArrayList<>();
    private final Consumer<String> hoverReport;
    private final CheckBox sortByChange = new CheckBox();
    private final VBox content = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(content);
    private ShownPicture last;

    LayerGrid(Architecture architecture, Consumer<String> hoverReport) {
        this.hoverReport = hoverReport;
        sortByChange.setId("sortByChange");
        // a CNN's sortable tiles are its first convolution's filters, an MLP's its hidden units
        sortByChange.setText(Architecture.CNN.equals(architecture.kind()) ? "sort filters by change"
                : "sort units by change");
        Label title = new Label(ModelKind.describe(architecture));
        title.getStyleClass().add("grid-title");
        HBox top = new HBox(16, title, sortByChange);
        var network = architecture.build();
        for (LayerTiles.Section s : LayerTiles.of(architecture)) {
            SectionView v = new SectionView(s, network.parameter(s.tensor()).size());
            sections.add(v);
            content.getChildren().add(v.node);
        }
        content.setPadding(new Insets(4));
        scroll.setFitToWidth(true);
        // the sections scroll in the height the window leaves them (the charts band below has its own cap)
        scroll.setPrefViewportHeight(380);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.setId("layerScroll");
        getChildren().addAll(top, scroll);
        setSpacing(4);
        getStyleClass().add("layer-grid");
        sortByChange.selectedProperty().addListener((o, was, on) -> {
            if (last != null) {
                draw(last, true);
            }
        });
    }

    @Override
    public void draw(ShownPicture picture, boolean labels) {
        last = picture;
        Frame f = picture.frame().frame();
        for (SectionView s : sections) {
            TensorFrame t = f.tensor(s.section.tensor());
            if (t == null || t.values().length != s.tensorSize) {
                return; // a picture of another model, on its way out
            }
            // the delta of each tensor is the change since the frame before (none kept: no change shown)
            float[] delta = t.delta() != null ? t.delta() : s.zeros();
            s.draw(t.values(), delta, picture.scaleMode(), labels, sortByChange.isSelected());
        }
    }

    @Override
    public void showRanges() {
        for (SectionView s : sections) {
            for (HeatmapTile t : s.weights) {
                t.showRange();
            }
            for (HeatmapTile t : s.deltas) {
                t.showRange();
            }
        }
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public boolean scrolls() {
        return true;
    }

    @Override
    public Rectangle2D usedArea() {
        return null;
    }

    /** Section {@code i}'s weight tile at position {@code k} (tests). */
    HeatmapTile weightTile(int section, int k) {
        return sections.get(section).weights[k];
    }

    HeatmapTile deltaTile(int section, int k) {
        return sections.get(section).deltas[k];
    }

    int sectionCount() {
        return sections.size();
    }

    /** One layer's tiles, their buffers and the order they are shown in. */
    private final class SectionView {
        final LayerTiles.Section section;
        final HeatmapTile[] weights;
        final HeatmapTile[] deltas;
        final float[] weightValues;
        final float[] deltaValues;
        final float[] weightRanges;
        final float[] deltaRanges;
        /** shown[k]: the unit drawn at position k. */
        final int[] shown;
        final float[] change;
        final Node node;
        final int tensorSize;
        private float[] zeros;

        SectionView(LayerTiles.Section section, int tensorSize) {
            this.section = section;
            this.tensorSize = tensorSize;
            TileLayout l = section.layout();
            int n = l.units();
            int size = l.rows() * l.cols();
            weights = new HeatmapTile[n];
            deltas = new HeatmapTile[n];
            weightValues = new float[n * size];
            deltaValues = new float[n * size];
            weightRanges = new float[n];
            deltaRanges = new float[n];
            shown = new int[n];
            change = new float[n];
            GridPane grid = new GridPane();
            grid.setHgap(6);
            grid.setVgap(2);
            int columns = section.columns();
            double side = side(l, columns);
            for (int k = 0; k < n; k++) {
                shown[k] = k;
                weights[k] = new HeatmapTile(l.title(k), "unit-" + section.title().split(":")[0] + "-" + k, l.rows(),
                        l.cols());
                deltas[k] = new HeatmapTile("delta", "delta-" + section.title().split(":")[0] + "-" + k, l.rows(),
                        l.cols());
                weights[k].setSide(side);
                deltas[k].setSide(side);
                watchHover(weights[k], k, false);
                watchHover(deltas[k], k, true);
                int chunk = k / columns;
                grid.add(weights[k], k % columns, 2 * chunk);
                grid.add(deltas[k], k % columns, 2 * chunk + 1);
            }
            Label title = new Label(section.title());
            title.getStyleClass().add("section-title");
            node = new VBox(4, title, grid);
        }

        float[] zeros() {
            if (zeros == null) {
                zeros = new float[tensorSize];
            }
            return zeros;
        }

        /** Small pictures grow to at least 8 screen pixels a value; 28x28 units to 56 pixels. */
        private double side(TileLayout l, int columns) {
            int px = Math.max(l.rows(), l.cols());
            if (l.units() == 1) {
                return Math.min(560, Math.max(px * 4, 300)) + 2;
            }
            int factor = px <= 8 ? 12 : px <= 16 ? 5 : 2;
            return px * factor + 2;
        }

        void draw(float[] flat, float[] delta, ScaleMode mode, boolean labels, boolean sort) {
            TileLayout l = section.layout();
            int n = l.units();
            int size = l.rows() * l.cols();
            for (int u = 0; u < n; u++) {
                l.gather(delta, u, deltaValues, u * size);
            }
            order(n, size, sort && section.sortable());
            for (int k = 0; k < n; k++) {
                l.gather(flat, shown[k], weightValues, k * size);
                if (shown[k] != k || sort) {
                    l.gather(delta, shown[k], deltaValues, k * size);
                }
            }
            HeatmapRasterizer.ranges(weightValues, n, size, mode, weightRanges);
            HeatmapRasterizer.ranges(deltaValues, n, size, mode, deltaRanges);
            for (int k = 0; k < n; k++) {
                weights[k].draw(weightValues, k * size, weightRanges[k], labels);
                deltas[k].draw(deltaValues, k * size, deltaRanges[k], labels);
                if (section.sortable()) {
                    weights[k].setTitle(l.title(shown[k]));
                }
            }
        }

        /** shown = units by decreasing sum |delta| when sorting, else in order (insertion sort: at most 256 units). */
        private void order(int n, int size, boolean sort) {
            for (int k = 0; k < n; k++) {
                shown[k] = k;
            }
            if (!sort) {
                return;
            }
            for (int u = 0; u < n; u++) {
                float s = 0;
                for (int i = u * size, end = i + size; i < end; i++) {
                    s += Math.abs(deltaValues[i]);
                }
                change[u] = s;
            }
            for (int i = 1; i < n; i++) {
                int unit = shown[i];
                int j = i - 1;
                while (j >= 0 && change[shown[j]] < change[unit]) {
                    shown[j + 1] = shown[j];
                    j--;
                }
                shown[j + 1] = unit;
            }
        }

        private void watchHover(HeatmapTile tile, int position, boolean delta) {
            tile.imageView().addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
                int[] rc = tile.pixelAt(e.getX(), e.getY());
                String text = rc == null ? null
                        : section.layout().describe(shown[position], rc[0], rc[1], tile.valueAt(rc[0], rc[1]));
                hoverReport.accept(text == null ? "" : (delta ? "change of " : "") + text);
            });
            tile.imageView().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverReport.accept(""));
        }
    }
}
