package org.weightstudio.model.kernels;

/**
 * Max-pooling over 2x2 windows with stride 2 of one image (channels x height x width, row-major)
 * into channels x height/2 x width/2 (an odd last row or column is dropped). The forward pass
 * records, per output, the index of the input that won, so the backward pass routes each gradient
 * to it. Both allocate nothing.
 */
public final class MaxPool {
    private MaxPool() {
    }

    /** out[c, y, x] = max of in[c, 2y..2y+1, 2x..2x+1]; argmax[...] = its index relative to inOff. */
    public static void forward(int channels, int height, int width, float[] in, int inOff, float[] out, int outOff,
            int[] argmax) {
        int oh = height / 2;
        int ow = width / 2;
        int o = outOff;
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < oh; y++) {
                int top = plane + 2 * y * width;
                int bottom = top + width;
                for (int x = 0; x < ow; x++, o++) {
                    // the first of equal values wins: top-left, top-right, bottom-left, bottom-right
                    int best = top + 2 * x;
                    float m = in[inOff + best];
                    int i = best + 1;
                    if (in[inOff + i] > m) {
                        m = in[inOff + i];
                        best = i;
                    }
                    i = bottom + 2 * x;
                    if (in[inOff + i] > m) {
                        m = in[inOff + i];
                        best = i;
                    }
                    i++;
                    if (in[inOff + i] > m) {
                        m = in[inOff + i];
                        best = i;
                    }
                    out[o] = m;
                    argmax[o] = best;
                }
            }
        }
    }

    /**
     * dIn = 0 except dIn[argmax[o]] = dOut[o]: the gradient flows to each window's winner. Windows
     * do not overlap, so no index is written twice.
     */
    public static void backward(int channels, int height, int width, float[] dOut, int dOutOff, int[] argmax,
            float[] dIn, int dInOff) {
        java.util.Arrays.fill(dIn, dInOff, dInOff + channels * height * width, 0f);
        int count = channels * (height / 2) * (width / 2);
        for (int o = 0; o < count; o++) {
            dIn[dInOff + argmax[dOutOff + o]] = dOut[dOutOff + o];
        }
    }
}
