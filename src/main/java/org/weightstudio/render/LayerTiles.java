package org.weightstudio.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.LayerSpec;
import org.weightstudio.model.Shape;
import org.weightstudio.model.layers.Conv2D;
import org.weightstudio.model.layers.Dense;
import org.weightstudio.training.Frame;
import org.weightstudio.training.TensorFrame;

/**
 * The sections of the grid for a network: what each layer's weights look like as pictures.
 * MLP: the hidden units' input weights as images, then the output weights as one matrix. CNN:
 * the first convolution's filters, each later one as a mosaic of its filters, and the dense
 * layer's weights per class as a mosaic of the pooled maps they read. The window's layer grid
 * and the headless picture ({@link NetworkGridRenderer}) both lay a network out from here, so
 * they show the same tiles.
 */
public final class LayerTiles {
    /** A titled group of tiles; {@code sortable} when "sort by change" applies to it. */
    public record Section(String title, String tensor, TileLayout layout, int columns, boolean sortable) {
    }

    /** A weight tensor's name and shape, in the model's order: all a layout needs. */
    private record Weights(String tensor, Shape shape) {
    }

    private LayerTiles() {
    }

    /** The sections of a network of this blueprint. */
    public static List<Section> of(Architecture a) {
        List<Weights> weights = new ArrayList<>();
        for (LayerSpec s : a.layers()) {
            if (s.type().equals(Conv2D.TYPE)) {
                weights.add(new Weights(s.name() + ".W", Shape.of(s.output().dim(0), s.input().dim(0), s.kernel(),
                        s.kernel())));
            } else if (s.type().equals(Dense.TYPE)) {
                weights.add(new Weights(s.name() + ".W", Shape.of(s.input().size(), s.output().size())));
            }
        }
        return sections(weights, a.rows(), a.cols());
    }

    /**
     * The sections of the network a frame was captured from, read off its tensors: every rank-4
     * ".W" is a convolution (filters x channels x k x k), every rank-2 ".W" a dense layer (in x
     * out). Not for the one-layer net, whose W is one template row per class.
     */
    public static List<Section> of(Frame frame) {
        List<Weights> weights = new ArrayList<>();
        for (TensorFrame t : frame.tensors()) {
            if (t.name().endsWith(".W") && (t.shape().rank() == 4 || t.shape().rank() == 2)) {
                weights.add(new Weights(t.name(), t.shape()));
            }
        }
        return sections(weights, frame.rows(), frame.cols());
    }

    private static String layer(Weights w) {
        return w.tensor().substring(0, w.tensor().length() - 2);
    }

    private static List<Section> sections(List<Weights> weights, int rows, int cols) {
        List<Section> sections = new ArrayList<>();
        List<Weights> dense = new ArrayList<>();
        int convs = 0;
        int maps = 1;
        // every convolution of the studio's CNN is followed by a 2x2 max-pool that halves the maps
        int h = rows;
        int w = cols;
        for (Weights t : weights) {
            if (t.shape().rank() == 2) {
                dense.add(t);
                continue;
            }
            String name = layer(t);
            int filters = t.shape().dim(0);
            int channels = t.shape().dim(1);
            int k = t.shape().dim(2);
            if (channels == 1) {
                sections.add(new Section(name + ": " + filters + " filters " + k + "x" + k + " (weights, then change)",
                        t.tensor(), new Filters(name, filters, k), Math.min(filters, 16), true));
            } else {
                sections.add(new Section(name + ": " + filters + " filters x " + channels + " input maps, "
                        + k + "x" + k + " each (row = filter, column = input map)", t.tensor(),
                        new FilterMosaic(name, filters, channels, k), 2, false));
            }
            convs++;
            maps = filters;
            h /= 2;
            w /= 2;
        }
        for (int d = 0; d < dense.size(); d++) {
            Weights t = dense.get(d);
            String name = layer(t);
            int in = t.shape().dim(0);
            int out = t.shape().dim(1);
            boolean last = d == dense.size() - 1;
            if (d == 0 && convs == 0 && in == rows * cols) {
                sections.add(new Section(name + ": " + out + " hidden units, each a " + rows + "x" + cols
                        + " image of its input weights (weights, then change)", t.tensor(),
                        new InputUnits(name, in, out, rows, cols), Math.min(out, 16), true));
            } else if (d == 0 && convs > 0 && in == maps * h * w) {
                sections.add(new Section(name + ": weights of each " + (last ? "class" : "unit") + " over the "
                        + maps + " pooled maps (" + h + "x" + w + " each)", t.tensor(),
                        new MapUnits(name, in, out, maps, h, w, last), Math.min(out, 10), false));
            } else {
                sections.add(new Section(name + ": " + (last ? "output" : "hidden") + " weights, " + out + " x " + in
                        + " (row = " + (last ? "class" : "unit") + ", column = unit below)", t.tensor(),
                        new Matrix(name, in, out, last), 2, false));
            }
        }
        return sections;
    }

    /** A dense layer on the pixels: unit j's weights are column j of W (in x out), shown as rows x cols. */
    record InputUnits(String layer, int in, int out, int rows, int cols) implements TileLayout {
        @Override
        public String title(int unit) {
            return "unit " + unit;
        }

        @Override
        public int units() {
            return out;
        }

        @Override
        public void gather(float[] src, int unit, float[] dst, int to) {
            // tile[p] = W[p][unit], W row-major in x out
            for (int p = 0; p < in; p++) {
                dst[to + p] = src[p * out + unit];
            }
        }

