package org.weightstudio.analysis;

import org.weightstudio.model.SoftmaxModel;

/**
 * Why a model gives class k the score it does: the input times the class's template, pixel by
 * pixel. e_j = x_j W[k, j], so sum_j e_j + b_k = z_k, the class's score. Red pixels are ink the
 * template likes, blue ink it dislikes; paper contributes nothing, whatever the template says
 * there. That is the "plank with cut-out shapes": only the overlap of ink and template counts.
 *
 * @param classIndex k
 * @param values     e, one value per input pixel (rows x cols, row-major)
 * @param bias       b_k
 */
public record EvidenceMap(int classIndex, int rows, int cols, float[] values, float bias) {

    /** The evidence map of class {@code k} for the dense input {@code x}. */
    public static EvidenceMap of(SoftmaxModel model, float[] x, int k, int rows, int cols) {
        if (x.length != model.inputs() || rows * cols != x.length) {
            throw new IllegalArgumentException("input of " + x.length + " pixels does not fit a model of "
                    + model.inputs() + " inputs as " + rows + "x" + cols);
        }
        float[] w = model.weights().data;
        int row = k * model.inputs();
        float[] e = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            // e_j = x_j * W[k, j]; exactly +0 on paper (not -0 where the weight is negative)
            e[j] = x[j] == 0 ? 0f : x[j] * w[row + j];
        }
        return new EvidenceMap(k, rows, cols, e, model.bias().data[k]);
    }

    /** Sum of the evidence, without the bias. */
    public double evidence() {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    /** The class score z_k = sum e + b_k. */
    public double score() {
        return evidence() + bias;
    }

    /** Largest |e|: the symmetric colour range that fits this map. */
    public float maxAbs() {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
