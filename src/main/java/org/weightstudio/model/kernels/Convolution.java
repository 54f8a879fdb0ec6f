package org.weightstudio.model.kernels;

import java.util.Arrays;

/**
 * Forward and backward passes of a stride-1 "same" convolution, one image at a time, by im2col
 * and {@link Gemm}. Weights are filters x taps (filters x channels x k x k), row-major; an image is
 * channels x height x width. The work buffers (the im2col matrix, its gradient and Gemm's packing
 * buffers) are made once here; the passes allocate nothing. The im2col matrix is used for nothing
 * else, so its padding entries stay zero and {@link Im2col#im2colInterior} fills only the rest.
 * Not thread-safe: one per training thread.
 */
public final class Convolution {
    private final ConvGeometry g;
    private final float[] col;
    private final float[] dcol;
    private final Gemm gemm;

    public Convolution(ConvGeometry geometry) {
        this.g = geometry;
        this.col = new float[geometry.taps() * geometry.positions()];
        this.dcol = new float[col.length];
        this.gemm = new Gemm();
    }

    public ConvGeometry geometry() {
        return g;
    }

    /** out[f, p] = b[f] + sum_t W[f, t] col[t, p]: Y = W col + b 1^T. */
    public void forward(float[] in, int inOff, float[] weights, float[] bias, float[] out, int outOff) {
        int positions = g.positions();
        Im2col.im2colInterior(g, in, inOff, col);
        for (int f = 0; f < g.filters(); f++) {
            Arrays.fill(out, outOff + f * positions, outOff + (f + 1) * positions, bias[f]);
        }
        gemm.multAdd(g.filters(), positions, g.taps(), weights, 0, col, 0, out, outOff);
    }

    /**
     * Adds this image's gradients to gradW and gradB, and, if dIn is not null, writes dL/din:
     * gW += dY col^T; gb[f] += sum_p dY[f, p]; dcol = W^T dY, dIn = col2im(dcol).
     */
    public void backward(float[] in, int inOff, float[] dOut, int dOutOff, float[] weights, float[] gradW,
            float[] gradB, float[] dIn, int dInOff) {
        int positions = g.positions();
        int filters = g.filters();
        int taps = g.taps();
        for (int f = 0; f < filters; f++) {
            float s = 0f;
            int row = dOutOff + f * positions;
            for (int p = 0; p < positions; p++) {
                s += dOut[row + p];
            }
            gradB[f] += s;
        }
        Im2col.im2colInterior(g, in, inOff, col);
        // gW[f, t] += sum_p dY[f, p] col[t, p]
        gemm.multTransBAdd(filters, taps, positions, dOut, dOutOff, col, 0, gradW, 0);
        if (dIn == null) {
            return;
        }
        // dcol[t, p] = sum_f W[f, t] dY[f, p]
        Arrays.fill(dcol, 0f);
        gemm.multTransAAdd(taps, positions, filters, weights, 0, dOut, dOutOff, dcol, 0);
        Arrays.fill(dIn, dInOff, dInOff + g.inputSize(), 0f);
        Im2col.col2imAdd(g, dcol, dIn, dInOff);
    }
}
