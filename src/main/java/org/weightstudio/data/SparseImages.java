package org.weightstudio.data;

/**
 * The ink pixels of every image of an {@link ImageSet}, packed once (compressed sparse rows):
 * image i's pixels are positions {@code index[start(i) .. end(i))} with raw values
 * {@code value[..]} in 0..255. Training reads this instead of scanning all 784 bytes of an image
 * for the fifth that is ink, every time the image is visited.
 *
 * <p>Positions are {@code char} (16 bits) and values stay bytes, so MNIST's 9 million ink pixels
 * take 27 MB: three bytes a pixel against the four of an int index plus four of a float value.
 * Images larger than {@link #MAX_NARROW_PIXELS} pixels (an IDX folder may hold up to 4096x4096)
 * get {@code int} positions instead: {@link #index()} is then null and {@link #wideIndex()} holds
 * them. Immutable once built.
 */
public final class SparseImages implements PackedInk {
    /** Value of a raw byte in [0,1], exactly as {@link ImageSet#toSparse} computes it. */
    private static final float[] SCALE = scaleTable();

    /** Largest image whose pixel positions fit a {@code char}. */
    public static final int MAX_NARROW_PIXELS = Character.MAX_VALUE + 1;

    private final char[] index;
    private final int[] wideIndex;
    private final byte[] value;
    private final int[] start;

    private SparseImages(char[] index, int[] wideIndex, byte[] value, int[] start) {
        this.index = index;
        this.wideIndex = wideIndex;
        this.value = value;
        this.start = start;
    }

    /** Packs the non-zero pixels of {@code count} images: two passes, count then fill. */
    static SparseImages of(byte[] pixels, int count, int imageSize) {
        int[] start = new int[count + 1];
        long total = 0;
        for (int i = 0; i < count; i++) {
            start[i] = (int) total;
            total += countInk(pixels, i * imageSize, imageSize);
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("more than 2^31 ink pixels");
            }
        }
        start[count] = (int) total;
        byte[] value = new byte[(int) total];
        if (imageSize > MAX_NARROW_PIXELS) {
            int[] wide = new int[(int) total];
            for (int i = 0; i < count; i++) {
                fillWide(pixels, i * imageSize, imageSize, wide, value, start[i]);
            }
            return new SparseImages(null, wide, value, start);
        }
        char[] index = new char[(int) total];
        for (int i = 0; i < count; i++) {
            fill(pixels, i * imageSize, imageSize, index, value, start[i]);
        }
        return new SparseImages(index, null, value, start);
    }

    // Count and fill are small methods of their own, called once per image, so the JIT compiles
    // them after a few hundred images: packing 60,000 images then takes a fraction of the time
    // of one long loop that waits for on-stack replacement. This runs once at start-up.

    private static int countInk(byte[] pixels, int base, int n) {
        int nnz = 0;
        for (int p = base; p < base + n; p++) {
            // (v | -v) has its sign bit set exactly when v != 0: a count without a branch
            nnz += (pixels[p] | -pixels[p]) >>> 31;
        }
        return nnz;
    }

    private static void fill(byte[] pixels, int base, int n, char[] index, byte[] value, int at) {
        int k = at;
        for (int p = 0; p < n; p++) {
            byte v = pixels[base + p];
            if (v != 0) {
                index[k] = (char) p;
                value[k] = v;
                k++;
            }
        }
    }

    private static void fillWide(byte[] pixels, int base, int n, int[] index, byte[] value, int at) {
        int k = at;
        for (int p = 0; p < n; p++) {
            byte v = pixels[base + p];
            if (v != 0) {
                index[k] = p;
                value[k] = v;
                k++;
            }
        }
    }

    private static float[] scaleTable() {
        float[] t = new float[256];
        for (int v = 0; v < 256; v++) {
            t[v] = v * (1f / 255f);
        }
        return t;
    }

    /** Number of images. */
    public int size() {
        return start.length - 1;
    }

    /** First entry of image {@code i}. */
    @Override
    public int start(int i) {
        return start[i];
    }

    /** One past the last entry of image {@code i}. */
    @Override
    public int end(int i) {
        return start[i + 1];
    }

    /** All pixel positions (live array, read only); null for images over {@link #MAX_NARROW_PIXELS}. */
    @Override
    public char[] index() {
        return index;
    }

    /** All pixel positions of images over {@link #MAX_NARROW_PIXELS} (live array); null otherwise. */
    @Override
    public int[] wideIndex() {
        return wideIndex;
    }

    /** All raw pixel values 1..255 as bytes (live array, read only). */
    @Override
    public byte[] value() {
        return value;
    }

    /** Entries over all images. */
    public int entries() {
        return value.length;
    }

    /** The [0,1] value of a raw byte: bit for bit the value {@link ImageSet#toSparse} gives. */
    public static float scaled(byte raw) {
        return SCALE[raw & 0xFF];
    }

    /** Bytes held by the packed arrays. */
    public long footprintBytes() {
        return (index != null ? 3L : 5L) * value.length + 4L * start.length;
    }
}
