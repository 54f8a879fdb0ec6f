package org.weightstudio.ui.draw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.weightstudio.analysis.Prediction;
import org.weightstudio.model.Layer;
import org.weightstudio.model.Network;
import org.weightstudio.model.Shape;
import org.weightstudio.model.Tensor;
import org.weightstudio.model.layers.Conv2D;
import org.weightstudio.model.layers.Dense;
import org.weightstudio.model.layers.Relu;
import org.weightstudio.render.HeatmapRasterizer;

/**
 * Every trained model on the same input, side by side: one column per model with its verdict,
 * confidence and probability bars; for an MLP the hidden units that fired most (activation and
 * their input weights as a heatmap); for a CNN the feature maps of each convolution (after its
 * ReLU). Columns are made once per model and then only repainted.
 */
final class ModelComparison extends HBox {
    /** Hidden units shown per MLP: the strongest activations. */
    static final int TOP_UNITS = 6;

    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Label empty = new Label("No trained model yet: train one on the Training tab");

    ModelComparison() {
        super(16);
        setId("modelComparison");
        setPadding(new Insets(10, 0, 0, 0));
        getChildren().add(empty);
    }

    /** Shows {@code models} on input x (null: nothing drawn). */
    void show(List<NamedModel> models, float[] x) {
        List<String> names = new ArrayList<>();
        for (NamedModel m : models) {
            names.add(m.description());
        }
        if (!names.equals(new ArrayList<>(columns.keySet()))) {
            columns.clear();
            getChildren().clear();
            for (NamedModel m : models) {
                Column c = new Column(m);
                columns.put(m.description(), c);
                getChildren().add(c);
            }
            if (models.isEmpty()) {
                getChildren().add(empty);
            }
        }
        for (NamedModel m : models) {
            columns.get(m.description()).show(m, x);
        }
    }

    /** The verdict labels, one per model, in order (tests). */
    List<Label> verdicts() {
        List<Label> out = new ArrayList<>();
        for (Column c : columns.values()) {
            out.add(c.verdict);
        }
        return out;
    }

