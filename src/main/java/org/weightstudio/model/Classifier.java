package org.weightstudio.model;

import org.weightstudio.data.SparseImages;

/**
 * What evaluation, prediction and robustness sweeps need of a trained model, whatever its
 * architecture: class scores (logits) for an input. Not thread-safe in general (a network keeps
 * work buffers): give each thread its own copy.
 */
public interface Classifier {
    int classes();

    /** Pixels per input image. */
    int inputs();

    /** z = scores of a dense input x (length inputs, values in [0, 1]) into z[0, classes). */
    void scores(float[] x, float[] z);

    /** Scores of image {@code i} of a packed image set into z[zOffset, zOffset + classes). */
    void scoresOf(SparseImages images, int i, float[] z, int zOffset);

    /** Class probabilities of a dense x into p (length classes). */
    default void probabilities(float[] x, float[] p) {
        scores(x, p);
        SoftmaxModel.softmaxInPlace(p, 0, p.length);
    }

    /** The most probable class of a dense x. */
    default int predict(float[] x) {
        float[] z = new float[classes()];
        scores(x, z);
        return SoftmaxModel.argmax(z, 0, z.length);
    }

    /** An independent copy (own parameters, own buffers). */
    Classifier copyClassifier();

    /** True when every parameter is a finite number. */
    boolean isFinite();
}
