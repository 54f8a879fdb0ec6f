package org.weightstudio.training;

import java.util.ArrayList;
import java.util.List;
import org.weightstudio.model.Layer;
import org.weightstudio.model.Network;
import org.weightstudio.model.Shape;
import org.weightstudio.model.Tensor;
import org.weightstudio.model.layers.Dense;

/**
 * An immutable picture of training at one step: a copy of every parameter tensor of the model
 * with its change since the frame before, running loss and accuracy, and the last update's batch.
 * Arrays are owned by the frame and never written after {@link #capture}; callers must not modify
 * them.
 *
 * <p>{@link #weights()}, {@link #bias()} and {@link #delta()} are the <em>template layer</em>: the
 * first layer's weights one row of rows*cols per unit, the heatmaps the grid draws. For the
 * one-layer net that is W itself (the same arrays as its tensor); for an MLP the hidden units of
 * {@code dense1}, transposed from its in x out storage; {@link #classes()} is then the number of
 * those units. {@link #tensors()} holds every tensor as the model stores it.
 *
 * @param step              updates done when captured
 * @param epochs            fractional epochs done
 * @param classes           rows of W
 * @param rows              image rows (28)
 * @param cols              image columns (28)
 * @param weights           W, classes x (rows*cols), row-major
 * @param bias              b
 * @param delta             W - W of {@code previousStep}'s frame (zero for the first frame)
 * @param previousStep      step of the frame the delta is taken against
 * @param loss              mean training loss of the updates since the previous frame
 * @param accuracy          training accuracy of those updates (measured before each update)
 * @param batchImages       training-set indices of the last update's images
 * @param batchLabels       their labels
 * @param batchPredictions  the model's predictions for them, before the update
 * @param config            the hyper-parameters in force
 * @param architecture      what the model is: "softmax 784-10", "mlp 784-64-10"
 * @param tensors           every parameter tensor with its delta, in the model's order
 */
