package org.weightstudio.training;

/**
 * The one owner of a run's frames: it counts the loss and right answers of the updates since the
 * last frame, and captures the next frame with its deltas against the last one. The training
 * thread of the window and the {@code snapshot} command both make their frames here, so a frame
 * means the same wherever it is drawn. Not thread-safe: the thread that trains uses it.
 */
public final class FrameRecorder {
    private final Trainer trainer;
    private final Frame first;
    private Frame last;
    private double lossSum;
    private long correct;
    private long samples;

    /** Starts with the frame of the trainer as it is now (zero deltas, no loss yet). */
    public FrameRecorder(Trainer trainer) {
        this.trainer = trainer;
        this.first = Frame.capture(trainer, null, Double.NaN, Double.NaN);
        this.last = first;
    }

    /** Counts the update the trainer has just made. */
    public void afterStep() {
        int n = trainer.config().batchSize();
        lossSum += trainer.lastLoss() * n;
        correct += trainer.lastCorrect();
        samples += n;
    }

    /**
     * The frame now: parameters, deltas since the last frame, and the mean loss and training
     * accuracy (measured before each update) of the updates since then. Becomes the last frame.
     */
    public Frame capture() {
        if (last == first && trainer.steps() == first.step()) {
            return first;
        }
        double loss = samples == 0 ? Double.NaN : lossSum / samples;
        double accuracy = samples == 0 ? Double.NaN : (double) correct / samples;
        last = Frame.capture(trainer, last, loss, accuracy);
        lossSum = 0;
        correct = 0;
        samples = 0;
        return last;
    }

    /** Whether the loss summed since the last frame is still a finite number. */
    public boolean lossIsFinite() {
        return Double.isFinite(lossSum);
    }

    /** The frame of the run's start. */
    public Frame first() {
        return first;
    }

    /** The frame captured last. */
    public Frame last() {
        return last;
    }
}
