package org.weightstudio.model;

/**
 * The two inner loops of training on packed sparse images (16-bit pixel positions, raw byte
 * values scaled by 1/255): scores z = W x + b, and the rank-one update W -= g x^T. Both touch only
 * the ink pixels of x.
 *
 * <p>Each has a loop specialised for 10 classes of 784 inputs, the shape of MNIST and
 * Fashion-MNIST: there the ten row offsets of W are constants folded into the addresses, and all
 * ten classes are handled in one pass over the pixels, so a pixel's position and value are read
 * once and ten independent multiply-adds are in flight at a time. On this machine that is about
 * three times the speed of a per-class loop whose one running sum waits on the adder at every
 * pixel. Other shapes take the general loop.
 *
 * <p>Both keep the float order of the straightforward per-class loops bit for bit: z_k starts at
 * b_k and adds W[k, p_j] x_j in the order of j; every weight receives its terms in the order of
 * the calls. Only which weight is worked on next changes, never the order of any one sum.
 */
public final class PackedKernels {
    /** x = v / 255 for a raw byte v, exactly the float {@code v * (1f / 255f)}. */
    private static final float[] SCALE = scaleTable();
    private static final int CLASSES = 10;
    private static final int INPUTS = 784;

    private PackedKernels() {
    }

    private static float[] scaleTable() {
        float[] t = new float[256];
        for (int v = 0; v < 256; v++) {
            t[v] = v * (1f / 255f);
        }
        return t;
    }

    /** The [0,1] value of a raw pixel byte. */
    public static float scaled(byte raw) {
        return SCALE[raw & 0xFF];
    }

    /**
     * z[zOff + k] = b_k + sum_{j in [from, to)} W[k, index_j] * value_j / 255, for a row-major W of
     * {@code classes x inputs}.
     */
    public static void scores(float[] w, float[] b, int classes, int inputs, char[] index, byte[] value, int from,
            int to, float[] z, int zOff) {
        if (classes == CLASSES && inputs == INPUTS) {
            scores10x784(w, b, index, value, from, to, z, zOff);
            return;
        }
        for (int k = 0, row = 0; k < classes; k++, row += inputs) {
            float s = b[k];
            for (int j = from; j < to; j++) {
                s += w[row + index[j]] * SCALE[value[j] & 0xFF];
            }
            z[zOff + k] = s;
        }
    }

    private static void scores10x784(float[] w, float[] b, char[] index, byte[] value, int from, int to, float[] z,
            int zOff) {
        // s_k = b_k + sum_j W[k, p_j] x_j, k = 0..9; row k of W starts at k * 784
        float s0 = b[0];
        float s1 = b[1];
        float s2 = b[2];
        float s3 = b[3];
        float s4 = b[4];
        float s5 = b[5];
        float s6 = b[6];
        float s7 = b[7];
        float s8 = b[8];
        float s9 = b[9];
        for (int j = from; j < to; j++) {
            int p = index[j];
            float x = SCALE[value[j] & 0xFF];
            s0 += w[p] * x;
            s1 += w[784 + p] * x;
            s2 += w[1568 + p] * x;
            s3 += w[2352 + p] * x;
            s4 += w[3136 + p] * x;
            s5 += w[3920 + p] * x;
            s6 += w[4704 + p] * x;
            s7 += w[5488 + p] * x;
            s8 += w[6272 + p] * x;
            s9 += w[7056 + p] * x;
        }
        z[zOff] = s0;
        z[zOff + 1] = s1;
        z[zOff + 2] = s2;
        z[zOff + 3] = s3;
        z[zOff + 4] = s4;
        z[zOff + 5] = s5;
        z[zOff + 6] = s6;
        z[zOff + 7] = s7;
        z[zOff + 8] = s8;
        z[zOff + 9] = s9;
    }

    /**
     * W[k, index_j] -= g[gOff + k] * value_j / 255 for every class k and entry j in [from, to):
     * W -= g x^T on the ink columns of x only.
     */
    public static void subtractOuter(float[] w, int classes, int inputs, float[] g, int gOff, char[] index,
            byte[] value, int from, int to) {
        if (classes == CLASSES && inputs == INPUTS) {
            subtractOuter10x784(w, g, gOff, index, value, from, to);
            return;
        }
        for (int k = 0, row = 0; k < classes; k++, row += inputs) {
            float gk = g[gOff + k];
            for (int j = from; j < to; j++) {
                w[row + index[j]] -= gk * SCALE[value[j] & 0xFF];
            }
        }
    }

    /** {@link #scores} for images too large for 16-bit positions: the general loop, int positions. */
    public static void scores(float[] w, float[] b, int classes, int inputs, int[] index, byte[] value, int from,
            int to, float[] z, int zOff) {
        for (int k = 0, row = 0; k < classes; k++, row += inputs) {
            float s = b[k];
            for (int j = from; j < to; j++) {
                s += w[row + index[j]] * SCALE[value[j] & 0xFF];
            }
            z[zOff + k] = s;
        }
    }

    /** {@link #subtractOuter} for images too large for 16-bit positions. */
    public static void subtractOuter(float[] w, int classes, int inputs, float[] g, int gOff, int[] index,
            byte[] value, int from, int to) {
        for (int k = 0, row = 0; k < classes; k++, row += inputs) {
            float gk = g[gOff + k];
            for (int j = from; j < to; j++) {
                w[row + index[j]] -= gk * SCALE[value[j] & 0xFF];
            }
        }
    }

    private static void subtractOuter10x784(float[] w, float[] g, int gOff, char[] index, byte[] value, int from,
            int to) {
        float g0 = g[gOff];
        float g1 = g[gOff + 1];
        float g2 = g[gOff + 2];
        float g3 = g[gOff + 3];
        float g4 = g[gOff + 4];
        float g5 = g[gOff + 5];
        float g6 = g[gOff + 6];
        float g7 = g[gOff + 7];
        float g8 = g[gOff + 8];
        float g9 = g[gOff + 9];
        for (int j = from; j < to; j++) {
            // W[k, p_j] -= g_k x_j, k = 0..9
            int p = index[j];
            float x = SCALE[value[j] & 0xFF];
            w[p] -= g0 * x;
            w[784 + p] -= g1 * x;
            w[1568 + p] -= g2 * x;
            w[2352 + p] -= g3 * x;
            w[3136 + p] -= g4 * x;
            w[3920 + p] -= g5 * x;
            w[4704 + p] -= g6 * x;
            w[5488 + p] -= g7 * x;
            w[6272 + p] -= g8 * x;
            w[7056 + p] -= g9 * x;
        }
    }
}
