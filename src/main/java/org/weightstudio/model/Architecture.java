package org.weightstudio.model;

import java.util.ArrayList;
import java.util.List;
import org.weightstudio.model.layers.Conv2D;
import org.weightstudio.model.layers.Dense;
import org.weightstudio.model.layers.Flatten;
import org.weightstudio.model.layers.MaxPool2x2;
import org.weightstudio.model.layers.Relu;
import org.weightstudio.model.layers.TemplateDense;

/**
 * A network's blueprint: a kind ("softmax", "mlp", ...), the image size it reads, and its layers.
 * {@link #build()} makes a fresh network with zero parameters.
 *
 * @param kind   "softmax" for the one-layer net, "mlp" for dense layers with ReLU between them
 * @param rows   image rows (28)
 * @param cols   image columns (28)
 * @param layers the layers, input first
 */
public record Architecture(String kind, int rows, int cols, List<LayerSpec> layers) {
    public static final String SOFTMAX = "softmax";
    public static final String MLP = "mlp";
    public static final int DEFAULT_HIDDEN = 64;
    public static final String CNN = "cnn";
    /** The default CNN's filters per conv layer: small enough to watch, fast enough to train live (docs/cnn.md). */
    public static final int[] DEFAULT_FILTERS = {8, 16};
    public static final int CNN_KERNEL = 5;

