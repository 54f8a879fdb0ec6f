package org.weightstudio.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.weightstudio.data.ImageSet;
import org.weightstudio.data.SparseImages;
import org.weightstudio.model.Classifier;
import org.weightstudio.model.SoftmaxModel;

/**
 * A model's verdict on every image of a labelled set, kept so the test set can be browsed:
 * per-class accuracy, the images behind a confusion-matrix cell, and the mistakes gallery.
 */
public final class Predictions {
    private final ImageSet set;
    private final int classes;
    private final int[] predicted;
    private final float[] confidence;

    private Predictions(ImageSet set, int classes, int[] predicted, float[] confidence) {
        this.set = set;
        this.classes = classes;
        this.predicted = predicted;
        this.confidence = confidence;
    }

    /** One misclassified image: its index in the set, true and predicted class, and p(predicted). */
    public record Mistake(int index, int label, int predicted, float confidence) {
    }

    public static Predictions of(Classifier model, ImageSet set) {
        int n = set.size();
        int classes = model.classes();
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        SparseImages packed = set.sparse();
        float[] z = new float[classes];
        for (int i = 0; i < n; i++) {
            model.scoresOf(packed, i, z, 0);
            int best = SoftmaxModel.argmax(z, 0, classes);
            SoftmaxModel.softmaxInPlace(z, 0, classes);
            predicted[i] = best;
            confidence[i] = z[best];
        }
        return new Predictions(set, classes, predicted, confidence);
    }

    public int size() {
        return predicted.length;
    }

    public int predicted(int i) {
        return predicted[i];
    }

    public float confidence(int i) {
        return confidence[i];
    }

    /** confusion[actual][predicted] counts. */
    public int[][] confusion() {
        int[][] c = new int[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            c[set.label(i)][predicted[i]]++;
        }
        return c;
    }

    /** Accuracy on the images of each true class; NaN for a class with no images. */
    public double[] perClassAccuracy() {
        int[][] c = confusion();
        double[] acc = new double[classes];
        for (int k = 0; k < classes; k++) {
            int total = 0;
            for (int v : c[k]) {
                total += v;
            }
            acc[k] = total == 0 ? Double.NaN : (double) c[k][k] / total;
        }
        return acc;
    }

    /** Indices of the images of class {@code actual} predicted as {@code predictedClass}, most confident first. */
    public List<Integer> cell(int actual, int predictedClass) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            if (set.label(i) == actual && predicted[i] == predictedClass) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparingDouble((Integer i) -> confidence[i]).reversed());
        return out;
    }

    /** Every misclassified image, the most confident mistake first (ties by index). */
    public List<Mistake> mistakes() {
        List<Mistake> out = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            int label = set.label(i);
            if (predicted[i] != label) {
                out.add(new Mistake(i, label, predicted[i], confidence[i]));
            }
        }
        out.sort(Comparator.comparingDouble(Mistake::confidence).reversed().thenComparingInt(Mistake::index));
        return out;
    }
}
