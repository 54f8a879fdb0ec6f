package org.weightstudio.data;

import java.util.Arrays;

/**
 * The geometry of moving ink around a w x h grey image held as floats (any value scale; outside
 * the image is 0): whole-pixel shifts, one round of grey dilation or erosion, and an affine warp
 * (scale, rotation, shift) by inverse mapping with bilinear sampling. Shared by the robustness
 * sweeps, which perturb test digits, and training-time augmentation, which perturbs training
 * digits; so the two mean the same thing by "rotated 15 degrees" or "one pixel thicker".
 *
 * <p>Every method writes into a caller-owned array and allocates nothing.
 */
public final class ImageTransforms {
    private ImageTransforms() {
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
     * One round of max (dilate) or min (erode) over the pixel and its four neighbours, outside
     * being 0: every stroke edge moves out (in) by one pixel, so a stroke gets two pixels wider
     * (narrower). {@code dst} may not be {@code src}.
     */
    public static void morph(float[] src, float[] dst, int w, int h, boolean dilate) {
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
     * Sub-samples per axis that {@link #affine} needs so that shrinking by {@code scale} fades thin
     * strokes instead of breaking them up: ceil(1/s) when shrinking, 1 otherwise.
     */
    public static int subsamplesFor(double scale) {
        return scale < 1 ? (int) Math.ceil(1 / scale - 1e-9) : 1;
    }

    /**
     * Scale by s and rotate by theta (counter-clockwise on screen) about the centre c = (w/2, h/2),
     * then shift by (dx, dy), by inverse mapping: for each output pixel centre p the source point
     * is q = c + R(theta)^-1 (p - c - d) / s, sampled bilinearly. Each output pixel averages
     * n x n sub-samples of its area ({@code subsamples} = n). {@code dst} may not be {@code src}.
     */
    public static void affine(float[] src, float[] dst, int w, int h, double s, double degrees, double dx, double dy,
            int subsamples) {
        double theta = Math.toRadians(degrees);
        // Counter-clockwise on screen in y-down coordinates: the inverse rotation below.
        double cos = Math.cos(theta) / s;
        double sin = Math.sin(theta) / s;
        double cx = w / 2.0;
        double cy = h / 2.0;
        int n = subsamples;
        float inv = 1f / (n * n);
        Arrays.fill(dst, 0, w * h, 0f);
        // Only output pixels whose samples can see ink need sampling; the rest stay exactly 0.
        // Ink box of the source, in pixel indices:
        int bx0 = w;
        int bx1 = -1;
        int by0 = h;
        int by1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (src[y * w + x] != 0) {
                    bx0 = Math.min(bx0, x);
                    bx1 = Math.max(bx1, x);
                    by0 = Math.min(by0, y);
                    by1 = Math.max(by1, y);
                }
            }
        }
        if (bx1 < 0) {
            return;
        }
        // A sample at q reads pixels floor(q - 0.5) and the next: ink only for q within
        // [b0 - 0.5, b1 + 1.5] on each axis. Its corners map forward to p = c + d + s R (q - c),
        // R = [cos sin; -sin cos]; the output box is the range of those corners, plus a pixel.
        double fc = Math.cos(theta) * s;
        double fs = Math.sin(theta) * s;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int corner = 0; corner < 4; corner++) {
            double ux = ((corner & 1) == 0 ? bx0 - 0.5 : bx1 + 1.5) - cx;
            double uy = ((corner & 2) == 0 ? by0 - 0.5 : by1 + 1.5) - cy;
            double px = cx + dx + fc * ux + fs * uy;
            double py = cy + dy - fs * ux + fc * uy;
            minX = Math.min(minX, px);
            maxX = Math.max(maxX, px);
            minY = Math.min(minY, py);
            maxY = Math.max(maxY, py);
        }
        int xFrom = (int) Math.max(0, Math.floor(minX) - 1);
        int xTo = (int) Math.min(w - 1, Math.ceil(maxX) + 1);
        int yFrom = (int) Math.max(0, Math.floor(minY) - 1);
        int yTo = (int) Math.min(h - 1, Math.ceil(maxY) + 1);
        for (int y = yFrom; y <= yTo; y++) {
            for (int x = xFrom; x <= xTo; x++) {
                float sum = 0;
                for (int sy = 0; sy < n; sy++) {
                    double py = y + (sy + 0.5) / n - cy - dy;
                    for (int sx = 0; sx < n; sx++) {
                        double px = x + (sx + 0.5) / n - cx - dx;
                        // q = c + R^-1 (p - c - d) / s
                        double qx = cx + cos * px - sin * py;
                        double qy = cy + sin * px + cos * py;
                        sum += bilinear(src, w, h, qx - 0.5, qy - 0.5);
                    }
                }
                dst[y * w + x] = sum * inv;
            }
        }
    }

    /** Bilinear sample at pixel-index coordinates (x, y); outside the image is 0. */
    private static float bilinear(float[] src, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
            return 0; // all four neighbours are outside
        }
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float v00 = at(src, w, h, x0, y0);
        float v10 = at(src, w, h, x0 + 1, y0);
        float v01 = at(src, w, h, x0, y0 + 1);
        float v11 = at(src, w, h, x0 + 1, y0 + 1);
        // (1-fy) [(1-fx) v00 + fx v10] + fy [(1-fx) v01 + fx v11]
        return (1 - fy) * ((1 - fx) * v00 + fx * v10) + fy * ((1 - fx) * v01 + fx * v11);
    }

    private static float at(float[] src, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : src[y * w + x];
    }
}
