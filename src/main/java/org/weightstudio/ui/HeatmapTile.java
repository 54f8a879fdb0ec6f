package org.weightstudio.ui;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.weightstudio.render.DivergingColorMap;
import org.weightstudio.render.HeatmapRasterizer;

/**
 * One heatmap: a title, the rows x cols image enlarged with nearest-neighbour sampling so each
 * weight stays a crisp square, and a colour bar with the numeric range. The enlargement is done
 * here by a whole factor ({@link HeatmapRasterizer#enlarge}) into an image shown 1:1, because an
 * {@link ImageView} with smoothing off still blurs on some pipelines (and in node snapshots);
 * only below a factor of 2 does the view scale, with smoothing off. Owns its pixel buffers;
 * drawing allocates nothing unless the tile has changed size.
 */
final class HeatmapTile extends VBox {
    private static final int BAR_STEPS = 256;
    private static final PixelFormat<java.nio.IntBuffer> ARGB = PixelFormat.getIntArgbPreInstance();

    private final int rows;
    private final int cols;
    private final int[] pixels;
    private int factor;
    private int[] enlarged;
    private WritableImage image;
    private final ImageView view;
    private final ImageView bar;
    private final Label low = new Label();
    private final Label high = new Label();
    private float[] values;
    private int offset;

    HeatmapTile(String title, String id, int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.pixels = new int[rows * cols];
        this.view = new ImageView();
        view.setSmooth(false);
        view.setPreserveRatio(false);
        view.setId(id);
        view.getStyleClass().add("heatmap");

        bar = new ImageView(colourBar());
        bar.setSmooth(true);
        bar.setPreserveRatio(false);
        bar.setFitHeight(8);
        bar.getStyleClass().add("colour-bar");

        Label name = new Label(title);
        name.getStyleClass().add("tile-title");
        low.getStyleClass().add("range-label");
        high.getStyleClass().add("range-label");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox labels = new HBox(low, gap, high);
        BorderPane framed = new BorderPane(view);
        framed.getStyleClass().add("heatmap-frame");
        getChildren().addAll(name, framed, bar, labels);
        setAlignment(Pos.TOP_CENTER);
        getStyleClass().add("tile");
        setSide(28 * 4);
    }

    /** Makes the heatmap {@code side} pixels wide and high. */
    void setSide(double side) {
        int f = Math.max(1, (int) Math.floor(side / Math.max(rows, cols)));
        if (f != factor) {
            factor = f;
            enlarged = new int[rows * f * cols * f];
            image = new WritableImage(cols * f, rows * f);
            view.setImage(image);
            if (values != null) {
                paint();
            }
        }
        view.setFitWidth(side);
        view.setFitHeight(side);
        bar.setFitWidth(side);
    }

    double side() {
        return view.getFitWidth();
    }

    ImageView imageView() {
        return view;
    }

    /** Draws values[offset, offset + rows*cols) on the symmetric range [-range, range]. */
    void draw(float[] source, int from, float range) {
        this.values = source;
        this.offset = from;
        HeatmapRasterizer.rasterize(source, from, range, pixels);
        paint();
        low.setText(format(-range));
        high.setText(format(range));
    }

    private void paint() {
        HeatmapRasterizer.enlarge(pixels, cols, rows, factor, enlarged);
        image.getPixelWriter().setPixels(0, 0, cols * factor, rows * factor, ARGB, enlarged, 0, cols * factor);
    }

    /** The value drawn at (row, col), or NaN before the first picture. */
    float valueAt(int row, int col) {
        return values == null ? Float.NaN : values[offset + row * cols + col];
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    static String format(float v) {
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 0.01 && Math.abs(v) < 1000 ? "%+.3f" : "%+.2e", v);
    }

    private static WritableImage colourBar() {
        int height = 8;
        WritableImage img = new WritableImage(BAR_STEPS, height);
        for (int i = 0; i < BAR_STEPS; i++) {
            // t runs from -1 at the left end to +1 at the right
            float t = -1f + 2f * i / (BAR_STEPS - 1);
            int argb = DivergingColorMap.argbAt(t);
            for (int y = 0; y < height; y++) {
                img.getPixelWriter().setArgb(i, y, argb);
            }
        }
        return img;
    }
}
