package org.weightstudio.model;

import java.util.ArrayList;
import java.util.List;
import org.weightstudio.model.layers.Dense;
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

    /** "softmax" or "mlp" with --hidden "H[,H2...]" (empty: 64). */
    public static Architecture parse(String kind, String hidden, int rows, int cols, int classes) {
        switch (kind) {
            case SOFTMAX:
                return softmax(rows, cols, classes);
            case MLP:
                return mlp(rows, cols, classes, parseHidden(hidden));
            default:
                throw new IllegalArgumentException("unknown architecture \"" + kind + "\" (softmax or mlp)");
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

    /** "softmax 784-10", "mlp 784-64-10". */
    public String describe() {
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
