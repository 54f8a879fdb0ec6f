package org.weightstudio.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.weightstudio.analysis.Evaluation;
import org.weightstudio.analysis.Evaluator;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.Frame;
import org.weightstudio.ui.work.Workers;

/**
 * Evaluates test accuracy on a daemon worker thread, on a model built from a frame (a copy, so
 * the trainer is never touched or blocked). At most one evaluation runs; a request while one is
 * running is dropped, and the next frame asks again. Results reach the FX thread through
 * {@code Platform.runLater}.
 */
final class TestAccuracyWorker implements AutoCloseable {
    /** A finished evaluation, for the chart and status bar. */
    record Result(long run, long step, Evaluation evaluation) {
    }

    private final ImageSet test;
    private final Consumer<Result> onResult;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService executor = Workers.executor("weight-studio-evaluator", Thread.MIN_PRIORITY);

    TestAccuracyWorker(ImageSet test, Consumer<Result> onResult) {
        this.test = test;
        this.onResult = onResult;
    }

    /** Starts an evaluation of {@code frame} unless one is running; returns whether it started. */
    boolean evaluate(long run, Frame frame) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        executor.execute(() -> {
            try {
                SoftmaxModel model = SoftmaxModel.of(frame.classes(), frame.tileSize(), frame.weights(), frame.bias());
                Evaluation e = Evaluator.evaluate(model, test);
                Platform.runLater(() -> onResult.accept(new Result(run, frame.step(), e)));
            } finally {
                busy.set(false);
            }
        });
        return true;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