    public Architecture {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("an architecture needs at least one layer");
        }
        if (layers.get(0).input().size() != rows * cols) {
            throw new IllegalArgumentException("the first layer takes " + layers.get(0).input() + ", images have "
                    + rows + "x" + cols + " pixels");
        }
    }

    /** The one-layer net: z = W x + b, W classes x pixels (one template per class). */
    public static Architecture softmax(int rows, int cols, int classes) {
        return new Architecture(SOFTMAX, rows, cols,
                List.of(new LayerSpec(TemplateDense.TYPE, "dense1", Shape.of(rows * cols), Shape.of(classes))));
    }

    /** pixels -> hidden[0] -> ReLU -> hidden[1] -> ReLU ... -> classes. */
    public static Architecture mlp(int rows, int cols, int classes, int... hidden) {
        if (hidden.length == 0) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer");
        }
        List<LayerSpec> specs = new ArrayList<>();
        int in = rows * cols;
        for (int h = 0; h < hidden.length; h++) {
            if (hidden[h] < 1 || hidden[h] > 4096) {
                throw new IllegalArgumentException("hidden layer size must be 1 to 4096, got " + hidden[h]);
            }
            specs.add(new LayerSpec(Dense.TYPE, "dense" + (h + 1), Shape.of(in), Shape.of(hidden[h])));
            specs.add(new LayerSpec(Relu.TYPE, "relu" + (h + 1), Shape.of(hidden[h]), Shape.of(hidden[h])));
            in = hidden[h];
        }
        specs.add(new LayerSpec(Dense.TYPE, "dense" + (hidden.length + 1), Shape.of(in), Shape.of(classes)));
        return new Architecture(MLP, rows, cols, specs);
    }

    /**
     * (conv k x k -> ReLU -> max-pool 2x2) for each entry of {@code filters}, then flatten, a
     * dense layer of each {@code hidden} size with ReLU, and a dense layer to the classes:
     * {@code cnn(28, 28, 10, {8, 16})} is conv5x5x8-pool-conv5x5x16-pool-10.
     */
    public static Architecture cnn(int rows, int cols, int classes, int[] filters, int... hidden) {
        if (filters.length == 0) {
            throw new IllegalArgumentException("a CNN needs at least one convolution");
        }
        List<LayerSpec> specs = new ArrayList<>();
        int channels = 1;
        int h = rows;
        int w = cols;
        for (int c = 0; c < filters.length; c++) {
            int f = filters[c];
            if (f < 1 || f > 256) {
                throw new IllegalArgumentException("filters per convolution must be 1 to 256, got " + f);
            }
            if (h < 2 || w < 2) {
                throw new IllegalArgumentException(filters.length + " convolutions with pooling shrink " + rows + "x"
                        + cols + " images below 2x2");
            }
            int n = c + 1;
            specs.add(new LayerSpec(Conv2D.TYPE, "conv" + n, Shape.of(channels, h, w), Shape.of(f, h, w), CNN_KERNEL));
            specs.add(new LayerSpec(Relu.TYPE, "relu" + n, Shape.of(f, h, w), Shape.of(f, h, w)));
            specs.add(new LayerSpec(MaxPool2x2.TYPE, "pool" + n, Shape.of(f, h, w), Shape.of(f, h / 2, w / 2)));
            channels = f;
            h /= 2;
            w /= 2;
        }
        specs.add(new LayerSpec(Flatten.TYPE, "flatten", Shape.of(channels, h, w), Shape.of(channels * h * w)));
        int in = channels * h * w;
        int dense = 1;
        for (int size : hidden) {
            if (size < 1 || size > 4096) {
                throw new IllegalArgumentException("hidden layer size must be 1 to 4096, got " + size);
            }
            specs.add(new LayerSpec(Dense.TYPE, "dense" + dense, Shape.of(in), Shape.of(size)));
            specs.add(new LayerSpec(Relu.TYPE, "relu" + (filters.length + dense), Shape.of(size), Shape.of(size)));
            in = size;
            dense++;
        }
        specs.add(new LayerSpec(Dense.TYPE, "dense" + dense, Shape.of(in), Shape.of(classes)));
        return new Architecture(CNN, rows, cols, specs);
    }

    /**
     * Any kind: "softmax", "mlp" with --hidden (empty: 64), or "cnn" with --filters (empty: 8,16)
     * and --hidden (empty: none, the pooled maps feed the output layer directly).
     */
    public static Architecture parse(String kind, String hidden, String filters, int rows, int cols, int classes) {
        if (CNN.equals(kind)) {
            int[] f = filters == null || filters.isBlank() ? DEFAULT_FILTERS.clone() : parseSizes("--filters", filters);
            int[] h = hidden == null || hidden.isBlank() ? new int[0] : parseSizes("--hidden", hidden);
            return cnn(rows, cols, classes, f, h);
        }
        return parse(kind, hidden, rows, cols, classes);
    }

    private static int[] parseSizes(String option, String text) {
        String[] parts = text.split(",");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be sizes like 16,32, got \"" + text + "\"");
            }
        }
        return sizes;
    }

    /** "softmax" or "mlp" with --hidden "H[,H2...]" (empty: 64). */
    public static Architecture parse(String kind, String hidden, int rows, int cols, int classes) {
        switch (kind) {
            case SOFTMAX:
                return softmax(rows, cols, classes);
            case MLP:
                return mlp(rows, cols, classes, parseHidden(hidden));
            default:
                throw new IllegalArgumentException("unknown architecture \"" + kind + "\" (softmax, mlp or cnn)");
        }
    }

    static int[] parseHidden(String hidden) {
        if (hidden == null || hidden.isBlank()) {
            return new int[] {DEFAULT_HIDDEN};
        }
        String[] parts = hidden.split(",");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--hidden must be sizes like 64 or 128,64, got \"" + hidden + "\"");
            }
        }
        return sizes;
    }

    public int classes() {
        return layers.get(layers.size() - 1).output().size();
    }

    /** The sizes of the hidden layers (empty for the one-layer net). */
    public int[] hidden() {
        List<Integer> sizes = new ArrayList<>();
        for (int l = 0; l < layers.size() - 1; l++) {
            if (layers.get(l).type().equals(Dense.TYPE)) {
                sizes.add(layers.get(l).output().size());
            }
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** "softmax 784-10", "mlp 784-64-10", "cnn conv5x5x8-pool-conv5x5x16-pool-10". */
    public String describe() {
        if (CNN.equals(kind)) {
            StringBuilder s = new StringBuilder(kind).append(' ');
            for (LayerSpec spec : layers) {
                if (spec.type().equals(Conv2D.TYPE)) {
                    s.append("conv").append(spec.kernel()).append('x').append(spec.kernel()).append('x')
                            .append(spec.output().dim(0)).append("-pool-");
                }
            }
            for (int h : hidden()) {
                s.append(h).append('-');
            }
            return s.append(classes()).toString();
        }
        StringBuilder s = new StringBuilder(kind).append(' ').append(rows * cols);
        for (int h : hidden()) {
            s.append('-').append(h);
        }
        return s.append('-').append(classes()).toString();
    }

    /** A new network of this architecture, parameters zero. */
    public Network build() {
        List<Layer> built = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            boolean nextIsRelu = l + 1 < layers.size() && layers.get(l + 1).type().equals(Relu.TYPE);
            built.add(layers.get(l).create(nextIsRelu));
        }
        return new Network(this, built);
    }

    /** The one-layer network over a {@link SoftmaxModel}'s own arrays: training it trains the model. */
    public static Network over(SoftmaxModel model, int rows, int cols) {
        Architecture a = softmax(rows, cols, model.classes());
        return new Network(a, List.of(new TemplateDense("dense1", model.inputs(), model.classes(),
                model.weights().data, model.bias().data)));
    }
}
