package org.weightstudio.ui;

import org.weightstudio.model.Architecture;
import org.weightstudio.model.Classifier;
import org.weightstudio.model.Network;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.model.Tensor;
import org.weightstudio.training.TensorFrame;
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

    /**
     * {@code budgetBytes}: the timeline's memory budget. The one-layer net gets all of it, as
     * before there were other models; an MLP or CNN half, so that all three stay within twice it.
     */
    ModelSlot(ModelKind kind, Architecture architecture, TrainingSession session, int historyFrames,
            long budgetBytes) {
        this.kind = kind;
        this.architecture = architecture;
        this.session = session;
        this.history = new FrameHistory(historyFrames, kind == ModelKind.ONE_LAYER ? budgetBytes : budgetBytes / 2);
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

    /** The model a frame of {@code architecture} holds: W and b for the one-layer net, a copy of every tensor otherwise. */
    static Classifier classifier(Architecture architecture, Frame frame) {
        if (Architecture.SOFTMAX.equals(architecture.kind())) {
            return SoftmaxModel.of(frame.classes(), frame.tileSize(), frame.weights(), frame.bias());
        }
        Network network = architecture.build();
        for (Tensor t : network.parameters()) {
            TensorFrame kept = frame.tensor(t.name());
            if (kept == null || kept.values().length != t.size()) {
                throw new IllegalArgumentException("a frame of " + frame.architecture() + " is not a " + architecture.describe());
            }
            System.arraycopy(kept.values(), 0, t.data(), 0, t.size());
        }
        return network;
    }

    @Override
    public void close() {
        session.close();
    }
}
