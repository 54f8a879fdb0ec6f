package org.weightstudio.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.weightstudio.analysis.Evaluation;
import org.weightstudio.analysis.Evaluator;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Classifier;
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
    /** A finished evaluation, for the chart and status bar, with the CPU time it took. */
    record Result(long generation, long run, long step, Evaluation evaluation, long cpuNanos) {
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final ImageSet test;
    private final Consumer<Result> onResult;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService executor = Workers.executor("weight-studio-evaluator", Thread.MIN_PRIORITY);

    TestAccuracyWorker(ImageSet test, Consumer<Result> onResult) {
        this.test = test;
        this.onResult = onResult;
    }

    /**
     * Starts an evaluation of {@code frame}, a frame of {@code architecture} (null: the one-layer
     * net), unless one is running; returns whether it started.
     */
    boolean evaluate(long generation, long run, Frame frame, Architecture architecture) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        executor.execute(() -> {
            try {
                long cpu0 = CPU.getCurrentThreadCpuTime();
                Classifier model = architecture == null
                        ? SoftmaxModel.of(frame.classes(), frame.tileSize(), frame.weights(), frame.bias())
                        : ModelSlot.classifier(architecture, frame);
                Evaluation e = Evaluator.evaluate(model, test);
                long cpu = CPU.getCurrentThreadCpuTime() - cpu0;
                Platform.runLater(() -> onResult.accept(new Result(generation, run, frame.step(), e, cpu)));
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
