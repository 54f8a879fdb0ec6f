package org.weightstudio.training;

import java.util.Random;
import org.weightstudio.data.ImageSet;

/** Random 28x28 "digits": about a fifth of the pixels inked, labels 0..9, the same for a seed. */
final class SyntheticDigits {
    private SyntheticDigits() {
    }

    static ImageSet make(int count, long seed) {
        return make(count, 28, 28, 10, seed);
    }

    static ImageSet make(int count, int rows, int cols, int classes, long seed) {
        Random random = new Random(seed);
        int size = rows * cols;
        byte[] pixels = new byte[count * size];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) random.nextInt(classes);
            for (int p = 0; p < size; p++) {
                // ink more likely in a band that depends on the label, so there is something to learn
                boolean band = (p / cols) % classes == labels[i];
                if (random.nextInt(band ? 2 : 6) == 0) {
                    pixels[i * size + p] = (byte) (1 + random.nextInt(255));
                }
            }
        }
        return new ImageSet(pixels, labels, rows, cols);
    }
}
