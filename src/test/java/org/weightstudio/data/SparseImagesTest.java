package org.weightstudio.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseImagesTest {
    /** Three 2x3 images: some ink, no ink, all ink (255 and 1 at the extremes). */
    private static ImageSet tiny() {
        byte[] pixels = {
            0, 7, 0, 0, (byte) 255, 0,
            0, 0, 0, 0, 0, 0,
            1, 2, 3, (byte) 128, (byte) 200, (byte) 255};
        return new ImageSet(pixels, new byte[] {1, 0, 2}, 2, 3);
    }

    @Test
    void packsOnlyTheInkPixelsOfEachImageInOrder() {
        SparseImages ink = tiny().sparse();

        assertThat(ink.size()).isEqualTo(3);
        assertThat(ink.entries()).isEqualTo(8);
        assertThat(ink.start(0)).isEqualTo(0);
        assertThat(ink.end(0)).isEqualTo(2);
        assertThat(ink.start(1)).isEqualTo(ink.end(1)).isEqualTo(2);
        assertThat(ink.end(2)).isEqualTo(8);
        assertThat(new String(ink.index(), 0, 2)).isEqualTo("\u0001\u0004");
        assertThat(ink.value()[1] & 0xFF).isEqualTo(255);
    }

    @Test
    void givesTheSameFloatsAsToSparseBitForBit() {
        Random random = new Random(3);
        byte[] pixels = new byte[40 * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(5) == 0 ? (byte) random.nextInt(256) : 0;
        }
        ImageSet set = new ImageSet(pixels, new byte[40], 28, 28);
        SparseImages ink = set.sparse();
        int[] index = new int[784];
        float[] value = new float[784];
        for (int i = 0; i < set.size(); i++) {
            int nnz = set.toSparse(i, index, value, 0);
            assertThat(ink.end(i) - ink.start(i)).isEqualTo(nnz);
            for (int j = 0; j < nnz; j++) {
                assertThat((int) ink.index()[ink.start(i) + j]).isEqualTo(index[j]);
                float packed = SparseImages.scaled(ink.value()[ink.start(i) + j]);
                assertThat(Float.floatToRawIntBits(packed)).isEqualTo(Float.floatToRawIntBits(value[j]));
            }
        }
    }

    @Test
    void imagesTooLargeForCharPositionsGetIntPositions() {
        int side = 257; // 66,049 pixels > 65,536
        byte[] pixels = new byte[2 * side * side];
        pixels[side * side - 1] = 9;            // image 0, last pixel
        pixels[side * side + 70_000 % (side * side)] = 3;
        SparseImages ink = new ImageSet(pixels, new byte[2], side, side).sparse();

        assertThat(ink.index()).isNull();
        assertThat(ink.wideIndex()).containsExactly(side * side - 1, 70_000 % (side * side));
        assertThat(ink.end(0)).isEqualTo(1);
    }

    @Test
    void isBuiltOnceAndShared() {
        ImageSet set = tiny();
        assertThat(set.sparse()).isSameAs(set.sparse());
    }
}