        @Override
        public String describe(int unit, int row, int col, float value) {
            return String.format(Locale.ROOT, "%s (hidden layer)  unit %d  pixel row %d, col %d: %+.4g", layer, unit,
                    row, col, value);
        }
    }

    /** Filters of a convolution on the image (one input channel): filter f's k x k weights. */
    record Filters(String layer, int filters, int k) implements TileLayout {
        @Override
        public String title(int unit) {
            return "filter " + unit;
        }

        @Override
        public int rows() {
            return k;
        }

        @Override
        public int cols() {
            return k;
        }

        @Override
        public int units() {
            return filters;
        }

        @Override
        public void gather(float[] src, int unit, float[] dst, int to) {
            System.arraycopy(src, unit * k * k, dst, to, k * k);
        }

        @Override
        public String describe(int unit, int row, int col, float value) {
            return String.format(Locale.ROOT, "%s  filter %d  position row %d, col %d: %+.4g", layer, unit, row, col,
                    value);
        }
    }

    /**
     * All filters of a later convolution in one picture: block (f, c) is filter f's kernel on
     * input map c, blocks one pixel apart (the gaps are zero, the colour of nothing).
     */
    record FilterMosaic(String layer, int filters, int channels, int k) implements TileLayout {
        @Override
        public String title(int unit) {
            return layer + ".W";
        }

        @Override
        public int rows() {
            return filters * (k + 1) - 1;
        }

        @Override
        public int cols() {
            return channels * (k + 1) - 1;
        }

        @Override
        public int units() {
            return 1;
        }

        @Override
        public void gather(float[] src, int unit, float[] dst, int to) {
            int width = cols();
            java.util.Arrays.fill(dst, to, to + rows() * width, 0f);
            // W is filters x channels x k x k
            for (int f = 0; f < filters; f++) {
                for (int c = 0; c < channels; c++) {
                    int from = ((f * channels + c) * k) * k;
                    for (int r = 0; r < k; r++) {
                        System.arraycopy(src, from + r * k, dst, to + (f * (k + 1) + r) * width + c * (k + 1), k);
                    }
                }
            }
        }

        @Override
        public boolean isGap(int row, int col) {
            return row % (k + 1) == k || col % (k + 1) == k;
        }

        @Override
        public String describe(int unit, int row, int col, float value) {
            if (isGap(row, col)) {
                return null;
            }
            return String.format(Locale.ROOT, "%s  filter %d, input map %d  position row %d, col %d: %+.4g", layer,
                    row / (k + 1), col / (k + 1), row % (k + 1), col % (k + 1), value);
        }
    }

    /**
     * A dense layer on pooled maps: unit j's weights, one h x w block per map, the blocks in a
     * square arrangement one pixel apart.
     */
    record MapUnits(String layer, int in, int out, int maps, int h, int w, boolean classes)
            implements TileLayout {
        private int across() {
            return (int) Math.ceil(Math.sqrt(maps));
        }

        private int down() {
            return (maps + across() - 1) / across();
        }

        @Override
        public String title(int unit) {
            return classes ? Integer.toString(unit) : "unit " + unit;
        }

        @Override
        public int rows() {
            return down() * (h + 1) - 1;
        }

        @Override
        public int cols() {
            return across() * (w + 1) - 1;
        }

        @Override
        public int units() {
            return out;
        }

        @Override
        public void gather(float[] src, int unit, float[] dst, int to) {
            int width = cols();
            java.util.Arrays.fill(dst, to, to + rows() * width, 0f);
            int across = across();
            // input index i = (m * h + y) * w + x; W row-major in x out
            for (int m = 0; m < maps; m++) {
                int top = (m / across) * (h + 1);
                int left = (m % across) * (w + 1);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        dst[to + (top + y) * width + left + x] = src[((m * h + y) * w + x) * out + unit];
                    }
                }
            }
        }

        @Override
        public boolean isGap(int row, int col) {
            return row % (h + 1) == h || col % (w + 1) == w || (row / (h + 1)) * across() + col / (w + 1) >= maps;
        }

        @Override
        public String describe(int unit, int row, int col, float value) {
            if (isGap(row, col)) {
                return null;
            }
            int m = (row / (h + 1)) * across() + col / (w + 1);
            return String.format(Locale.ROOT, "%s  %s %d  map %d, position row %d, col %d: %+.4g", layer,
                    classes ? "class" : "unit", unit, m, row % (h + 1), col % (w + 1), value);
        }
    }

    /** A dense layer between hidden layers or to the classes: W (in x out) shown transposed, out rows x in columns. */
    record Matrix(String layer, int in, int out, boolean classes) implements TileLayout {
        @Override
        public String title(int unit) {
            return layer + ".W";
        }

        @Override
        public int rows() {
            return out;
        }

        @Override
        public int cols() {
            return in;
        }

        @Override
        public int units() {
            return 1;
        }

        @Override
        public void gather(float[] src, int unit, float[] dst, int to) {
            // tile[o][i] = W[i][o]
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    dst[to + o * in + i] = src[i * out + o];
                }
            }
        }

        @Override
        public String describe(int unit, int row, int col, float value) {
            return String.format(Locale.ROOT, "%s (%s)  %s %d <- hidden unit %d: %+.4g", layer,
                    classes ? "output layer" : "hidden layer", classes ? "class" : "unit", row, col, value);
        }
    }
}
