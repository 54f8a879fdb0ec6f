package org.weightstudio.ui;

import org.weightstudio.model.Architecture;
import org.weightstudio.model.Classifier;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.FlatParameters;
import org.weightstudio.training.Frame;
import org.weightstudio.training.FrameHistory;
import org.weightstudio.training.PublishedFrame;
import org.weightstudio.training.TrainingSession;

/**
 * One model of the window and everything that is its own: the architecture, the trainer session
 * (its thread), the timeline's recorded frames, the chart points, the picture drawn last, and
 * whether it was training when the user switched away. FX thread only, except the session.
 */
final class ModelSlot implements AutoCloseable {
    /** The timeline of a large model keeps fewer frames: about this many bytes at most. */
    static final long HISTORY_BUDGET_BYTES = 160L << 20;

    private final ModelKind kind;
    private final Architecture architecture;
    private final TrainingSession session;
    private final FrameHistory history;
    /** The run the history holds frames of (a reset starts a new one). */
    long historyRun = -1;
    ChartsViewModel.Memory charts = ChartsViewModel.Memory.EMPTY;
    /** The live picture drawn last while this model was shown (null before its first). */
    ShownPicture picture;
    /** Training when the user switched to another model: it resumes when shown again. */
    boolean resumeWhenShown;
    private Frame cachedFrame;
    private Classifier cachedModel;

    ModelSlot(ModelKind kind, Architecture architecture, TrainingSession session, int historyFrames) {
        this.kind = kind;
        this.architecture = architecture;
        this.session = session;
        this.history = new FrameHistory(historyCapacity(architecture, historyFrames));
    }

    /** The frames asked for, fewer when a frame is large: 2,000 one-layer frames are 63 MB, 2,000 MLP-64 frames would be 400 MB. */
    static int historyCapacity(Architecture architecture, int asked) {
        long frameBytes = 4L * architecture.build().parameterCount() + 200;
        return (int) Math.max(50, Math.min(asked, HISTORY_BUDGET_BYTES / frameBytes));
    }

    ModelKind kind() {
        return kind;
    }

    Architecture architecture() {
        return architecture;
    }

    TrainingSession session() {
        return session;
    }

    FrameHistory history() {
        return history;
    }

    /** The newest frame the trainer published (the picture drawn, or the one published when it paused). */
    PublishedFrame latest() {
        return session.frames().peek();
    }

    /** A classifier with the parameters of {@code frame} (copies, never the trainer's live arrays); cached per frame. */
    Classifier model(Frame frame) {
        if (frame == null) {
            return null;
        }
        if (frame != cachedFrame) {
            cachedModel = classifier(architecture, frame);
            cachedFrame = frame;
        }
        return cachedModel;
    }

    /** The model of the newest frame published. */
    Classifier latestModel() {
        PublishedFrame p = latest();
        return p == null ? null : model(p.frame());
    }

    /** The model a frame of {@code architecture} holds: W and b for the one-layer net, the flat parameters otherwise. */
    static Classifier classifier(Architecture architecture, Frame frame) {
        if (Architecture.SOFTMAX.equals(architecture.kind())) {
            return SoftmaxModel.of(frame.classes(), frame.tileSize(), frame.weights(), frame.bias());
        }
        return FlatParameters.toNetwork(architecture, frame.weights());
    }

    @Override
    public void close() {
        session.close();
    }
}
