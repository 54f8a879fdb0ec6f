package org.weightstudio.analysis;

import java.util.Arrays;
import org.weightstudio.model.Classifier;
import org.weightstudio.model.SoftmaxModel;

/**
 * What a model says about one input: scores, probabilities and classes ranked by probability.
 *
 * @param scores        z = W x + b
 * @param probabilities softmax(z)
 * @param ranking       class indices, most probable first
 */
public record Prediction(float[] scores, float[] probabilities, int[] ranking) {

    public static Prediction of(Classifier model, float[] x) {
        float[] z = new float[model.classes()];
        model.scores(x, z);
        float[] p = z.clone();
        SoftmaxModel.softmaxInPlace(p, 0, p.length);
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable sort: ties keep the lower class first, as argmax does.
        Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
        return new Prediction(z, p, Arrays.stream(order).mapToInt(Integer::intValue).toArray());
    }

    public int best() {
        return ranking[0];
    }

    public float confidence() {
        return probabilities[ranking[0]];
    }

    /** The {@code n} most probable classes, best first. */
    public int[] top(int n) {
        return Arrays.copyOf(ranking, Math.min(n, ranking.length));
    }
}