public record Frame(long step, double epochs, int classes, int rows, int cols, float[] weights, float[] bias,
        float[] delta, long previousStep, double loss, double accuracy, int[] batchImages, int[] batchLabels,
        int[] batchPredictions, TrainingConfig config, String architecture, List<TensorFrame> tensors) {

    public static final String ONE_LAYER = "softmax";

    public Frame {
        tensors = List.copyOf(tensors);
    }

    /** A one-layer frame: its tensors are W and b (the same arrays). */
    public Frame(long step, double epochs, int classes, int rows, int cols, float[] weights, float[] bias,
            float[] delta, long previousStep, double loss, double accuracy, int[] batchImages, int[] batchLabels,
            int[] batchPredictions, TrainingConfig config) {
        this(step, epochs, classes, rows, cols, weights, bias, delta, previousStep, loss, accuracy, batchImages,
                batchLabels, batchPredictions, config, ONE_LAYER + " " + (rows * cols) + "-" + classes,
                List.of(new TensorFrame("dense1.W", Shape.of(classes, rows * cols), weights, delta),
                        new TensorFrame("dense1.b", Shape.of(classes), bias, null)));
    }

    /** Whether this is a frame of the one-layer net (its template layer is the whole model). */
    public boolean isOneLayer() {
        return architecture.startsWith(ONE_LAYER);
    }

    /** The tensor of that name, or null. */
    public TensorFrame tensor(String name) {
        for (TensorFrame t : tensors) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** This frame with every delta taken against {@code before} (any frame of the same run). */
    public Frame withDeltaSince(Frame before) {
        List<TensorFrame> ts = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            ts.add(tensors.get(i).withDeltaSince(before == null ? null : before.tensors.get(i)));
        }
        float[] d = isOneLayer() ? ts.get(0).delta() : deltaSince(before);
        if (isOneLayer()) {
            ts.set(1, ts.get(1).withoutDelta());
        }
        return new Frame(step, epochs, classes, rows, cols, weights, bias, d, before == null ? step : before.step,
                loss, accuracy, batchImages, batchLabels, batchPredictions, config, architecture, ts);
    }

    /** This frame without its deltas (how the timeline keeps frames: the delta is recomputed on demand). */
    public Frame withoutDelta() {
        List<TensorFrame> ts = new ArrayList<>();
        for (TensorFrame t : tensors) {
            ts.add(t.withoutDelta());
        }
        return new Frame(step, epochs, classes, rows, cols, weights, bias, null, previousStep, loss, accuracy,
                batchImages, batchLabels, batchPredictions, config, architecture, ts);
    }

    public int tileSize() {
        return rows * cols;
    }

    /**
     * The change of W from {@code earlier} to this frame: exactly the sum of every update in
     * between, however many frames were skipped. Allocates; use {@link #deltaSince(Frame, float[])}
     * in a render loop.
     */
    public float[] deltaSince(Frame earlier) {
        return deltaSince(earlier, new float[weights.length]);
    }

    /** out = W_this - W_earlier (W_earlier = 0 when {@code earlier} is null). */
    public float[] deltaSince(Frame earlier, float[] out) {
        if (earlier == null) {
            System.arraycopy(weights, 0, out, 0, weights.length);
            return out;
        }
        float[] before = earlier.weights;
        for (int i = 0; i < weights.length; i++) {
            out[i] = weights[i] - before[i];
        }
        return out;
    }

    /**
     * Captures the trainer's state: the one recipe of a frame, used by the training thread, the
     * {@code snapshot} command and (through them) the timeline. {@code previous} is the last frame
     * published (null for the first): the deltas are taken against it; a null previous gives zero
     * deltas.
     *
     * @param loss     mean loss of the updates since {@code previous}
     * @param accuracy training accuracy of those updates
     */
    public static Frame capture(Trainer trainer, Frame previous, double loss, double accuracy) {
        Network net = trainer.network();
        List<TensorFrame> tensors = new ArrayList<>();
        List<Tensor> params = net.parameters();
        for (int i = 0; i < params.size(); i++) {
            Tensor t = params.get(i);
            float[] values = t.data().clone();
            float[] delta = new float[values.length];
            if (previous != null) {
                float[] before = previous.tensors.get(i).values();
                // delta = values_now - values_previous
                for (int j = 0; j < values.length; j++) {
                    delta[j] = values[j] - before[j];
                }
            }
            tensors.add(new TensorFrame(t.name(), t.shape(), values, delta));
        }
        int rows = trainer.data().rows();
        int cols = trainer.data().cols();
        float[] w;
        float[] b;
        float[] delta;
        int units;
        boolean oneLayer = net.asSoftmax() != null;
        if (oneLayer) {
            // W is stored one row per class already: the template layer is the tensor itself.
            w = tensors.get(0).values();
            delta = tensors.get(0).delta();
            b = tensors.get(1).values();
            units = tensors.get(0).shape().dim(0);
            tensors.set(1, tensors.get(1).withoutDelta());
        } else {
            TensorFrame first = tensors.get(0);
            units = templateUnits(net.layers().get(0), first);
            w = unitRows(first.values(), first.shape());
            delta = unitRows(first.delta(), first.shape());
            b = tensors.get(1).values();
        }
        int[] images = trainer.steps() == 0 ? new int[0] : trainer.lastBatchImages().clone();
        int[] labels = new int[images.length];
        for (int i = 0; i < images.length; i++) {
            labels[i] = trainer.data().label(images[i]);
        }
        int[] predictions = trainer.steps() == 0 ? new int[0] : trainer.lastBatchPredictions().clone();
        return new Frame(trainer.steps(), trainer.epochs(), units, rows, cols, w, b, delta,
                previous == null ? trainer.steps() : previous.step(), loss, accuracy, images, labels, predictions,
                trainer.config(), net.architecture().describe(), tensors);
    }

    private static int templateUnits(Layer first, TensorFrame w) {
        if (!(first instanceof Dense)) {
            throw new IllegalArgumentException("no template layer in a network that starts with " + first.type());
        }
        return w.shape().dim(1);
    }

    /** A dense layer's W (in x out) as one row of {@code in} weights per unit (out x in). */
    static float[] unitRows(float[] w, Shape shape) {
        int in = shape.dim(0);
        int out = shape.dim(1);
        float[] rows = new float[w.length];
        for (int p = 0; p < in; p++) {
            for (int k = 0; k < out; k++) {
                rows[k * in + p] = w[p * out + k];
            }
        }
        return rows;
    }
}
