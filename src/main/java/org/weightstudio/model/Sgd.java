package org.weightstudio.model;

/**
 * The two numbers of one SGD update, p <- shrink * p - scale * g, where g is the gradient summed
 * over the batch: scale = lr / n, shrink = 1 - lr * l2 (weight decay on weights, not biases).
 */
public final class Sgd {
    private Sgd() {
    }

    /** lr / n in float. */
    public static float scale(float lr, int n) {
        return lr / n;
    }

    /** 1 - lr * l2, computed in double and rounded once, as the one-layer trainer always has; exactly 1 when l2 = 0. */
    public static float shrink(float lr, double l2) {
        return l2 > 0 ? (float) (1 - lr * l2) : 1f;
    }

    /** w <- shrink * w (skipped when shrink is 1, which changes nothing). */
    public static void shrink(float[] w, float shrink) {
        if (shrink == 1f) {
            return;
        }
        for (int j = 0; j < w.length; j++) {
            w[j] *= shrink;
        }
    }

    /** g <- g + h: the gradient of a batch from the gradients of its two parts, added in this order. */
    public static void add(float[] g, float[] h) {
        for (int j = 0; j < g.length; j++) {
            g[j] += h[j];
        }
    }
}
