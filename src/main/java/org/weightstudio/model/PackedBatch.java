package org.weightstudio.model;

import org.weightstudio.data.SparseImages;

/**
 * A minibatch given as the ink pixels of training images: image {@code images[i]} of {@code ink}
 * is sample i. The first layer of a network reads it directly when it can
 * ({@link SparseInputLayer}), touching only the non-zero pixels (MNIST is about 81% zeros).
 * Mutable holder, reused for every step: the trainer fills {@link #images()} in place.
 */
public final class PackedBatch {
    private final SparseImages ink;
    private final int[] images;

    public PackedBatch(SparseImages ink, int capacity) {
        this.ink = ink;
        this.images = new int[capacity];
    }

    public SparseImages ink() {
        return ink;
    }

    /** The live image indices, sample by sample. */
    public int[] images() {
        return images;
    }

    public int capacity() {
        return images.length;
    }

    public int start(int sample) {
        return ink.start(images[sample]);
    }

    public int end(int sample) {
        return ink.end(images[sample]);
    }

    /** x_i as a dense vector into out[off, off + pixels): zeros, then each ink pixel v / 255. */
    public void densify(int sample, float[] out, int off, int pixels) {
        java.util.Arrays.fill(out, off, off + pixels, 0f);
        byte[] value = ink.value();
        int start = start(sample);
        int end = end(sample);
        if (ink.index() != null) {
            char[] index = ink.index();
            for (int j = start; j < end; j++) {
                out[off + index[j]] = PackedKernels.scaled(value[j]);
            }
        } else {
            int[] index = ink.wideIndex();
            for (int j = start; j < end; j++) {
                out[off + index[j]] = PackedKernels.scaled(value[j]);
            }
        }
    }
}
