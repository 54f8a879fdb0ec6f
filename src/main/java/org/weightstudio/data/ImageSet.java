package org.weightstudio.data;

import java.util.Objects;

/**
 * Labelled grey images kept as the unsigned bytes they were stored as: 60,000 MNIST images are
 * 47 MB as bytes and would be 188 MB as floats. Pixels are scaled to [0,1] on the way out.
 */
public final class ImageSet {
    private final byte[] pixels;
    private final byte[] labels;
    private final int count;
    private final int rows;
    private final int cols;
    /** Built on first use by {@link #sparse()}; immutable, so racing builders are harmless. */
    private volatile SparseImages sparse;

    public ImageSet(byte[] pixels, byte[] labels, int rows, int cols) {
        this.pixels = Objects.requireNonNull(pixels);
        this.labels = Objects.requireNonNull(labels);
        this.rows = rows;
        this.cols = cols;
        this.count = labels.length;
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(
                    "pixels hold " + pixels.length + " bytes, expected " + count + "x" + rows + "x" + cols);
        }
    }

    public int size() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of pixels in one image (784 for MNIST). */
    public int imageSize() {
        return rows * cols;
    }

    public int label(int i) {
        return labels[i] & 0xFF;
    }

    /** All images' raw bytes, image i at [i*imageSize, (i+1)*imageSize) (live array: read only). */
    byte[] rawPixels() {
        return pixels;
    }

    /** Raw pixel value 0..255 of image {@code i} at flat position {@code p}. */
    public int pixel(int i, int p) {
        return pixels[i * imageSize() + p] & 0xFF;
    }

    /** Writes image {@code i} as floats in [0,1] into {@code out} (length at least imageSize). */
    public void toFloats(int i, float[] out) {
        int n = imageSize();
        int base = i * n;
        for (int p = 0; p < n; p++) {
            out[p] = (pixels[base + p] & 0xFF) * (1f / 255f);
        }
    }

    /**
     * Writes the ink pixels of image {@code i} as a sparse vector: positions into {@code index},
     * values in [0,1] into {@code value}, starting at {@code offset}. MNIST digits are about 19%
     * ink, so the model's kernels do a fifth of the dense work on this form.
     *
     * @return how many non-zero pixels were written
     */
    public int toSparse(int i, int[] index, float[] value, int offset) {
        int n = imageSize();
        int base = i * n;
        int nnz = 0;
        for (int p = 0; p < n; p++) {
            int v = pixels[base + p] & 0xFF;
            if (v != 0) {
                index[offset + nnz] = p;
                value[offset + nnz] = v * (1f / 255f);
                nnz++;
            }
        }
        return nnz;
    }

    /**
     * The ink pixels of all images packed once (about 27 MB for MNIST's 60,000): what the trainer
     * reads instead of scanning each image's bytes. Built on the first call and kept.
     */
    public SparseImages sparse() {
        SparseImages s = sparse;
        if (s == null) {
            s = SparseImages.of(pixels, count, imageSize());
            sparse = s;
        }
        return s;
    }

    /** The first {@code n} images (shares nothing; copies the bytes). */
    public ImageSet head(int n) {
        int k = Math.min(n, count);
        byte[] px = java.util.Arrays.copyOf(pixels, k * imageSize());
        byte[] lb = java.util.Arrays.copyOf(labels, k);
        return new ImageSet(px, lb, rows, cols);
    }

    /** A copy of the raw bytes of image {@code i}. */
    public byte[] imageBytes(int i) {
        int n = imageSize();
        return java.util.Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }
}
