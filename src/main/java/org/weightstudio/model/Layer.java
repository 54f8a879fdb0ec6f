package org.weightstudio.model;

import java.util.List;
import java.util.Random;

/**
 * One stage of a network. Activations are flat float arrays holding a minibatch: sample i of a
 * batch occupies {@code [i * shape.size(), (i + 1) * shape.size())}, its elements in the order of
 * the shape (channel, row, column for an image). A layer sees only arrays and shapes, so a dense
 * layer (784 -> 64), a convolution (C x H x W -> C' x H x W), max-pooling and flatten all fit.
 *
 * <p>One training step is {@link #forward} for every layer in order, the loss, {@link #backward}
 * for every layer in reverse order, then {@link #update} for every layer: backward of layer l
 * reads layer l's parameters before anything is updated. Backward computes the gradient of the
 * loss summed (not averaged) over the batch; update applies it scaled by lr / n.
 *
 * <p>Work buffers are sized by {@link #prepare(int)} for a batch size; forward, backward and
 * update then allocate nothing. A layer is not thread-safe: one thread trains it.
 */
public interface Layer {
    /** The layer's name within its network, the prefix of its tensors: "dense1". */
    String name();

    /** The layer type as written in a model file: "dense", "relu", "template", "conv2d" ... */
    String type();

    Shape inputShape();

    Shape outputShape();

    /** The live parameter tensors, in a fixed order (empty for layers without parameters). */
    List<Tensor> parameters();

    /**
     * Seeded initial values for the parameters, drawn from {@code random} in a fixed order: weights
     * N(0, scale^2) when {@code scale > 0}, else the layer's own default (He for a dense layer that
     * feeds a ReLU, zero for the one-layer net's templates); biases zero.
     */
    void initialize(Random random, double scale);

    /** Sizes the work buffers for batches of up to {@code batch} samples. */
    void prepare(int batch);

    /** out = f(in) for the first {@code n} samples. */
    void forward(float[] in, float[] out, int n);

    /**
     * Given dL/dout, computes the parameter gradients (summed over the batch) and, if {@code dIn}
     * is not null, dL/din. {@code in} and {@code out} are the arrays of the last forward.
     */
    void backward(float[] in, float[] out, float[] dOut, float[] dIn, int n);

    /**
     * One SGD step from the gradients of the last backward: weights w <- shrink * w - scale * g,
     * biases b <- b - scale * g (see {@link Sgd}: scale = lr / n, shrink = 1 - lr * l2).
     */
    void update(float scale, float shrink);

    /**
     * Adds the parameter gradients of {@code twin}'s last backward (a layer of the same kind and
     * shape, from a copy of the network) to this layer's, so that one update applies the gradient
     * of a batch whose samples the two layers shared. Nothing to do for a layer without
     * parameters; a layer with parameters overrides this.
     */
    default void addGradients(Layer twin) {
    }
}