    /** One model's column. */
    private static final class Column extends VBox {
        final Label title = new Label();
        final Label verdict = new Label();
        final ProbabilityBars bars = new ProbabilityBars(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        final Label insideTitle = new Label();
        final FlowPane inside = new FlowPane(6, 6);
        private final List<ImageView> views = new ArrayList<>();
        private final List<Label> captions = new ArrayList<>();

        Column(NamedModel m) {
            super(6);
            getStyleClass().add("model-column");
            setId("column-" + m.name());
            title.setStyle("-fx-font-weight: bold;");
            verdict.setId("verdict-" + m.name());
            verdict.getStyleClass().add("model-verdict");
            verdict.setStyle("-fx-font-size: 18; -fx-font-weight: bold;");
            inside.setPrefWrapLength(360);
            getChildren().addAll(title, verdict, bars, insideTitle, inside);
        }

        void show(NamedModel m, float[] x) {
            title.setText(String.format(Locale.ROOT, "%s  (step %,d)", m.description(), m.step()));
            if (x == null) {
                verdict.setText("-");
                bars.show(null, -1);
                return;
            }
            Prediction p = Prediction.of(m.model(), x);
            verdict.setText(String.format(Locale.ROOT, "%d  (%.1f%%)", p.best(), 100 * p.confidence()));
            bars.show(p.probabilities(), p.best());
            // the scoring above left this model's activations for x in its single-image buffers
            if (m.model() instanceof Network n) {
                if (hasConv(n)) {
                    showFeatureMaps(n);
                } else {
                    showTopUnits(n);
                }
            }
        }

        private static boolean hasConv(Network n) {
            return n.layers().stream().anyMatch(l -> l instanceof Conv2D);
        }

        /** The hidden units of the first dense layer with the largest activation, with their input weights. */
        private void showTopUnits(Network n) {
            Layer first = n.layers().get(0);
            if (!(first instanceof Dense) || n.layers().size() < 2 || !(n.layers().get(1) instanceof Relu)) {
                return;
            }
            float[] act = n.singleActivations(1);
            int units = first.outputShape().size();
            int[] top = topIndices(act, units, Math.min(TOP_UNITS, units));
            Tensor w = n.parameter(first.name() + ".W");
            int in = first.inputShape().size();
            int side = (int) Math.round(Math.sqrt(in));
            insideTitle.setText("Hidden units that fired most (activation; input weights)");
            ensureViews(top.length);
            float[] values = new float[in];
            for (int i = 0; i < top.length; i++) {
                // unit j's input weights: column j of W (in x out)
                for (int p = 0; p < in; p++) {
                    values[p] = w.data()[p * units + top[i]];
                }
                paint(views.get(i), values, side, side, 3, HeatmapRasterizer.maxAbs(values, 0, in));
                captions.get(i).setText(String.format(Locale.ROOT, "unit %d: %.2f", top[i], act[top[i]]));
            }
        }

        /** Each convolution's maps after its ReLU, one mosaic per layer. */
        private void showFeatureMaps(Network n) {
            List<Layer> layers = n.layers();
            List<float[]> maps = new ArrayList<>();
            List<Shape> shapes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int l = 0; l < layers.size(); l++) {
                if (layers.get(l) instanceof Conv2D conv) {
                    boolean relu = l + 1 < layers.size() && layers.get(l + 1) instanceof Relu;
                    maps.add(n.singleActivations(relu ? l + 1 : l));
                    shapes.add(conv.outputShape());
                    names.add(conv.name());
                }
            }
            insideTitle.setText("Feature maps of each convolution (after ReLU)");
            ensureViews(maps.size());
            for (int i = 0; i < maps.size(); i++) {
                Shape s = shapes.get(i);
                int c = s.dim(0);
                int h = s.dim(1);
                int w = s.dim(2);
                int across = c <= 8 ? 4 : 8;
                int down = (c + across - 1) / across;
                int rows = down * (h + 1) - 1;
                int cols = across * (w + 1) - 1;
                float[] mosaic = new float[rows * cols];
                float[] a = maps.get(i);
                for (int m = 0; m < c; m++) {
                    int top = (m / across) * (h + 1);
                    int left = (m % across) * (w + 1);
                    for (int y = 0; y < h; y++) {
                        System.arraycopy(a, (m * h + y) * w, mosaic, (top + y) * cols + left, w);
                    }
                }
                int zoom = Math.max(1, 300 / cols);
                paint(views.get(i), mosaic, rows, cols, zoom, HeatmapRasterizer.maxAbs(mosaic, 0, mosaic.length));
                captions.get(i).setText(String.format(Locale.ROOT, "%s: %d maps %dx%d", names.get(i), c, h, w));
            }
        }

        private void ensureViews(int n) {
            if (views.size() == n) {
                return;
            }
            inside.getChildren().clear();
            views.clear();
            captions.clear();
            for (int i = 0; i < n; i++) {
                ImageView v = new ImageView();
                Label caption = new Label();
                caption.getStyleClass().add("unit-caption");
                views.add(v);
                captions.add(caption);
                inside.getChildren().add(new VBox(2, v, caption));
            }
        }

        private static void paint(ImageView view, float[] values, int rows, int cols, int zoom, float range) {
            int[] argb = new int[rows * cols];
            HeatmapRasterizer.rasterize(values, 0, range, argb);
            int[] big = HeatmapRasterizer.enlarge(argb, cols, rows, zoom, new int[rows * zoom * cols * zoom]);
            WritableImage image = view.getImage() instanceof WritableImage wi && (int) wi.getWidth() == cols * zoom
                    && (int) wi.getHeight() == rows * zoom ? wi : new WritableImage(cols * zoom, rows * zoom);
            image.getPixelWriter().setPixels(0, 0, cols * zoom, rows * zoom, PixelFormat.getIntArgbInstance(), big, 0,
                    cols * zoom);
            view.setImage(image);
        }

        private static int[] topIndices(float[] v, int n, int k) {
            int[] top = new int[k];
            boolean[] taken = new boolean[n];
            for (int i = 0; i < k; i++) {
                int best = -1;
                for (int j = 0; j < n; j++) {
                    if (!taken[j] && (best < 0 || v[j] > v[best])) {
                        best = j;
                    }
                }
                taken[best] = true;
                top[i] = best;
            }
            return top;
        }
    }
}
