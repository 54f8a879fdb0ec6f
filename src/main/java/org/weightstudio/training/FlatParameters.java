package org.weightstudio.training;

import java.util.List;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.Tensor;

/**
 * How a {@link Frame} holds a network that is not the one-layer net: every parameter tensor, in
 * the order of {@link Network#parameters()}, one after another in one float array. The deltas,
 * the timeline's history and the window's pictures then work on that array exactly as on the
 * one-layer net's W; whoever draws it knows the architecture and finds a tensor at
 * {@link #offset(Architecture, String)}.
 */
public final class FlatParameters {
    private FlatParameters() {
    }

    /** A new array holding every parameter of {@code network}, tensor after tensor. */
    public static float[] copy(Network network) {
        float[] flat = new float[network.parameterCount()];
        int at = 0;
        for (Tensor t : network.parameters()) {
            System.arraycopy(t.data(), 0, flat, at, t.size());
            at += t.size();
        }
        return flat;
    }

    /** A new network of {@code architecture} with the parameters of {@code flat} (see {@link #copy}). */
    public static Network toNetwork(Architecture architecture, float[] flat) {
        Network network = architecture.build();
        if (flat.length != network.parameterCount()) {
            throw new IllegalArgumentException(architecture.describe() + " has " + network.parameterCount()
                    + " parameters, the frame holds " + flat.length);
        }
        int at = 0;
        for (Tensor t : network.parameters()) {
            System.arraycopy(flat, at, t.data(), 0, t.size());
            at += t.size();
        }
        return network;
    }

    /** Where tensor {@code name} ("dense1.W") starts in the flat array, or -1 if the network has none. */
    public static int offset(Architecture architecture, String name) {
        int at = 0;
        for (Tensor t : tensors(architecture)) {
            if (t.name().equals(name)) {
                return at;
            }
            at += t.size();
        }
        return -1;
    }

    /** The parameter tensors of {@code architecture} (zero-valued; for their names and shapes). */
    public static List<Tensor> tensors(Architecture architecture) {
        return architecture.build().parameters();
    }
}
