package org.weightstudio.analysis;

import java.util.Arrays;

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
        Arrays.fill(dst, 0, w * h, 0f);
        for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
            int sy = y - dy;
            int x0 = Math.max(0, dx);
            int x1 = Math.min(w, w + dx);
            if (x1 > x0) {
                System.arraycopy(src, sy * w + x0 - dx, dst, y * w + x0, x1 - x0);
            }
        }
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
            morph(b, c, dilate);
            System.arraycopy(c, 0, b, 0, w * h);
        }
        if (frac == 0) {
            System.arraycopy(b, 0, dst, 0, w * h);
            return;
        }
        morph(b, c, dilate);
        // dst = (1 - f) * morph^n(src) + f * morph^(n+1)(src)
        for (int i = 0; i < w * h; i++) {
            dst[i] = (1 - frac) * b[i] + frac * c[i];
        }
    }

    /** One round of max (dilate) or min (erode) over the pixel and its four neighbours; outside is 0. */
    private void morph(float[] src, float[] dst, boolean dilate) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                float v = src[p];
                float l = x > 0 ? src[p - 1] : 0;
                float r = x < w - 1 ? src[p + 1] : 0;
                float u = y > 0 ? src[p - w] : 0;
                float d = y < h - 1 ? src[p + w] : 0;
                dst[p] = dilate
                        ? Math.max(v, Math.max(Math.max(l, r), Math.max(u, d)))
                        : Math.min(v, Math.min(Math.min(l, r), Math.min(u, d)));
            }
        }
    }

    /**
     * Scale by s and rotate by theta about the centre c = (w/2, h/2), then shift by (dx, dy), by
     * inverse mapping: for each output pixel centre p, the source point is
     * q = c + R(theta)^-1 (p - c - d) / s, sampled bilinearly. When shrinking, each output pixel
     * averages n x n sub-samples (n = ceil(1/s)) so thin strokes fade instead of breaking up.
     */
    void affine(float[] src, float[] dst, double s, double degrees, double dx, double dy) {
        double theta = Math.toRadians(degrees);
        // Counter-clockwise on screen in y-down coordinates: the inverse rotation below.
        double cos = Math.cos(theta) / s;
        double sin = Math.sin(theta) / s;
        double cx = w / 2.0;
        double cy = h / 2.0;
        int n = s < 1 ? (int) Math.ceil(1 / s - 1e-9) : 1;
        float inv = 1f / (n * n);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int sy = 0; sy < n; sy++) {
                    double py = y + (sy + 0.5) / n - cy - dy;
                    for (int sx = 0; sx < n; sx++) {
                        double px = x + (sx + 0.5) / n - cx - dx;
                        double qx = cx + cos * px - sin * py;
                        double qy = cy + sin * px + cos * py;
                        sum += bilinear(src, qx - 0.5, qy - 0.5);
                    }
                }
                dst[y * w + x] = sum * inv;
            }
        }
    }

    /** Bilinear sample at pixel-index coordinates (x, y); outside the image is 0. */
    private float bilinear(float[] src, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float v00 = at(src, x0, y0);
        float v10 = at(src, x0 + 1, y0);
        float v01 = at(src, x0, y0 + 1);
        float v11 = at(src, x0 + 1, y0 + 1);
        // (1-fy) [(1-fx) v00 + fx v10] + fy [(1-fx) v01 + fx v11]
        return (1 - fy) * ((1 - fx) * v00 + fx * v10) + fy * ((1 - fx) * v01 + fx * v11);
    }

    private float at(float[] src, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : src[y * w + x];
    }
}
