package org.weightstudio.model.kernels;

import java.util.Random;

/** Straightforward loops in double, the yardstick the kernels are tested against. */
final class Reference {
    private Reference() {
    }

    static float[] random(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian());
        }
        return v;
    }

    /** A[i, t] of an m x k matrix stored row-major, or of the k x m matrix it is the transpose of. */
    static double at(float[] a, int i, int t, int rows, int cols, boolean transposed) {
        return transposed ? a[t * rows + i] : a[i * cols + t];
    }

    /** C + op(A) op(B) in double, C m x n, op(A) m x k, op(B) k x n. */
    static double[] product(int m, int n, int k, float[] a, boolean transA, float[] b, boolean transB, float[] c) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = c[i * n + j];
                for (int t = 0; t < k; t++) {
                    s += at(a, i, t, m, k, transA) * at(b, t, j, k, n, transB);
                }
                out[i * n + j] = s;
            }
        }
        return out;
    }

    /** Direct "same" convolution in double: out[f, y, x] = b[f] + sum W[f, c, dy, dx] in[c, y+dy-p, x+dx-p]. */
    static double[] convolve(ConvGeometry g, float[] in, float[] w, float[] bias) {
        int h = g.height();
        int wd = g.width();
        int k = g.kernel();
        int p = g.padding();
        double[] out = new double[g.outputSize()];
        for (int f = 0; f < g.filters(); f++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < wd; x++) {
                    double s = bias[f];
                    for (int c = 0; c < g.channels(); c++) {
                        for (int dy = 0; dy < k; dy++) {
                            for (int dx = 0; dx < k; dx++) {
                                int sy = y + dy - p;
                                int sx = x + dx - p;
                                if (sy >= 0 && sy < h && sx >= 0 && sx < wd) {
                                    s += (double) w[((f * g.channels() + c) * k + dy) * k + dx]
                                            * in[(c * h + sy) * wd + sx];
                                }
                            }
                        }
                    }
                    out[(f * h + y) * wd + x] = s;
                }
            }
        }
        return out;
    }
}
