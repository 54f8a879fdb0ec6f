package org.weightstudio.ui;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import java.nio.IntBuffer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
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
    /** A 1-pixel frame drawn into the image itself: cheaper than a CSS border on the software pipeline. */
    private static final int FRAME_ARGB = 0xFFB8BEC8;
    private static final PixelFormat<IntBuffer> ARGB = PixelFormat.getIntArgbPreInstance();

    private final int rows;
    private final int cols;
    private final int[] pixels;
    private int factor;
    private int[] enlarged;
    /**
     * Two images used in turn: the renderer may still be uploading the one shown while the FX
     * thread paints the next picture, so painting into the shown image would tear.
     */
    private final Buffer[] buffers = new Buffer[2];
    private int shown;
    private WritableImage image;

    /**
     * An image backed by our own int[] in the renderer's own format (premultiplied ARGB; the
     * colours are opaque, so the same as ARGB): no conversion on the FX thread and a plain copy
     * on upload.
     */
    private record Buffer(int[] argb, int width, PixelBuffer<IntBuffer> pixels, WritableImage image) {
        static Buffer of(int width, int height) {
            int[] argb = new int[width * height];
            PixelBuffer<IntBuffer> pb = new PixelBuffer<>(width, height, IntBuffer.wrap(argb), ARGB);
            return new Buffer(argb, width, pb, new WritableImage(pb));
        }
    }
    private final ImageView view;
    private final ImageView bar;
    private final Label name = new Label();
    private final Label low = new Label();
    private final Label high = new Label();
    /** Below this side the range shows as one "±r" label in a smaller font, so that it fits. */
    private static final double COMPACT_SIDE = 100;
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
    private boolean compact;
    private float[] values;
    private int offset;
    private float range;

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

        name.setText(title);
        name.getStyleClass().add("tile-title");
        low.getStyleClass().add("range-label");
        high.getStyleClass().add("range-label");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox labels = new HBox(low, gap, high);
        getChildren().addAll(name, view, bar, labels);
        setAlignment(Pos.TOP_CENTER);
        getStyleClass().add("tile");
        setSide(28 * 4);
    }

    /** Makes the heatmap {@code side} pixels wide and high. */
    void setSide(double side) {
        int f = Math.max(1, (int) Math.floor((side - 2) / Math.max(rows, cols)));
        if (f != factor) {
            factor = f;
            enlarged = new int[rows * f * cols * f];
            for (int i = 0; i < 2; i++) {
                buffers[i] = Buffer.of(cols * f + 2, rows * f + 2);
                paintFrame(buffers[i].argb(), cols * f + 2, rows * f + 2);
            }
            image = buffers[shown].image();
            view.setImage(image);
            if (values != null) {
                paint();
            }
        }
        view.setFitWidth(side);
        // a tile wider than high (a 10 x 64 matrix) keeps its proportions: side is its width
        view.setFitHeight(rows == cols ? side : side * (rows * (double) factor + 2) / (cols * (double) factor + 2));
        bar.setFitWidth(side);
        boolean small = side < COMPACT_SIDE;
        if (small != compact) {
            compact = small;
            pseudoClassStateChanged(COMPACT, small);
            high.setVisible(!small);
            showRange();
        }
    }

    /** Renames the tile (a grid sorted by change shows another unit here). */
    void setTitle(String title) {
        if (!title.equals(name.getText())) {
            name.setText(title);
        }
    }

    double side() {
        return view.getFitWidth();
    }

    ImageView imageView() {
        return view;
    }

    /**
     * Draws values[offset, offset + rows*cols) on the symmetric range [-range, range]. The range
     * labels change only when {@code labels} is true: numbers rewritten 60 times a second cannot
     * be read, and laying out their text is most of a picture's cost.
     */
    void draw(float[] source, int from, float range, boolean labels) {
        this.values = source;
        this.offset = from;
        this.range = range;
        HeatmapRasterizer.rasterize(source, from, range, pixels);
        paint();
        if (labels) {
            showRange();
        }
    }

    void showRange() {
        if (compact) {
            String r = format(range);
            low.setText("\u00b1" + (r.startsWith("+") ? r.substring(1) : r));
        } else {
            low.setText(format(-range));
            high.setText(format(range));
        }
    }

    private void paint() {
        HeatmapRasterizer.enlarge(pixels, cols, rows, factor, enlarged);
        shown = 1 - shown;
        Buffer b = buffers[shown];
        int w = cols * factor;
        b.pixels().updateBuffer(pb -> {
            // rows of the enlarged picture into the buffer, inside the 1-pixel frame
            for (int y = 0; y < rows * factor; y++) {
                System.arraycopy(enlarged, y * w, b.argb(), (y + 1) * b.width() + 1, w);
            }
            return null;
        });
        image = b.image();
        view.setImage(image);
    }

    private static void paintFrame(int[] argb, int w, int h) {
        for (int x = 0; x < w; x++) {
            argb[x] = FRAME_ARGB;
            argb[(h - 1) * w + x] = FRAME_ARGB;
        }
        for (int y = 0; y < h; y++) {
            argb[y * w] = FRAME_ARGB;
            argb[y * w + w - 1] = FRAME_ARGB;
        }
    }

    /** The image pixel under a point of the view: (row, col), or null on the frame. */
    int[] pixelAt(double x, double y) {
        // view -> image pixels (the view may scale), minus the frame, then / factor
        double scale = image.getWidth() / view.getFitWidth();
        int col = (int) Math.floor((x * scale - 1) / factor);
        int row = (int) Math.floor((y * scale - 1) / factor);
        if (col < 0 || row < 0 || col >= cols || row >= rows) {
            return null;
        }
        return new int[] {row, col};
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
        // at most 8 characters, so that both ends fit under the smallest tile
        return String.format(Locale.ROOT, Math.abs(v) >= 0.01 && Math.abs(v) < 1000 ? "%+.3f" : "%+.1e", v);
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
