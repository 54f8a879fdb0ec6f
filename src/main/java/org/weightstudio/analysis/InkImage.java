package org.weightstudio.analysis;

/**
 * A picture reduced to ink: 1 where the pen was darkest (or lightest, for light ink), 0 on the
 * paper, whatever the paper's shade or the picture's polarity.
 *
 * @param blank true when nothing rises above the noise floor
 */
record InkImage(int width, int height, float[] values, boolean blank) {

    /**
     * ink = |l - paper| / (paper distance to the far end), so grey paper counts as 0 and the
     * far end (black on light paper, white on dark) as 1; then the strongest ink is scaled to 1
     * (the noise floor only matters for the bounding box).
     */
    static InkImage of(GreyImage image) {
        float[] lum = image.luminance();
        float paper = DigitPreprocessor.median(lum);
        boolean darkInk = paper >= 0.5f;
        float range = darkInk ? paper : 1f - paper;
        float[] ink = new float[lum.length];
        float max = 0;
        for (int i = 0; i < lum.length; i++) {
            float v = darkInk ? paper - lum[i] : lum[i] - paper;
            v = v <= 0 ? 0 : Math.min(1f, v / range);
            ink[i] = v;
            max = Math.max(max, v);
        }
        if (max < DigitPreprocessor.NOISE_FLOOR) {
            return new InkImage(image.width(), image.height(), new float[lum.length], true);
        }
        float inv = 1f / max;
        for (int i = 0; i < ink.length; i++) {
            ink[i] *= inv;
        }
        return new InkImage(image.width(), image.height(), ink, false);
    }

    /**
     * {minX, minY, maxX, maxY} of the ink at or above the noise floor, inclusive, or null when
     * there is none. Fainter ink inside the box is kept (anti-aliased edges); outside it is cut.
     */
    int[] boundingBox() {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (values[y * width + x] >= DigitPreprocessor.NOISE_FLOOR) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }
}
