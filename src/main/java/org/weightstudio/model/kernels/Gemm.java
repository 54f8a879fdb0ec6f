package org.weightstudio.model.kernels;

/**
 * Single-precision matrix products on row-major {@code float[]} matrices stored contiguously from
 * an offset (row stride = column count): C += A B, C += A^T B and C += A B^T. An instance owns
 * its packing buffers, made once; the products then allocate nothing. Not thread-safe: one per
 * training thread.
 *
 * <p>Why packed panels: HotSpot's C2 (Java 17, no Vector API) vectorises a loop only when every
 * array in it is indexed by the loop variable with the same offset; {@code c[cOff + j] +=
 * a * b[bOff + j]} with two different loop-invariant offsets stays scalar (about 6 GFLOP/s here,
 * measured), while {@code acc[j] += a0 * p0[j] + a1 * p1[j] + a2 * p2[j] + a3 * p3[j]} over
 * separate arrays runs as 8-float AVX2 vectors. So a block of B is copied once into one array per
 * row (the panel), each row of C into an accumulator row, and the kernel runs over them with the
 * index alone, four steps of the inner dimension per pass. The copies cost O(k n + m n) against
 * the product's O(m k n).
 *
 * <p>Tried and not kept (docs/cnn.md): a k-unroll of 8 and four rows of C per pass ran
 * scalar (4-6 GFLOP/s: C2 vectorises only loops it first unrolls, and it does not unroll bodies
 * that large); two rows of C per pass (each panel load feeding two multiply-adds) was vectorised
 * in some JVM runs (1.1-1.5x) and scalar in others (3x slower), so it is not dependable.
 *
 * <p>B is taken in blocks of {@value #DEPTH_BLOCK} rows by {@value #COLUMN_BLOCK} columns, so
 * that the panel (256 KB at most) stays in the L2 cache while every row of C passes over it, also
 * for the dense layers' inner dimension of 1,568. The order of every sum is fixed by the shapes
 * alone, so results are bit-for-bit repeatable.
 */
public final class Gemm {
    /** Columns of B and C per block. */
    static final int COLUMN_BLOCK = 256;
    /** Rows of B (steps of the inner dimension) per block. */
    static final int DEPTH_BLOCK = 256;
    /** Columns per pass when packing B^T. */
    private static final int TRANSPOSE_BLOCK = 16;

    private final float[][] panel = new float[DEPTH_BLOCK][COLUMN_BLOCK];
    private final float[] acc = new float[COLUMN_BLOCK];

    /** C[m x n] += A[m x k] B[k x n]. */
    public void multAdd(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        // A[i, t] = a[aOff + i * k + t]; B[t, j] = b[bOff + t * n + j]
        product(m, n, k, a, aOff, k, 1, b, bOff, n, 1, c, cOff);
    }

    /** C[m x n] += A^T B, with A stored as k x m and B as k x n. */
    public void multTransAAdd(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        // (A^T)[i, t] = a[aOff + t * m + i]
        product(m, n, k, a, aOff, 1, m, b, bOff, n, 1, c, cOff);
    }

    /** C[m x n] += A B^T, with A stored as m x k and B as n x k. */
    public void multTransBAdd(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        // (B^T)[t, j] = b[bOff + j * k + t]
        product(m, n, k, a, aOff, k, 1, b, bOff, 1, k, c, cOff);
    }

    /**
     * C += A B with A[i, t] = a[aOff + i * ars + t * acs] and B[t, j] = b[bOff + t * brs + j * bcs]:
     * the strides make A or A^T, B or B^T.
     */
    private void product(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs,
            int bcs, float[] c, int cOff) {
        for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
            int width = Math.min(COLUMN_BLOCK, n - j0);
            for (int t0 = 0; t0 < k; t0 += DEPTH_BLOCK) {
                int depth = Math.min(DEPTH_BLOCK, k - t0);
                pack(depth, width, b, bOff + t0 * brs + j0 * bcs, brs, bcs);
                int a0 = aOff + t0 * acs;
                for (int i = 0; i < m; i++) {
                    int row = cOff + i * n + j0;
                    System.arraycopy(c, row, acc, 0, width);
                    accumulateRow(depth, width, a, a0 + i * ars, acs);
                    System.arraycopy(acc, 0, c, row, width);
                }
            }
        }
    }

    /** panel[t][j] = B[t, j] of the block starting at {@code from}, for t < k, j < width. */
    private void pack(int k, int width, float[] b, int from, int brs, int bcs) {
        if (bcs == 1) {
            for (int t = 0; t < k; t++) {
                System.arraycopy(b, from + t * brs, panel[t], 0, width);
            }
            return;
        }
        // B^T: B[t, j] = b[from + j * bcs + t], each column j of the panel a contiguous run of b.
        // Taken TRANSPOSE_BLOCK columns at a time, so that reads run along those runs and the
        // panel lines being written stay in L1 (column by column, every read was a cache miss:
        // a stride of bcs floats).
        for (int j0 = 0; j0 < width; j0 += TRANSPOSE_BLOCK) {
            int j1 = Math.min(width, j0 + TRANSPOSE_BLOCK);
            for (int t = 0; t < k; t++) {
                float[] p = panel[t];
                int s = from + t;
                for (int j = j0; j < j1; j++) {
                    p[j] = b[s + j * bcs];
                }
            }
        }
    }

    /** acc[j] += sum_t A[i, t] panel[t][j], where A[i, t] = a[ai + t * acs]. */
    private void accumulateRow(int k, int width, float[] a, int ai, int acs) {
        float[] s = acc;
        int t = 0;
        for (; t + 3 < k; t += 4) {
            int at = ai + t * acs;
            float w0 = a[at];
            float w1 = a[at + acs];
            float w2 = a[at + 2 * acs];
            float w3 = a[at + 3 * acs];
            float[] p0 = panel[t];
            float[] p1 = panel[t + 1];
            float[] p2 = panel[t + 2];
            float[] p3 = panel[t + 3];
            // acc += A[i, t..t+3] . panel[t..t+3]
            for (int j = 0; j < width; j++) {
                s[j] += w0 * p0[j] + w1 * p1[j] + w2 * p2[j] + w3 * p3[j];
            }
        }
        for (; t < k; t++) {
            float w = a[ai + t * acs];
            float[] p = panel[t];
            for (int j = 0; j < width; j++) {
                s[j] += w * p[j];
            }
        }
    }
}
