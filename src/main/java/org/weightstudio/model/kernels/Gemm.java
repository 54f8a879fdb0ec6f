package org.weightstudio.model.kernels;

/**
 * Single-precision matrix products on row-major {@code float[]} matrices stored contiguously from
 * an offset (row stride = column count): C += A B, C += A^T B and C += A B^T. They allocate
 * nothing; C += A B^T takes a caller-supplied buffer to pack B^T into.
 *
 * <p>All three run one micro-kernel, written so that HotSpot's C2 (Java 17, no Vector API)
 * vectorises its inner loop: four rows of C are updated together from four rows of B, a 4x4 block
 * of A held in sixteen scalars. Per 8-float vector of C that is 4 loads of B, 4 loads and 4 stores
 * of C for 16 multiply-adds, where a plain {@code c[j] += a * b[j]} loop pays a load and a store of
 * C for every single one. Columns are taken in blocks of {@value #COLUMN_BLOCK} so that the block
 * of B in use (k x 256 floats) stays in the L2 cache while every row block of C passes over it.
 * Measured by {@code GemmBenchmark} (src/bench) against EJML and a naive triple loop: see
 * docs/cnn.md.
 *
 * <p>The order of every sum is fixed by the shapes alone, so results are bit-for-bit repeatable.
 */
public final class Gemm {
    /** Columns of B and C per block: k x 256 floats of B (100 KB at k = 100) stay in cache. */
    static final int COLUMN_BLOCK = 256;

    private Gemm() {
    }

    /** C[m x n] += A[m x k] B[k x n]. */
    public static void multAdd(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        // A[i, t] = a[aOff + i * k + t]
        kernel(m, n, k, a, aOff, k, 1, b, bOff, c, cOff);
    }

    /** C[m x n] += A^T B, with A stored as k x m and B as k x n. */
    public static void multTransAAdd(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c,
            int cOff) {
        // (A^T)[i, t] = A[t, i] = a[aOff + t * m + i]
        kernel(m, n, k, a, aOff, 1, m, b, bOff, c, cOff);
    }

    /**
     * C[m x n] += A B^T, with A stored as m x k and B as n x k. B^T (k x n) is first packed into
     * {@code pack} (at least k * n floats), so the product runs the same vectorised kernel instead
     * of n dot products whose single running sums C2 cannot vectorise.
     */
    public static void multTransBAdd(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c,
            int cOff, float[] pack) {
        transpose(n, k, b, bOff, pack, 0);
        multAdd(m, n, k, a, aOff, pack, 0, c, cOff);
    }

    /** dst[cols x rows] = src[rows x cols]^T, in 8x8 tiles so that both sides stay in cache lines. */
    public static void transpose(int rows, int cols, float[] src, int srcOff, float[] dst, int dstOff) {
        final int tile = 8;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    int s = srcOff + r * cols;
                    for (int col = c0; col < c1; col++) {
                        dst[dstOff + col * rows + r] = src[s + col];
                    }
                }
            }
        }
    }

    /**
     * C[m x n] += A B, where A[i, t] = a[aOff + i * rs + t * cs] (rs, cs the strides that make A or
     * A^T), B is k x n from bOff, C is m x n from cOff.
     */
    private static void kernel(int m, int n, int k, float[] a, int aOff, int rs, int cs, float[] b, int bOff,
            float[] c, int cOff) {
        for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(n, j0 + COLUMN_BLOCK);
            int i = 0;
            for (; i + 3 < m; i += 4) {
                fourRows(n, k, a, aOff + i * rs, rs, cs, b, bOff, c, cOff + i * n, j0, j1);
            }
            for (; i < m; i++) {
                oneRow(n, k, a, aOff + i * rs, cs, b, bOff, c, cOff + i * n, j0, j1);
            }
        }
    }

    /** Rows i..i+3 of C, columns [j0, j1): C[i+r, j] += sum_t A[i+r, t] B[t, j]. */
    private static void fourRows(int n, int k, float[] a, int a0, int rs, int cs, float[] b, int bOff, float[] c,
            int c0, int j0, int j1) {
        int a1 = a0 + rs;
        int a2 = a1 + rs;
        int a3 = a2 + rs;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        int t = 0;
        for (; t + 3 < k; t += 4) {
            int at = t * cs;
            float w00 = a[a0 + at], w01 = a[a0 + at + cs], w02 = a[a0 + at + 2 * cs], w03 = a[a0 + at + 3 * cs];
            float w10 = a[a1 + at], w11 = a[a1 + at + cs], w12 = a[a1 + at + 2 * cs], w13 = a[a1 + at + 3 * cs];
            float w20 = a[a2 + at], w21 = a[a2 + at + cs], w22 = a[a2 + at + 2 * cs], w23 = a[a2 + at + 3 * cs];
            float w30 = a[a3 + at], w31 = a[a3 + at + cs], w32 = a[a3 + at + 2 * cs], w33 = a[a3 + at + 3 * cs];
            int b0 = bOff + t * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            // C[i+r, j] += A[i+r, t..t+3] . B[t..t+3, j], for r = 0..3
            for (int j = j0; j < j1; j++) {
                float x0 = b[b0 + j];
                float x1 = b[b1 + j];
                float x2 = b[b2 + j];
                float x3 = b[b3 + j];
                c[c0 + j] += w00 * x0 + w01 * x1 + w02 * x2 + w03 * x3;
                c[c1 + j] += w10 * x0 + w11 * x1 + w12 * x2 + w13 * x3;
                c[c2 + j] += w20 * x0 + w21 * x1 + w22 * x2 + w23 * x3;
                c[c3 + j] += w30 * x0 + w31 * x1 + w32 * x2 + w33 * x3;
            }
        }
        for (; t < k; t++) {
            int at = t * cs;
            float w0 = a[a0 + at], w1 = a[a1 + at], w2 = a[a2 + at], w3 = a[a3 + at];
            int bt = bOff + t * n;
            for (int j = j0; j < j1; j++) {
                float x = b[bt + j];
                c[c0 + j] += w0 * x;
                c[c1 + j] += w1 * x;
                c[c2 + j] += w2 * x;
                c[c3 + j] += w3 * x;
            }
        }
    }

    /** One row of C, columns [j0, j1), four steps of t at a time. */
    private static void oneRow(int n, int k, float[] a, int a0, int cs, float[] b, int bOff, float[] c, int c0,
            int j0, int j1) {
        int t = 0;
        for (; t + 3 < k; t += 4) {
            int at = a0 + t * cs;
            float w0 = a[at], w1 = a[at + cs], w2 = a[at + 2 * cs], w3 = a[at + 3 * cs];
            int b0 = bOff + t * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            // C[i, j] += A[i, t..t+3] . B[t..t+3, j]
            for (int j = j0; j < j1; j++) {
                c[c0 + j] += w0 * b[b0 + j] + w1 * b[b1 + j] + w2 * b[b2 + j] + w3 * b[b3 + j];
            }
        }
        for (; t < k; t++) {
            float w = a[a0 + t * cs];
            int bt = bOff + t * n;
            for (int j = j0; j < j1; j++) {
                c[c0 + j] += w * b[bt + j];
            }
        }
    }
}
