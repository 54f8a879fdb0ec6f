package org.weightstudio.data;

/**
 * A reusable buffer holding up to {@code capacity} images of one size packed as ink pixels (see
 * {@link PackedInk}): what an augmented batch becomes so that the one-layer kernels read it the
 * way they read the packed training set. Refilled in place for every batch; allocates nothing
 * after construction.
 */
public final class InkBuffer implements PackedInk {
    private final int imageSize;
    private final char[] index;
    private final byte[] value;
    private final int[] start;
    private int count;

    public InkBuffer(int capacity, int imageSize) {
        if (imageSize > SparseImages.MAX_NARROW_PIXELS) {
            throw new IllegalArgumentException("images of " + imageSize + " pixels are too large to pack with 16-bit "
                    + "positions (at most " + SparseImages.MAX_NARROW_PIXELS + ")");
        }
        this.imageSize = imageSize;
        this.index = new char[capacity * imageSize];
        this.value = new byte[capacity * imageSize];
        this.start = new int[capacity + 1];
    }

    /** Packs images [0, n) of {@code pixels} (n x imageSize raw bytes), replacing what was held. */
    public void pack(byte[] pixels, int n) {
        if (n > start.length - 1) {
            throw new IllegalArgumentException(n + " images do not fit a batch of " + (start.length - 1));
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            start[i] = k;
            int base = i * imageSize;
            for (int p = 0; p < imageSize; p++) {
                byte v = pixels[base + p];
                if (v != 0) {
                    index[k] = (char) p;
                    value[k] = v;
                    k++;
                }
            }
        }
        start[n] = k;
        count = n;
    }

    /** Images held. */
    public int size() {
        return count;
    }

    @Override
    public char[] index() {
        return index;
    }

    @Override
    public int[] wideIndex() {
        return null;
    }

    @Override
    public byte[] value() {
        return value;
    }

    @Override
    public int start(int i) {
        return start[i];
    }

    @Override
    public int end(int i) {
        return start[i + 1];
    }
}
