package org.weightstudio.analysis;

/**
 * How a model does on a labelled set.
 *
 * @param accuracy  fraction classified right
 * @param meanLoss  mean cross-entropy
 * @param confusion confusion[actual][predicted] counts
 * @param count     images evaluated
 */
public record Evaluation(double accuracy, double meanLoss, int[][] confusion, int count) {
    /** Accuracy on the images whose true class is {@code label}. */
    public double classAccuracy(int label) {
        int total = 0;
        for (int v : confusion[label]) {
            total += v;
        }
        return total == 0 ? Double.NaN : (double) confusion[label][label] / total;
    }
}
