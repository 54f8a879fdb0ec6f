package org.weightstudio.data;

/**
 * Images stored as their ink pixels only (compressed sparse rows): image i's pixels are the
 * positions {@code index[start(i) .. end(i))} (or {@code wideIndex} for images over 65,536
 * pixels) with raw byte values {@code value[..]} in 1..255. The form the one-layer kernels read:
 * all the packed training images ({@link SparseImages}), or one augmented batch ({@link InkBuffer}).
 */
public interface PackedInk {
    /** Pixel positions as 16-bit values (live array, read only); null when {@link #wideIndex()} holds them. */
    char[] index();

    /** Pixel positions of images over 65,536 pixels (live array); null otherwise. */
    int[] wideIndex();

    /** Raw pixel values 1..255 as bytes (live array, read only). */
    byte[] value();

    /** First entry of image {@code i}. */
    int start(int i);

    /** One past the last entry of image {@code i}. */
    int end(int i);
}
