package org.weightstudio.analysis;

import java.util.Optional;
import org.weightstudio.data.ImageSet;

/**
 * What a readable template of each class looks like, measured on the training images: for class
 * k, the mean image of k minus the mean of all images, pixels scaled to [0,1]. What a digit has
 * more of than the average digit is what its neuron should weigh positively. Computed once per
 * data set; {@link #measure} then scores any weights against it.
 */
public final class ClarityTemplates {
    private final int classes;
    private final int pixels;
    /** classes x pixels, row-major: T[k] = mean(x | y = k) - mean(x). */
    private final double[] templates;

    private ClarityTemplates(int classes, int pixels, double[] templates) {
        this.classes = classes;
        this.pixels = pixels;
        this.templates = templates;
    }

    /** The templates of {@code classes} classes from labelled images (every class must occur). */
    public static ClarityTemplates of(ImageSet images, int classes) {
        int n = images.imageSize();
        double[] sums = new double[classes * n];
        double[] all = new double[n];
        int[] counts = new int[classes];
        for (int i = 0; i < images.size(); i++) {
            int k = images.label(i);
            counts[k]++;
            int row = k * n;
            for (int p = 0; p < n; p++) {
                int v = images.pixel(i, p);
                sums[row + p] += v;
                all[p] += v;
            }
        }
        // T[k][p] = sum_k[p] / (255 count_k) - sum_all[p] / (255 N)
        double[] t = new double[classes * n];
        for (int k = 0; k < classes; k++) {
            if (counts[k] == 0) {
                throw new IllegalArgumentException("class " + k + " has no images: no template to compare with");
            }
            for (int p = 0; p < n; p++) {
                t[k * n + p] = sums[k * n + p] / (255.0 * counts[k]) - all[p] / (255.0 * images.size());
            }
        }
        return new ClarityTemplates(classes, n, t);
    }

    /** Templates given directly (classes x pixels, row-major), for tests and other data. */
    public static ClarityTemplates ofTemplates(int classes, double[] templates) {
        if (classes < 1 || templates.length % classes != 0 || templates.length == 0) {
            throw new IllegalArgumentException(templates.length + " template values for " + classes + " classes");
        }
        return new ClarityTemplates(classes, templates.length / classes, templates.clone());
    }

    public int classes() {
        return classes;
    }

    public int pixels() {
        return pixels;
    }

    /** Template k (a copy). */
    public double[] template(int k) {
        return java.util.Arrays.copyOfRange(templates, k * pixels, (k + 1) * pixels);
    }

    /**
     * The clarity of one template per class, {@code weights} classes x pixels row-major (a
     * one-layer model's W); empty when the weights are not shaped so (a model whose classes have
     * no single image-sized template has no clarity to report).
     */
    public Optional<Clarity> measure(float[] weights) {
        if (weights.length != classes * pixels) {
            return Optional.empty();
        }
        double[] r = new double[classes];
        for (int k = 0; k < classes; k++) {
            r[k] = Clarity.pearson(weights, k * pixels, templates, k * pixels, pixels);
        }
        return Optional.of(new Clarity(r));
    }
}
