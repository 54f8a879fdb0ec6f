package org.weightstudio.training;

import java.util.Random;
import org.weightstudio.data.Dataset;
import org.weightstudio.data.ImageSet;
import java.util.List;

/** Small seeded 28x28 images whose class decides where a bright block sits, for fast tests. */
public final class SyntheticData {
    private SyntheticData() {
    }

    public static ImageSet images(int count, long seed) {
        int side = 28;
        byte[] pixels = new byte[count * side * side];
        byte[] labels = new byte[count];
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int label = i % 10;
            labels[i] = (byte) label;
            // class c: a 6x6 block at row 2 + 2c, column 2 + 2c, plus a little noise
            int top = 2 + 2 * label + random.nextInt(3);
            int left = 2 + 2 * label + random.nextInt(3);
            for (int r = top; r < top + 6; r++) {
                for (int c = left; c < left + 6; c++) {
                    pixels[i * side * side + r * side + c] = (byte) (128 + random.nextInt(128));
                }
            }
        }
        return new ImageSet(pixels, labels, side, side);
    }

    public static Dataset dataset(int train, int test) {
        return new Dataset("synthetic", images(train, 1), images(test, 2),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }
}
