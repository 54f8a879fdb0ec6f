package org.weightstudio.model;

/**
 * A first layer that reads a {@link PackedBatch} directly, touching only ink pixels. The network
 * then never builds the dense input. Such a layer computes no dL/din (there is nothing before it).
 */
public interface SparseInputLayer extends Layer {
    /** out = f(x) for the first {@code n} samples of the batch. */
    void forward(PackedBatch in, float[] out, int n);

    /** Takes dL/dout for the coming {@link #update}; the layer may keep {@code dOut} until then. */
    void backward(PackedBatch in, float[] dOut, int n);
}
