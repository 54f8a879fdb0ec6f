package org.weightstudio.training;

import org.weightstudio.model.Shape;

/**
 * One parameter tensor as a frame holds it: a copy of its values and its change since the frame
 * before (null when not kept, as in the timeline's history). Arrays are never written after
 * capture.
 *
 * @param name   "dense1.W"
 * @param shape  its shape, "784x64"
 * @param values the values when captured, row-major
 * @param delta  values - values of the previous frame, or null
 */
public record TensorFrame(String name, Shape shape, float[] values, float[] delta) {
    /** This tensor with its delta against {@code earlier} (zero delta when earlier is null). */
    TensorFrame withDeltaSince(TensorFrame earlier) {
        float[] d = new float[values.length];
        if (earlier != null) {
            // delta = values - values_earlier
            for (int i = 0; i < d.length; i++) {
                d[i] = values[i] - earlier.values[i];
            }
        }
        return new TensorFrame(name, shape, values, d);
    }

    TensorFrame withoutDelta() {
        return delta == null ? this : new TensorFrame(name, shape, values, null);
    }
}
