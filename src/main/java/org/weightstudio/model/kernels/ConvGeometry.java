package org.weightstudio.model.kernels;

/**
 * The shape of a stride-1 "same" convolution: {@code channels} x {@code height} x {@code width}
 * in, {@code filters} x height x width out, square {@code kernel} x kernel filters (odd size),
 * zero padding kernel / 2 on every side.
 */
public record ConvGeometry(int channels, int height, int width, int filters, int kernel) {
    public ConvGeometry {
        if (channels < 1 || height < 1 || width < 1 || filters < 1) {
            throw new IllegalArgumentException("convolution sizes must be positive: " + channels + "x" + height + "x"
                    + width + " -> " + filters + " filters");
        }
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("a 'same' convolution needs an odd kernel size, not " + kernel);
        }
    }

    public int padding() {
        return kernel / 2;
    }

    /** Positions per channel: height x width. */
    public int positions() {
        return height * width;
    }

    /** Taps per filter: channels x kernel x kernel (the rows of the im2col matrix). */
    public int taps() {
        return channels * kernel * kernel;
    }

    public int inputSize() {
        return channels * positions();
    }

    public int outputSize() {
        return filters * positions();
    }

    /** Weights of the filter bank: filters x taps. */
    public int weightCount() {
        return filters * taps();
    }
}
