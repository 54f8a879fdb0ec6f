package org.weightstudio.model;

import org.weightstudio.model.layers.Dense;
import org.weightstudio.model.layers.Flatten;
import org.weightstudio.model.layers.Relu;
import org.weightstudio.model.layers.TemplateDense;

/**
 * What a model file says of one layer: its type, name and shapes. Enough to rebuild the layer;
 * its parameters are then filled from the file's tensors.
 */
public record LayerSpec(String type, String name, Shape input, Shape output) {
    public LayerSpec {
        if (type == null || name == null || input == null || output == null) {
            throw new IllegalArgumentException("a layer needs a type, a name and its input and output shapes");
        }
    }

    public static LayerSpec of(Layer layer) {
        return new LayerSpec(layer.type(), layer.name(), layer.inputShape(), layer.outputShape());
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
            default:
                throw new IllegalArgumentException("unknown layer type \"" + type + "\" (layer " + name + ")");
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
