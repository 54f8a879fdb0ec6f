package org.weightstudio.analysis;

/**
 * Brings the strokes of a fitted digit to the width MNIST's strokes have at the same scale. The
 * blog post's model fails on a thinner or thicker pen than MNIST's (the robustness sweep shows
 * how much); MNIST's own recipe fixes size and position but not the pen, so this step does.
 *
 * <p>It works on the digit's bounding box resampled to {@link #SIDE} pixels on its long side
 * (four times the 20-pixel box), where a pixel of dilation or erosion is a quarter pixel in the
 * model input.
 */
final class PenNormalizer {
    /** Long side of the working resolution. */
    static final int SIDE = 4 * DigitPreprocessor.BOX;
    /**
     * Stroke width of MNIST digits at the working resolution, by {@link #strokeWidth}: the median
     * over the 10,000 MNIST test digits fitted the same way is 8.0 (quartiles 6.8 and 9.5).
     */
    static final double MNIST_WIDTH = 8.0;

    private PenNormalizer() {
    }

    /**
     * Stroke width of the ink (pixels at or above 0.5) as 2A/P: A the ink area, P the length of
     * its outline in pixel edges. For a stroke of length L and width w, A = L w and P ~ 2 L, so
     * 2A/P ~ w; it reads a little low for short strokes, the same way for every picture.
     */
    static double strokeWidth(float[] v, int w, int h) {
        long area = 0;
        long edges = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (v[y * w + x] < 0.5f) {
                    continue;
                }
                area++;
                edges += (x == 0 || v[y * w + x - 1] < 0.5f) ? 1 : 0;
                edges += (x == w - 1 || v[y * w + x + 1] < 0.5f) ? 1 : 0;
                edges += (y == 0 || v[(y - 1) * w + x] < 0.5f) ? 1 : 0;
                edges += (y == h - 1 || v[(y + 1) * w + x] < 0.5f) ? 1 : 0;
            }
        }
        return edges == 0 ? 0 : 2.0 * area / edges;
    }

    /**
     * Rounds of dilation (+) or erosion (-) that move the stroke width from {@code width} to
     * {@link #MNIST_WIDTH}: each round adds a pixel on both sides, so (target - width) / 2,
     * never eroding a stroke below 3 pixels.
     */
    static int rounds(double width) {
        int r = (int) Math.round((MNIST_WIDTH - width) / 2);
        int maxErosion = (int) Math.max(0, Math.floor((width - 3) / 2));
        return Math.max(r, -maxErosion);
    }
}
