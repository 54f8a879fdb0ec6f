package org.weightstudio.analysis;

import org.weightstudio.data.ImageSet;
import org.weightstudio.data.SparseImages;
import org.weightstudio.model.Classifier;
import org.weightstudio.model.SoftmaxModel;

/** Accuracy, loss and confusion matrix of a model on a labelled image set. */
public final class Evaluator {
    /** Size of the fixed subset (the first images of the set) behind a quick estimate. */
    public static final int QUICK_SUBSET = 1000;

    private Evaluator() {
    }

    public static Evaluation evaluate(Classifier model, ImageSet set) {
        return evaluate(model, set, set.size());
    }

    /** A quick estimate on the first {@link #QUICK_SUBSET} images: same images every time. */
    public static Evaluation quickEstimate(Classifier model, ImageSet set) {
        return evaluate(model, set, Math.min(QUICK_SUBSET, set.size()));
    }

    /** Evaluates the first {@code limit} images of {@code set}. */
    public static Evaluation evaluate(Classifier model, ImageSet set, int limit) {
        int classes = model.classes();
        // The packed ink pixels (built once per set and kept) make this five times faster than
        // scanning every image's bytes.
        SparseImages packed = set.sparse();
        float[] z = new float[classes];
        int[][] confusion = new int[classes][classes];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < limit; i++) {
            model.scoresOf(packed, i, z, 0);
            int label = set.label(i);
            int predicted = SoftmaxModel.argmax(z, 0, classes);
            confusion[label][predicted]++;
            if (predicted == label) {
                correct++;
            }
            loss += SoftmaxModel.crossEntropyFromScores(z, 0, classes, label);
        }
        return new Evaluation(limit == 0 ? 0 : (double) correct / limit, limit == 0 ? 0 : loss / limit, confusion, limit);
    }
}
