package org.weightstudio.analysis;

import org.weightstudio.data.ImageTransforms;

/**
 * Shifts, scales, rotates and thickens w x h float images (ink 1, paper 0; outside the image is
 * paper). An instance owns scratch buffers for one image size, so a sweep over thousands of
 * images allocates nothing; it is not thread-safe.
 */
public final class Perturbations {
    private final int w;
    private final int h;
    private final float[] a;
    private final float[] b;
    private final float[] c;

    public Perturbations(int w, int h) {
        this.w = w;
        this.h = h;
        this.a = new float[w * h];
        this.b = new float[w * h];
        this.c = new float[w * h];
    }

    /** A new array holding {@code src} perturbed by {@code s}. */
    public static float[] apply(PerturbationSettings s, float[] src, int w, int h) {
        float[] dst = new float[w * h];
        new Perturbations(w, h).apply(s, src, dst);
        return dst;
    }

    /** Writes {@code src} perturbed by {@code s} into {@code dst} (may not be {@code src}). */
    public void apply(PerturbationSettings s, float[] src, float[] dst) {
        if (s.isIdentity()) {
            System.arraycopy(src, 0, dst, 0, w * h);
            return;
        }
        float[] shaped = src;
        if (s.thickness() != 0) {
            thickness(src, a, s.thickness());
            shaped = a;
        }
        boolean integerShift = s.shiftX() == Math.rint(s.shiftX()) && s.shiftY() == Math.rint(s.shiftY());
        if (s.scale() == 1 && s.rotation() == 0 && integerShift) {
            shift(shaped, dst, w, h, (int) s.shiftX(), (int) s.shiftY());
        } else {
            affine(shaped, dst, s.scale(), s.rotation(), s.shiftX(), s.shiftY());
        }
    }

    /** dst(x, y) = src(x - dx, y - dy): an exact whole-pixel shift; what leaves the image is lost. */
    public static void shift(float[] src, float[] dst, int w, int h, int dx, int dy) {
        ImageTransforms.shift(src, dst, w, h, dx, dy);
    }

    /**
     * Morphological thickening by t pixels: |t| rounds of grey dilation (t > 0) or erosion (t < 0)
     * with a 3x3 cross, each moving every stroke edge out (in) by one pixel; a fractional t blends
     * the two nearest whole results linearly.
     */
    void thickness(float[] src, float[] dst, double t) {
        boolean dilate = t > 0;
        int whole = (int) Math.floor(Math.abs(t));
        float frac = (float) (Math.abs(t) - whole);
        System.arraycopy(src, 0, b, 0, w * h);
        for (int i = 0; i < whole; i++) {
            ImageTransforms.morph(b, c, w, h, dilate);
            System.arraycopy(c, 0, b, 0, w * h);
        }
        if (frac == 0) {
            System.arraycopy(b, 0, dst, 0, w * h);
            return;
        }
        ImageTransforms.morph(b, c, w, h, dilate);
        // dst = (1 - f) * morph^n(src) + f * morph^(n+1)(src)
        for (int i = 0; i < w * h; i++) {
            dst[i] = (1 - frac) * b[i] + frac * c[i];
        }
    }

    /**
     * Scale by s and rotate by theta about the centre, then shift by (dx, dy) (see
     * {@link ImageTransforms#affine}); when shrinking, each output pixel averages n x n sub-samples
     * (n = ceil(1/s)) so thin strokes fade instead of breaking up.
     */
    void affine(float[] src, float[] dst, double s, double degrees, double dx, double dy) {
        ImageTransforms.affine(src, dst, w, h, s, degrees, dx, dy, ImageTransforms.subsamplesFor(s));
    }
}
