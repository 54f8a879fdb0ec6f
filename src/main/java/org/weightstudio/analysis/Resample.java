package org.weightstudio.analysis;

/**
 * Area-average resampling: each output pixel is the mean of the input area it covers, weighted
 * by how much of each input pixel falls inside. Shrinking a 280-pixel stroke to 28 pixels keeps
 * its ink as grey instead of dropping it, which is what anti-aliasing means here.
 */
final class Resample {
    private Resample() {
    }

    /**
     * Resamples the crop (x0, y0, cw, ch) of a w-wide image into dw x dh pixels. The two axes are
     * independent (a box filter is separable), so it runs as a horizontal then a vertical pass.
     */
    static float[] area(float[] src, int w, int x0, int y0, int cw, int ch, int dw, int dh) {
        float[] horizontal = new float[ch * dw];
        AxisWeights wx = new AxisWeights(cw, dw);
        for (int y = 0; y < ch; y++) {
            int row = (y0 + y) * w + x0;
            for (int j = 0; j < dw; j++) {
                horizontal[y * dw + j] = wx.apply(src, row, 1, j);
            }
        }
        float[] out = new float[dw * dh];
        AxisWeights wy = new AxisWeights(ch, dh);
        for (int i = 0; i < dh; i++) {
            for (int x = 0; x < dw; x++) {
                out[i * dw + x] = wy.apply(horizontal, x, dw, i);
            }
        }
        return out;
    }

    /**
     * For one axis of n input pixels mapped onto m output pixels: output j covers the input
     * interval [j n/m, (j+1) n/m); its value is sum_i overlap(i, j) v_i / (n/m).
     */
    private static final class AxisWeights {
        private final int n;
        private final double step;

        AxisWeights(int n, int m) {
            this.n = n;
            this.step = (double) n / m;
        }

        float apply(float[] v, int base, int stride, int j) {
            double from = j * step;
            double to = from + step;
            int first = (int) Math.floor(from);
            int last = Math.min(n - 1, (int) Math.ceil(to) - 1);
            double sum = 0;
            for (int i = first; i <= last; i++) {
                double overlap = Math.min(to, i + 1) - Math.max(from, i);
                if (overlap > 0) {
                    sum += overlap * v[base + i * stride];
                }
            }
            return (float) (sum / step);
        }
    }
}
