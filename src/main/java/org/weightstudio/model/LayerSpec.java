package org.weightstudio.model;

import org.weightstudio.model.layers.Conv2D;
import org.weightstudio.model.layers.Dense;
import org.weightstudio.model.layers.MaxPool2x2;
import org.weightstudio.model.layers.Flatten;
import org.weightstudio.model.layers.Relu;
import org.weightstudio.model.layers.TemplateDense;

/**
 * What a model file says of one layer: its type, name and shapes. Enough to rebuild the layer;
 * its parameters are then filled from the file's tensors.
 */
public record LayerSpec(String type, String name, Shape input, Shape output, int kernel) {
    /** A layer without a kernel size (every type but a convolution). */
    public LayerSpec(String type, String name, Shape input, Shape output) {
        this(type, name, input, output, 0);
    }

    public LayerSpec {
        if (type == null || name == null || input == null || output == null) {
            throw new IllegalArgumentException("a layer needs a type, a name and its input and output shapes");
        }
    }

    public static LayerSpec of(Layer layer) {
        int kernel = layer instanceof Conv2D conv ? conv.geometry().kernel() : 0;
        return new LayerSpec(layer.type(), layer.name(), layer.inputShape(), layer.outputShape(), kernel);
    }

    /**
     * A new layer of this spec with zero parameters.
     *
     * @param nextIsRelu whether a ReLU follows (chooses a dense layer's default initialisation)
     * @throws IllegalArgumentException for an unknown type or shapes the type cannot have
     */
    public Layer create(boolean nextIsRelu) {
        switch (type) {
            case TemplateDense.TYPE:
                requireFlat();
                return new TemplateDense(name, input.size(), output.size());
            case Dense.TYPE:
                requireFlat();
                return new Dense(name, input.size(), output.size(), nextIsRelu);
            case Relu.TYPE:
                requireSame();
                return new Relu(name, input);
            case Flatten.TYPE:
                if (output.rank() != 1 || output.size() != input.size()) {
                    throw new IllegalArgumentException(name + ": flatten of " + input + " gives " + input.size()
                            + ", not " + output);
                }
                return new Flatten(name, input);
            case Conv2D.TYPE:
                requireImages();
                if (input.dim(1) != output.dim(1) || input.dim(2) != output.dim(2)) {
                    throw new IllegalArgumentException(name + ": a 'same' convolution keeps the map size, not " + input
                            + " -> " + output);
                }
                if (kernel < 1 || kernel % 2 == 0) {
                    throw new IllegalArgumentException(name + ": a convolution needs an odd kernel size, not " + kernel);
                }
                return new Conv2D(name, input.dim(0), input.dim(1), input.dim(2), output.dim(0), kernel);
            case MaxPool2x2.TYPE:
                requireImages();
                if (!output.equals(Shape.of(input.dim(0), input.dim(1) / 2, input.dim(2) / 2))) {
                    throw new IllegalArgumentException(name + ": 2x2 max-pooling of " + input + " gives "
                            + input.dim(0) + "x" + input.dim(1) / 2 + "x" + input.dim(2) / 2 + ", not " + output);
                }
                return new MaxPool2x2(name, input.dim(0), input.dim(1), input.dim(2));
            default:
                throw new IllegalArgumentException("unknown layer type \"" + type + "\" (layer " + name + ")");
        }
    }

    private void requireImages() {
        if (input.rank() != 3 || output.rank() != 3) {
            throw new IllegalArgumentException(name + ": a " + type + " layer takes and gives C x H x W maps, not "
                    + input + " -> " + output);
        }
    }

    private void requireFlat() {
        if (input.rank() != 1 || output.rank() != 1) {
            throw new IllegalArgumentException(name + ": a " + type + " layer takes and gives flat vectors, not "
                    + input + " -> " + output);
        }
    }

    private void requireSame() {
        if (!input.equals(output)) {
            throw new IllegalArgumentException(name + ": a " + type + " layer keeps its shape, not " + input + " -> "
                    + output);
        }
    }
}
