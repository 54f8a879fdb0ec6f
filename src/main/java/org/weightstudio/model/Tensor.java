package org.weightstudio.model;

import org.ejml.data.FMatrixRMaj;

/**
 * A named parameter tensor of a layer ({@code dense1.W}, {@code dense1.b}): its shape and its live
 * values, row-major. The layer updates {@link #data()} in place; copy it to keep a picture.
 */
public final class Tensor {
    private final String name;
    private final Shape shape;
    private final float[] data;

    /** A zero tensor. */
    public Tensor(String name, Shape shape) {
        this(name, shape, new float[shape.size()]);
    }

    /** A tensor over {@code data} (not copied: the tensor and the caller share it). */
    public Tensor(String name, Shape shape, float[] data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException(name + ": " + data.length + " values do not fit shape " + shape);
        }
        this.name = name;
        this.shape = shape;
        this.data = data;
    }

    public String name() {
        return name;
    }

    public Shape shape() {
        return shape;
    }

    public float[] data() {
        return data;
    }

    public int size() {
        return data.length;
    }

    /** A rank-2 tensor as an EJML matrix over the same array (no copy). */
    public FMatrixRMaj matrix() {
        if (shape.rank() != 2) {
            throw new IllegalStateException(name + " of shape " + shape + " is not a matrix");
        }
        return FMatrixRMaj.wrap(shape.dim(0), shape.dim(1), data);
    }

    @Override
    public String toString() {
        return name + " " + shape;
    }
}
