package org.weightstudio.model;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The dimensions of a tensor, outermost first: {@code 784} for a flat input, {@code 1x28x28} for
 * one image channel (C x H x W), {@code 784x64} for a dense weight matrix, {@code 16x1x5x5} for a
 * bank of convolution filters. An activation of shape S for a batch of n samples is n * S.size()
 * floats, sample i at offset i * S.size().
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    public static Shape of(int... dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one dimension");
        }
        long size = 1;
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("dimension " + d + " in " + Arrays.toString(dims) + " is not positive");
            }
            size *= d;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " is too large");
        }
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements: the product of the dimensions. */
    public int size() {
        int s = 1;
        for (int d : dims) {
            s *= d;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** "784x64". */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner("x");
        for (int d : dims) {
            j.add(Integer.toString(d));
        }
        return j.toString();
    }
}
