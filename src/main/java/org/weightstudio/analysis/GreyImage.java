package org.weightstudio.analysis;

/**
 * A grey picture of any size: luminance per pixel in [0,1], 0 black and 1 white, row-major.
 * The common form of a file read from disk, a drawing canvas and a test fixture.
 */
public record GreyImage(int width, int height, float[] luminance) {
    public GreyImage {
        if (width < 1 || height < 1 || (long) width * height != luminance.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + (long) width * height
                    + " pixels, got " + luminance.length);
        }
    }

    public float at(int x, int y) {
        return luminance[y * width + x];
    }
}
