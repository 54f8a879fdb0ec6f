package org.weightstudio.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.LayerSpec;
import org.weightstudio.model.layers.Conv2D;
import org.weightstudio.model.layers.Dense;

/**
 * The sections of the grid for a network: what each layer's weights look like as pictures.
 * MLP: the hidden units' input weights as images, then the output weights as one matrix. CNN:
 * the first convolution's filters, each later one as a mosaic of its filters, and the dense
 * layer's weights per class as a mosaic of the pooled maps they read.
 */
final class LayerTiles {
    /** A titled group of tiles; {@code sortable} when "sort by change" applies to it. */
    record Section(String title, String tensor, TileLayout layout, int columns, boolean sortable) {
    }

    private LayerTiles() {
    }

    static List<Section> of(Architecture a) {
        List<Section> sections = new ArrayList<>();
        List<LayerSpec> dense = new ArrayList<>();
        List<LayerSpec> convs = new ArrayList<>();
        for (LayerSpec s : a.layers()) {
            if (s.type().equals(Dense.TYPE)) {
                dense.add(s);
            } else if (s.type().equals(Conv2D.TYPE)) {
                convs.add(s);
            }
        }
        for (int c = 0; c < convs.size(); c++) {
            LayerSpec s = convs.get(c);
            String tensor = s.name() + ".W";
            int filters = s.output().dim(0);
            int channels = s.input().dim(0);
            int k = s.kernel();
            if (channels == 1) {
                sections.add(new Section(s.name() + ": " + filters + " filters " + k + "x" + k + " (weights, then change)", tensor,
                        new Filters(s.name(), filters, k), Math.min(filters, 16), true));
            } else {
                sections.add(new Section(s.name() + ": " + filters + " filters x " + channels + " input maps, "
                        + k + "x" + k + " each (row = filter, column = input map)", tensor,
                        new FilterMosaic(s.name(), filters, channels, k), 2, false));
            }
        }
        for (int d = 0; d < dense.size(); d++) {
            LayerSpec s = dense.get(d);
            String tensor = s.name() + ".W";
            int in = s.input().size();
            int out = s.output().size();
            boolean last = d == dense.size() - 1;
            if (d == 0 && convs.isEmpty() && in == a.rows() * a.cols()) {
                sections.add(new Section(s.name() + ": " + out + " hidden units, each a " + a.rows() + "x" + a.cols()
                        + " image of its input weights (weights, then change)", tensor,
                        new InputUnits(s.name(), in, out, a.rows(), a.cols()), Math.min(out, 16), true));
            } else if (d == 0 && !convs.isEmpty()) {
                LayerSpec pool = inputOf(a, s);
                sections.add(new Section(s.name() + ": weights of each " + (last ? "class" : "unit") + " over the "
                        + pool.input().dim(0) + " pooled maps (" + pool.input().dim(1) + "x" + pool.input().dim(2) + " each)", tensor,
                        new MapUnits(s.name(), in, out, pool.input().dim(0), pool.input().dim(1), pool.input().dim(2), last),
                        Math.min(out, 10), false));
            } else {
                sections.add(new Section(s.name() + ": " + (last ? "output" : "hidden") + " weights, " + out + " x " + in
                        + " (row = " + (last ? "class" : "unit") + ", column = unit below)", tensor,
                        new Matrix(s.name(), in, out, last), 2, false));
            }
        }
        return sections;
    }

    /** The layer whose output a dense layer reads (the wten, whose input is the pooled maps). */
    private static LayerSpec inputOf(Architecture a, LayerSpec s) {
        LayerSpec before = null;
        for (LayerSpec l : a.layers()) {
            if (l == s) {
                return before;
            }
            before = l;
        }
        throw new IllegalArgumentException(s.name() + " is not in " + a.describe());
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
        public String describe(int unit, int row, int col, float value) {
            if (row % (k + 1) == k || col % (k + 1) == k) {
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
        public String describe(int unit, int row, int col, float value) {
            if (row % (h + 1) == h || col % (w + 1) == w) {
                return null;
            }
            int m = (row / (h + 1)) * across() + col / (w + 1);
            if (m >= maps) {
                return null;
            }
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
