package org.weightstudio.training;

/**
 * An immutable picture of training at one step: copies of W and b, the change of W since the
 * frame before, running loss and accuracy, and the last update's batch. Arrays are owned by the
 * frame and never written after {@link #capture}; callers must not modify them.
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
 * @param batchPixels       the last update's images as the model saw them when they were
 *                          augmented (raw bytes, image i at i * rows * cols); null when they were
 *                          the training images {@code batchImages} as stored
 */
public record Frame(long step, double epochs, int classes, int rows, int cols, float[] weights, float[] bias,
        float[] delta, long previousStep, double loss, double accuracy, int[] batchImages, int[] batchLabels,
        int[] batchPredictions, TrainingConfig config, byte[] batchPixels) {

    /** A frame of an update that was not augmented. */
    public Frame(long step, double epochs, int classes, int rows, int cols, float[] weights, float[] bias,
            float[] delta, long previousStep, double loss, double accuracy, int[] batchImages, int[] batchLabels,
            int[] batchPredictions, TrainingConfig config) {
        this(step, epochs, classes, rows, cols, weights, bias, delta, previousStep, loss, accuracy, batchImages,
                batchLabels, batchPredictions, config, null);
    }

    /** The same frame with another delta, taken against {@code previousStep}. */
    public Frame withDelta(float[] newDelta, long newPreviousStep) {
        return new Frame(step, epochs, classes, rows, cols, weights, bias, newDelta, newPreviousStep, loss, accuracy,
                batchImages, batchLabels, batchPredictions, config, batchPixels);
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
     * Captures the trainer's state. {@code previous} is the last frame published (null for the
     * first): the delta is taken against it; a null previous gives a zero delta.
     *
     * @param loss     mean loss of the updates since {@code previous}
     * @param accuracy training accuracy of those updates
     */
    public static Frame capture(Trainer trainer, Frame previous, double loss, double accuracy) {
        var model = trainer.model();
        float[] w = model.weights().data.clone();
        float[] b = model.bias().data.clone();
        float[] delta = new float[w.length];
        if (previous != null) {
            float[] before = previous.weights;
            // delta = W_now - W_previous
            for (int i = 0; i < w.length; i++) {
                delta[i] = w[i] - before[i];
            }
        }
        int[] images = trainer.steps() == 0 ? new int[0] : trainer.lastBatchImages().clone();
        int[] labels = new int[images.length];
        for (int i = 0; i < images.length; i++) {
            labels[i] = trainer.data().label(images[i]);
        }
        int[] predictions = trainer.steps() == 0 ? new int[0] : trainer.lastBatchPredictions().clone();
        byte[] augmented = trainer.steps() == 0 ? null : trainer.lastBatchPixels();
        byte[] pixels = augmented == null ? null
                : java.util.Arrays.copyOf(augmented, images.length * trainer.data().imageSize());
        return new Frame(trainer.steps(), trainer.epochs(), model.classes(), trainer.data().rows(),
                trainer.data().cols(), w, b, delta, previous == null ? trainer.steps() : previous.step(), loss,
                accuracy, images, labels, predictions, trainer.config(), pixels);
    }
}
