package org.weightstudio.data;

/**
 * Training-time augmentation of byte images: each image of a batch is drawn with a thicker or
 * thinner pen, rotated, scaled and shifted by amounts drawn within an {@link Augmentation}'s
 * ranges, and the batch is offered as raw bytes, packed ink pixels (for the one-layer kernels)
 * and dense floats in [0,1] (for dense layers).
 *
 * <p>Replayable: the amounts for the image at position i of the batch of update s depend only on
 * (seed, s, i) (see {@link CounterRandom}), never on thread timing or on how many images were
 * augmented before, so a run resumed at step s sees the same images as one that never stopped.
 *
 * <p>Allocation-free: all buffers are sized once for {@code capacity} images; the pen and the
 * warp run on float work images in 0..255 and are rounded back to bytes. Not thread-safe: one
 * trainer owns one augmenter.
 */
public final class Augmenter {
    private final int rows;
    private final int cols;
    private final int size;
    private final int capacity;
    private final CounterRandom random = new CounterRandom();
    // Work images of one picture, values 0..255.
    private final float[] source;
    private final float[] shaped;
    private final float[] warped;
    // The last batch, in its three forms.
    private final byte[] pixels;
    private final InkBuffer packed;
    private final float[] dense;
    private boolean denseCurrent;
    private int count;

    public Augmenter(int rows, int cols, int capacity) {
        if (rows < 1 || cols < 1 || capacity < 1) {
            throw new IllegalArgumentException("need positive sizes, got " + rows + "x" + cols + " x " + capacity);
        }
        this.rows = rows;
        this.cols = cols;
        this.size = rows * cols;
        this.capacity = capacity;
        this.source = new float[size];
        this.shaped = new float[size];
        this.warped = new float[size];
        this.pixels = new byte[capacity * size];
        this.packed = new InkBuffer(capacity, size);
        this.dense = new float[capacity * size];
    }

    /** Images one batch may hold. */
    public int capacity() {
        return capacity;
    }

    /**
     * Augments images {@code images[0, n)} of {@code set} as the batch of update {@code step}:
     * afterwards {@link #pixels()}, {@link #packed()} and {@link #dense()} hold them, in batch order.
     */
    public void augment(ImageSet set, int[] images, int n, Augmentation ranges, long seed, long step) {
        if (set.rows() != rows || set.cols() != cols) {
            throw new IllegalArgumentException("augmenter made for " + rows + "x" + cols + " images, set has "
                    + set.rows() + "x" + set.cols());
        }
        if (n > capacity) {
            throw new IllegalArgumentException("batch of " + n + " is larger than the augmenter's " + capacity);
        }
        byte[] all = set.rawPixels();
        for (int i = 0; i < n; i++) {
            augmentImage(all, images[i] * size, pixels, i * size, ranges, seed, step, i);
        }
        count = n;
        packed.pack(pixels, n);
        denseCurrent = false;
    }

    /**
     * Augments one image: draws pen, rotation, scale and shift for (seed, step, position) and
     * applies them, reading {@code src[srcOff, srcOff + rows*cols)} and writing {@code dst} from
     * {@code dstOff}.
     */
    public void augmentImage(byte[] src, int srcOff, byte[] dst, int dstOff, Augmentation ranges, long seed, long step,
            int position) {
        random.reset(seed, step, position);
        // Always the same five draws in the same order, whichever ranges are empty, so that
        // changing one range never changes what the others draw.
        double penDraw = random.nextDouble();
        int pen = penDraw < ranges.thickerChance() ? 1
                : penDraw < ranges.thickerChance() + ranges.thinnerChance() ? -1 : 0;
        double degrees = ranges.rotation() * random.nextSigned();
        double scale = ranges.minScale() + (ranges.maxScale() - ranges.minScale()) * random.nextDouble();
        double dx = ranges.shift() * random.nextSigned();
        double dy = ranges.shift() * random.nextSigned();
        transform(src, srcOff, dst, dstOff, pen, scale, degrees, dx, dy);
    }

    /**
     * Writes {@code src} with its pen made {@code pen} pixels thicker (negative: thinner) all round,
     * then scaled by {@code scale} and rotated by {@code degrees} (counter-clockwise on screen)
     * about the image centre, then shifted by (dx, dy) pixels, into {@code dst}. Values are
     * rounded to the nearest byte; nothing changes an image that none of them moves.
     */
    public void transform(byte[] src, int srcOff, byte[] dst, int dstOff, int pen, double scale, double degrees,
            double dx, double dy) {
        boolean moves = scale != 1 || degrees != 0 || dx != 0 || dy != 0;
        if (pen == 0 && !moves) {
            System.arraycopy(src, srcOff, dst, dstOff, size);
            return;
        }
        for (int p = 0; p < size; p++) {
            source[p] = src[srcOff + p] & 0xFF;
        }
        float[] inked = thickness(pen);
        float[] result = inked;
        if (moves) {
            ImageTransforms.affine(inked, warped, cols, rows, scale, degrees, dx, dy, subsamples(scale));
            result = warped;
        }
        for (int p = 0; p < size; p++) {
            // bilinear weights sum to 1, so values stay within 0..255 up to float rounding
            dst[dstOff + p] = (byte) Math.min(255, Math.max(0, Math.round(result[p])));
        }
    }

    /**
     * Down to 3/4 of the size a single bilinear sample per pixel keeps every stroke (its 2-pixel
     * footprint spans the 1.33-pixel step); smaller scales average sub-samples as the robustness
     * sweep does. One sample instead of four for scales 0.75 to 1 is what keeps augmentation
     * cheap next to the update it feeds.
     */
    private static int subsamples(double scale) {
        return scale >= 0.75 ? 1 : ImageTransforms.subsamplesFor(scale);
    }

    /** |pen| rounds of dilation (pen > 0) or erosion (pen < 0) of {@link #source}; returns the result. */
    private float[] thickness(int pen) {
        float[] from = source;
        float[] to = shaped;
        for (int round = 0; round < Math.abs(pen); round++) {
            ImageTransforms.morph(from, to, cols, rows, pen > 0);
            float[] t = from;
            from = to;
            to = t;
        }
        return from;
    }

    /** Images in the last batch. */
    public int count() {
        return count;
    }

    /** The last batch as raw bytes, image i at [i*rows*cols, (i+1)*rows*cols) (live buffer: copy to keep). */
    public byte[] pixels() {
        return pixels;
    }

    /** The last batch as packed ink pixels, image i being batch position i (live buffer). */
    public PackedInk packed() {
        return packed;
    }

    /**
     * The last batch as floats in [0,1], laid out as {@link #pixels()}: each value is exactly the
     * float {@link ImageSet#toFloats} gives for the same byte. Converted on the first call after a
     * batch (live buffer).
     */
    public float[] dense() {
        if (!denseCurrent) {
            for (int p = 0, end = count * size; p < end; p++) {
                dense[p] = (pixels[p] & 0xFF) * (1f / 255f);
            }
            denseCurrent = true;
        }
        return dense;
    }
}
