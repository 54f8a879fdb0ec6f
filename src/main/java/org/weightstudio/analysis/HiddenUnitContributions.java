package org.weightstudio.analysis;

import java.util.Arrays;
import org.weightstudio.model.Layer;
import org.weightstudio.model.Network;
import org.weightstudio.model.layers.Dense;
import org.weightstudio.model.layers.Relu;

/**
 * Why an MLP gives class k its score, told by its first hidden layer: how much each hidden unit
 * added. With one hidden layer the score is z_k = sum_j a_j W2[j, k] + b2_k, so unit j's part is
 * c_j = a_j W2[j, k] (activation times output weight), and the parts with the bias add up to the
 * score exactly. With more hidden layers c_j = a_j dz_k/da_j (activation times the score's
 * slope), which reads the same way but leaves the later layers' biases out of the sum.
 *
 * @param classIndex    k
 * @param activations   a, the first hidden layer's outputs after its ReLU
 * @param contributions c, one per hidden unit
 * @param score         z_k
 * @param exact         whether sum c + {@code rest} = z_k exactly (one hidden layer)
 * @param rest          what the units leave of the score: z_k - sum c (the output bias for one
 *                      hidden layer)
 */
public record HiddenUnitContributions(int classIndex, float[] activations, float[] contributions, double score,
        boolean exact, double rest) {

    /** Whether {@code network} is an MLP these can be told for: dense, ReLU, dense [, ReLU, dense ...]. */
    public static boolean applies(Network network) {
        var layers = network.layers();
        if (layers.size() < 3 || layers.size() % 2 == 0) {
            return false;
        }
        for (int l = 0; l < layers.size(); l++) {
            boolean dense = layers.get(l) instanceof Dense;
            if (l % 2 == 0 ? !dense : !(layers.get(l) instanceof Relu)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The contributions of the first hidden layer's units to class {@code k}'s score for input
     * {@code x}. Scores x with the network's single-image buffers: call it on the thread that
     * owns the network, or on a copy.
     *
     * @throws IllegalArgumentException if the network is not an MLP (see {@link #applies})
     */
    public static HiddenUnitContributions of(Network network, float[] x, int k) {
        if (!applies(network)) {
            throw new IllegalArgumentException(network.architecture().describe()
                    + " is not an MLP of dense layers with ReLU between them");
        }
        float[] z = new float[network.classes()];
        network.scores(x, z);
        var layers = network.layers();
        // g = dz_k / d(output of layer l), from the top down; the output layer's is e_k
        float[] g = new float[network.classes()];
        g[k] = 1;
        for (int l = layers.size() - 1; l >= 2; l -= 2) {
            g = backThroughDense(network, layers.get(l), g);
            // through the ReLU below: the slope is 1 where its output is positive, else 0
            float[] a = network.singleActivations(l - 1);
            for (int i = 0; i < g.length; i++) {
                g[i] = a[i] > 0 ? g[i] : 0f;
            }
        }
        float[] a = network.singleActivations(1).clone();
        float[] c = new float[a.length];
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            // c_j = a_j * dz_k/da_j
            c[j] = a[j] * g[j];
            sum += c[j];
        }
        return new HiddenUnitContributions(k, a, c, z[k], layers.size() == 3, z[k] - sum);
    }

    /** dz/d(input) = W dz/d(output), for a dense layer of W in x out. */
    private static float[] backThroughDense(Network network, Layer dense, float[] gOut) {
        float[] w = network.parameter(dense.name() + ".W").data();
        int in = dense.inputShape().size();
        int out = dense.outputShape().size();
        float[] gIn = new float[in];
        for (int i = 0; i < in; i++) {
            double s = 0;
            for (int o = 0; o < out; o++) {
                s += w[i * out + o] * gOut[o];
            }
            gIn[i] = (float) s;
        }
        return gIn;
    }

    /** Hidden units, largest contribution first (ties: the lower unit first). */
    public int[] ranking() {
        Integer[] order = new Integer[contributions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Float.compare(contributions[q], contributions[p]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** The {@code n} units that added most to the score, largest first. */
    public int[] top(int n) {
        return Arrays.copyOf(ranking(), Math.min(n, contributions.length));
    }

    /** Sum of the given units' contributions. */
    public double sumOf(int[] units) {
        double s = 0;
        for (int u : units) {
            s += contributions[u];
        }
        return s;
    }
}
