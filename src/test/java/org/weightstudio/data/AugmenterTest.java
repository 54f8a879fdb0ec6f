package org.weightstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AugmenterTest {
    private static final int SIDE = 28;
    private static final int SIZE = SIDE * SIDE;

    /** {@code count} random blobby 28x28 images: ink in a random rectangle, labels 0..9. */
    private static ImageSet images(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * SIZE];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
            int x0 = 4 + random.nextInt(8);
            int y0 = 4 + random.nextInt(8);
            int x1 = x0 + 4 + random.nextInt(10);
            int y1 = y0 + 4 + random.nextInt(10);
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    if (random.nextInt(3) > 0) {
                        pixels[i * SIZE + y * SIDE + x] = (byte) (1 + random.nextInt(255));
                    }
                }
            }
        }
        return new ImageSet(pixels, labels, SIDE, SIDE);
    }

    private static byte[] augmented(ImageSet set, int[] images, Augmentation ranges, long seed, long step) {
        Augmenter augmenter = new Augmenter(SIDE, SIDE, images.length);
        augmenter.augment(set, images, images.length, ranges, seed, step);
        return Arrays.copyOf(augmenter.pixels(), images.length * SIZE);
    }

    private static byte[] image(ImageSet set, int i) {
        return set.imageBytes(i);
    }

    @Test
    void theSameSeedAndStepGiveTheSamePixelsAndAnotherStepOrSeedOthers() {
        ImageSet set = images(20, 1);
        int[] batch = {3, 7, 11, 19};
        byte[] first = augmented(set, batch, Augmentation.DEFAULTS, 42, 1000);
        byte[] again = augmented(set, batch, Augmentation.DEFAULTS, 42, 1000);
        assertThat(again).isEqualTo(first);
        assertThat(augmented(set, batch, Augmentation.DEFAULTS, 42, 1001)).isNotEqualTo(first);
        assertThat(augmented(set, batch, Augmentation.DEFAULTS, 43, 1000)).isNotEqualTo(first);
    }

    @Test
    void anImageDependsOnItsPositionNotOnTheImagesAugmentedBeforeIt() {
        ImageSet set = images(20, 2);
        Augmenter augmenter = new Augmenter(SIDE, SIDE, 3);
        augmenter.augment(set, new int[] {1, 5, 9}, 3, Augmentation.DEFAULTS, 7, 50);
        byte[] withOthers = Arrays.copyOfRange(augmenter.pixels(), 2 * SIZE, 3 * SIZE);
        // Something else in between, then the same image at the same (seed, step, position) alone.
        augmenter.augment(set, new int[] {4, 4, 4}, 3, Augmentation.DEFAULTS, 7, 51);
        byte[] alone = new byte[SIZE];
        augmenter.augmentImage(image(set, 9), 0, alone, 0, Augmentation.DEFAULTS, 7, 50, 2);
        assertThat(alone).isEqualTo(withOthers);
        // The same image at another position of the same batch is drawn differently.
        byte[] otherPosition = new byte[SIZE];
        augmenter.augmentImage(image(set, 9), 0, otherPosition, 0, Augmentation.DEFAULTS, 7, 50, 1);
        assertThat(otherPosition).isNotEqualTo(withOthers);
    }

    @Test
    void emptyRangesGiveEveryImageBackExactly() {
        ImageSet set = images(30, 3);
        int[] batch = new int[30];
        Arrays.setAll(batch, i -> i);
        byte[] out = augmented(set, batch, Augmentation.OFF, 42, 5);
        for (int i = 0; i < 30; i++) {
            assertThat(Arrays.copyOfRange(out, i * SIZE, (i + 1) * SIZE)).as("image %d", i).isEqualTo(image(set, i));
        }
    }

    @Test
    void aOnePixelShiftThroughTheWarpMovesInkByExactlyOnePixel() {
        // A shift of exactly one pixel goes through the bilinear warp, which must land on whole
        // pixels: ink moves by one, value for value.
        ImageSet set = images(5, 4);
        Augmenter augmenter = new Augmenter(SIDE, SIDE, 1);
        for (int i = 0; i < 5; i++) {
            byte[] src = image(set, i);
            byte[] right = new byte[SIZE];
            byte[] down = new byte[SIZE];
            augmenter.transform(src, 0, right, 0, 0, 1, 0, 1, 0);
            augmenter.transform(src, 0, down, 0, 0, 1, 0, 0, 1);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int expectedRight = x == 0 ? 0 : src[y * SIDE + x - 1];
                    int expectedDown = y == 0 ? 0 : src[(y - 1) * SIDE + x];
                    assertThat(right[y * SIDE + x]).as("shift right, image %d at (%d,%d)", i, x, y)
                            .isEqualTo((byte) expectedRight);
                    assertThat(down[y * SIDE + x]).as("shift down, image %d at (%d,%d)", i, x, y)
                            .isEqualTo((byte) expectedDown);
                }
            }
        }
    }

    @Test
    void aQuarterTurnMovesEachPixelCounterClockwiseAboutTheCentre() {
        // An L: a vertical bar and a foot to its right, each pixel a different value.
        byte[] src = new byte[SIZE];
        for (int r = 6; r < 20; r++) {
            src[r * SIDE + 9] = (byte) (100 + r);
        }
        for (int c = 10; c < 17; c++) {
            src[19 * SIDE + c] = (byte) (200 + c);
        }
        byte[] out = new byte[SIZE];
        new Augmenter(SIDE, SIDE, 1).transform(src, 0, out, 0, 0, 1, 90, 0, 0);
        // Counter-clockwise on screen (y down): (row r, col c) goes to (row 27 - c, col r).
        byte[] expected = new byte[SIZE];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                expected[(27 - c) * SIDE + r] = src[r * SIDE + c];
            }
        }
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void aThickerPenAddsInkAroundEveryStrokeAndAThinnerOneRemovesItsEdge() {
        byte[] src = new byte[SIZE];
        for (int r = 8; r < 20; r++) {
            for (int c = 12; c < 15; c++) {
                src[r * SIDE + c] = (byte) 255; // a bar three pixels wide
            }
        }
        Augmenter augmenter = new Augmenter(SIDE, SIDE, 1);
        byte[] thick = new byte[SIZE];
        byte[] thin = new byte[SIZE];
        augmenter.transform(src, 0, thick, 0, 1, 1, 0, 0, 0);
        augmenter.transform(src, 0, thin, 0, -1, 1, 0, 0, 0);
        assertThat(inkWidth(thick, 14)).isEqualTo(5);
        assertThat(inkWidth(thin, 14)).isEqualTo(1);
    }

    private static int inkWidth(byte[] image, int row) {
        int n = 0;
        for (int c = 0; c < SIDE; c++) {
            n += image[row * SIDE + c] != 0 ? 1 : 0;
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void inkStaysWithinZeroAndTheBrightestInputValue(long seed) {
        System.out.println("seed " + seed);
        // A saturated image is where a rounding to 256 would wrap round to black.
        byte[] full = new byte[SIZE];
        Arrays.fill(full, (byte) 255);
        Random random = new Random(seed);
        Augmenter augmenter = new Augmenter(SIDE, SIDE, 1);
        Augmentation wide = new Augmentation(3, 0.5, 2, 180, 0.3, 0.3);
        byte[] out = new byte[SIZE];
        for (int k = 0; k < 200; k++) {
            augmenter.augmentImage(full, 0, out, 0, wide, random.nextLong(), k, 0);
            // the centre of the picture always stays inside the (moved, turned, rescaled) square
            assertThat(out[14 * SIDE + 14] & 0xFF).as("centre after draw %d", k).isGreaterThanOrEqualTo(250);
        }
        ImageSet set = images(50, seed);
        for (int i = 0; i < 50; i++) {
            byte[] src = image(set, i);
            int max = 0;
            for (byte b : src) {
                max = Math.max(max, b & 0xFF);
            }
            augmenter.augmentImage(src, 0, out, 0, wide, seed, i, 0);
            for (byte b : out) {
                // a bilinear mix, a max or a min of the inputs can never exceed their largest
                assertThat(b & 0xFF).isLessThanOrEqualTo(max);
            }
        }
    }

    @Test
    void thePackedAndDenseFormsHoldTheSamePixels() {
        ImageSet set = images(10, 5);
        int[] batch = {0, 2, 4, 6, 8};
        Augmenter augmenter = new Augmenter(SIDE, SIDE, 8);
        augmenter.augment(set, batch, 5, Augmentation.DEFAULTS, 1, 2);
        byte[] pixels = augmenter.pixels();
        PackedInk packed = augmenter.packed();
        float[] dense = augmenter.dense();
        for (int i = 0; i < 5; i++) {
            byte[] rebuilt = new byte[SIZE];
            for (int j = packed.start(i); j < packed.end(i); j++) {
                rebuilt[packed.index()[j]] = packed.value()[j];
            }
            assertThat(rebuilt).isEqualTo(Arrays.copyOfRange(pixels, i * SIZE, (i + 1) * SIZE));
            for (int p = 0; p < SIZE; p++) {
                assertThat(dense[i * SIZE + p]).isEqualTo((pixels[i * SIZE + p] & 0xFF) * (1f / 255f));
            }
        }
    }

    @Test
    void theDefaultsThickenAboutAQuarterAndThinAboutASixth() {
        // Only the pen: count images whose ink grew or shrank over 6,000 draws.
        ImageSet set = images(1, 6);
        byte[] src = image(set, 0);
        Augmentation penOnly = Augmentation.OFF.withPen(0.25, 1.0 / 6);
        Augmenter augmenter = new Augmenter(SIDE, SIDE, 1);
        byte[] out = new byte[SIZE];
        int inkBefore = inkCount(src);
        int thicker = 0;
        int thinner = 0;
        int draws = 6000;
        for (int step = 0; step < draws; step++) {
            augmenter.augmentImage(src, 0, out, 0, penOnly, 42, step, 0);
            int ink = inkCount(out);
            thicker += ink > inkBefore ? 1 : 0;
            thinner += ink < inkBefore ? 1 : 0;
        }
        assertThat(thicker / (double) draws).isBetween(0.23, 0.27);
        assertThat(thinner / (double) draws).isBetween(0.15, 0.19);
    }

    private static int inkCount(byte[] image) {
        int n = 0;
        for (byte b : image) {
            n += b != 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void aBatchLargerThanTheBuffersOrOfAnotherImageSizeIsRefused() {
        ImageSet set = images(5, 7);
        Augmenter augmenter = new Augmenter(SIDE, SIDE, 2);
        assertThatThrownBy(() -> augmenter.augment(set, new int[] {0, 1, 2}, 3, Augmentation.DEFAULTS, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger");
        Augmenter other = new Augmenter(20, 20, 2);
        assertThatThrownBy(() -> other.augment(set, new int[] {0}, 1, Augmentation.DEFAULTS, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("28x28");
    }

    @Test
    void badRangesAreRefusedWithTheValue() {
        assertThatThrownBy(() -> new Augmentation(-1, 1, 1, 0, 0, 0)).hasMessageContaining("shift");
        assertThatThrownBy(() -> new Augmentation(0, 1.2, 0.8, 0, 0, 0)).hasMessageContaining("1.2,0.8");
        assertThatThrownBy(() -> new Augmentation(0, 1, 1, Double.NaN, 0, 0)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Augmentation(0, 1, 1, 0, 0.7, 0.5)).hasMessageContaining("0.7,0.5");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100})
    void aWarmBatchAllocatesNothing(int batch) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        ImageSet set = images(200, 8);
        Augmenter augmenter = new Augmenter(SIDE, SIDE, batch);
        int[] order = new int[batch];
        long step = 0;
        for (; step < 300; step++) {
            fill(order, step, set.size());
            augmenter.augment(set, order, batch, Augmentation.DEFAULTS, 42, step);
            augmenter.dense();
        }
        long id = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(id); // its own first call allocates
        // The quietest of four windows, as in TrainerAllocationTest: the JIT may allocate a little.
        long quietest = Long.MAX_VALUE;
        for (int window = 0; window < 4; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 200; i++, step++) {
                fill(order, step, set.size());
                augmenter.augment(set, order, batch, Augmentation.DEFAULTS, 42, step);
                augmenter.dense();
            }
            quietest = Math.min(quietest, threads.getThreadAllocatedBytes(id) - before);
        }
        assertThat(quietest).as("bytes allocated over 200 warm batches of %d", batch).isLessThan(16);
    }

    private static void fill(int[] order, long step, int n) {
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) ((step * 31 + i * 7) % n);
        }
    }
}
