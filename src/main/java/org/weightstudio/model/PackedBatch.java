package org.weightstudio.model;

import org.weightstudio.data.PackedInk;
import org.weightstudio.data.SparseImages;

/**
 * A minibatch given as the ink pixels of training images: sample i is training image
 * {@code images[i]}, whose ink the first layer reads as entries {@code [start(i), end(i))} of
 * {@link #ink()}, touching only the non-zero pixels (MNIST is about 81% zeros), when it can
 * ({@link SparseInputLayer}). Those entries are the packed training set's own, or, for an
 * augmented batch, image i of a packed buffer of augmented copies ({@link #readAugmented}).
 * Mutable holder, reused for every step: the trainer fills {@link #images()} in place.
 */
public final class PackedBatch {
    private final SparseImages training;
    private final int[] images;
    /** 0, 1, ..., capacity - 1: the rows of an augmented buffer. */
    private final int[] positions;
    /** What the samples read: {@code rows[i]} of {@code ink} is sample i. */
    private PackedInk ink;
    private int[] rows;

    public PackedBatch(SparseImages ink, int capacity) {
        this.training = ink;
        this.images = new int[capacity];
        this.positions = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            positions[i] = i;
        }
        readOriginals();
    }

    /** The packed pixels the samples' entries index (live arrays). */
    public PackedInk ink() {
        return ink;
    }

    /** The live training-set indices of the samples, sample by sample. */
    public int[] images() {
        return images;
    }

    public int capacity() {
        return images.length;
    }

    /** From now on sample i reads the training image {@code images()[i]} itself. */
    public void readOriginals() {
        ink = training;
        rows = images;
    }

    /** From now on sample i reads image i of {@code augmented} (augmented copies of the same images). */
    public void readAugmented(PackedInk augmented) {
        ink = augmented;
        rows = positions;
    }

    /** First entry of sample i in {@link #ink()}. */
    public int start(int sample) {
        return ink.start(rows[sample]);
    }

    /** One past the last entry of sample i in {@link #ink()}. */
    public int end(int sample) {
        return ink.end(rows[sample]);
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
