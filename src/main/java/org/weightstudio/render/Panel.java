package org.weightstudio.render;

/**
 * One titled picture of a sheet: ARGB pixels plus the words drawn above it.
 *
 * @param smooth true to scale with bilinear filtering (photos, drawings); false keeps every pixel
 *               a crisp square (28x28 inputs, heatmaps)
 */
public record Panel(String title, String caption, int[] argb, int width, int height, boolean smooth) {
    public Panel {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("panel " + title + ": " + argb.length + " pixels for " + width + "x" + height);
        }
    }

    /** Grey pixels for values in [0,1] read as ink: 0 white, 1 black. */
    public static int[] inkToArgb(float[] ink) {
        int[] out = new int[ink.length];
        for (int i = 0; i < ink.length; i++) {
            int g = 255 - Math.round(Math.max(0, Math.min(1, ink[i])) * 255);
            out[i] = 0xFF000000 | g << 16 | g << 8 | g;
        }
        return out;
    }

    /** Grey pixels for luminance values in [0,1]: 0 black, 1 white. */
    public static int[] luminanceToArgb(float[] luminance) {
        int[] out = new int[luminance.length];
        for (int i = 0; i < luminance.length; i++) {
            int g = Math.round(Math.max(0, Math.min(1, luminance[i])) * 255);
            out[i] = 0xFF000000 | g << 16 | g << 8 | g;
        }
        return out;
    }
}
