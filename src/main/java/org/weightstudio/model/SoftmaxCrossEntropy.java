package org.weightstudio.model;

/**
 * The loss of every network: softmax over the scores, cross-entropy against the label. For a
 * batch it writes dL/dz = softmax(z) - y per sample (summed, not averaged: the update divides by n)
 * and the prediction made before the update.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * For samples i in [0, n): predictions[i] = argmax z_i; dz_i = softmax(z_i) - onehot(labels[i]).
     *
     * @param z           scores, n x classes (not changed)
     * @param dz          receives dL/dz, n x classes
     * @param labels      label of sample i at labels[i]
     * @param predictions receives argmax z_i
     * @return the summed loss sum_i -log softmax(z_i)_{y_i}
     */
    public static double lossAndGradient(float[] z, float[] dz, int n, int classes, int[] labels, int[] predictions) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int off = i * classes;
            predictions[i] = SoftmaxModel.argmax(z, off, classes);
            System.arraycopy(z, off, dz, off, classes);
            loss += SoftmaxModel.softmaxWithLoss(dz, off, classes, labels[i]);
            // dL/dz = p - y
            dz[off + labels[i]] -= 1f;
        }
        return loss;
    }
}
