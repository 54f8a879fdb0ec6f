package org.weightstudio.model.kernels;

import java.util.Arrays;

/**
 * The im2col rearrangement for a stride-1 "same" convolution of one image (channels x height x
 * width, row-major): col is a taps x positions matrix whose row r = (c, dy, dx) holds channel c
 * shifted by (dy - pad, dx - pad), zero where the shift falls outside the image. A convolution is
 * then one matrix product, Y = W col. {@link #col2im} is its adjoint, for the input gradient.
 */
public final class Im2col {
    private Im2col() {
    }

    /** col[(c k + dy) k + dx, y W + x] = in[c, y + dy - pad, x + dx - pad] (0 outside). */
    public static void im2col(ConvGeometry g, float[] in, int inOff, float[] col) {
        int h = g.height();
        int w = g.width();
        int k = g.kernel();
        int pad = g.padding();
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int plane = inOff + c * h * w;
            for (int dy = 0; dy < k; dy++) {
                for (int dx = 0; dx < k; dx++, row++) {
                    int sx = dx - pad;
                    // x in [x0, x1) reads a pixel inside the row; the rest are padding zeros
                    int x0 = Math.max(0, -sx);
                    int x1 = Math.min(w, w - sx);
                    int base = row * h * w;
                    for (int y = 0; y < h; y++) {
                        int sy = y + dy - pad;
                        int to = base + y * w;
                        if (sy < 0 || sy >= h || x0 >= x1) {
                            Arrays.fill(col, to, to + w, 0f);
                            continue;
                        }
                        Arrays.fill(col, to, to + x0, 0f);
                        System.arraycopy(in, plane + sy * w + x0 + sx, col, to + x0, x1 - x0);
                        Arrays.fill(col, to + x1, to + w, 0f);
                    }
                }
            }
        }
    }

    /**
     * The entries of {@link #im2col} that lie inside the image, and only those: col's padding
     * entries (the shifts that fall outside the image) are left as they are, so col must hold
     * zeros there already. They are the same entries for every image of a geometry, so a buffer
     * zeroed once and used for nothing else stays right; this skips the zero fills, one copy per
     * row segment (measured 1.4-2x faster than {@link #im2col} on the CNN's layers).
     */
    public static void im2colInterior(ConvGeometry g, float[] in, int inOff, float[] col) {
        int h = g.height();
        int w = g.width();
        int k = g.kernel();
        int pad = g.padding();
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int plane = inOff + c * h * w;
            for (int dy = 0; dy < k; dy++) {
                // rows y in [y0, y1) read image row y + dy - pad, inside the image
                int y0 = Math.max(0, pad - dy);
                int y1 = Math.min(h, h + pad - dy);
                for (int dx = 0; dx < k; dx++, row++) {
                    int sx = dx - pad;
                    int x0 = Math.max(0, -sx);
                    int x1 = Math.min(w, w - sx);
                    if (x0 >= x1) {
                        continue;
                    }
                    int base = row * h * w;
                    for (int y = y0; y < y1; y++) {
                        System.arraycopy(in, plane + (y + dy - pad) * w + x0 + sx, col, base + y * w + x0, x1 - x0);
                    }
                }
            }
        }
    }

    /** dIn[c, y + dy - pad, x + dx - pad] += dCol[(c k + dy) k + dx, y W + x]: the adjoint of im2col. */
    public static void col2imAdd(ConvGeometry g, float[] dCol, float[] dIn, int dInOff) {
        int h = g.height();
        int w = g.width();
        int k = g.kernel();
        int pad = g.padding();
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int plane = dInOff + c * h * w;
            for (int dy = 0; dy < k; dy++) {
                for (int dx = 0; dx < k; dx++, row++) {
                    int sx = dx - pad;
                    int x0 = Math.max(0, -sx);
                    int x1 = Math.min(w, w - sx);
                    int base = row * h * w;
                    for (int y = 0; y < h; y++) {
                        int sy = y + dy - pad;
                        if (sy < 0 || sy >= h) {
                            continue;
                        }
                        int from = base + y * w;
                        int to = plane + sy * w + sx;
                        for (int x = x0; x < x1; x++) {
                            dIn[to + x] += dCol[from + x];
                        }
                    }
                }
            }
        }
    }
}
