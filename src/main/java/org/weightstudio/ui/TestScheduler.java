package org.weightstudio.ui;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Architecture;
import org.weightstudio.training.PublishedFrame;

/**
 * Decides when the test set is evaluated, on the evaluator's worker thread (never the trainer's,
 * which never waits for it): on the first picture drawn at or after each step of the
 * {@link TestSchedule} (10, 20, 50, ... 5,000, then every {@code testEvery} updates), at most
 * once a second once past the log-spaced start, and once on the picture shown when training
 * pauses. A due evaluation while the evaluator is busy waits for the next picture. Results go to
 * the status bar and the charts. FX thread only.
 */
public final class TestScheduler implements AutoCloseable {
    /** Evaluations start at most this often, so that fast training is not taxed by them. */
    private static final long MIN_GAP_NANOS = 1_000_000_000L;
    /**
     * While the trainer runs flat out, an evaluation that took c of CPU is followed by a rest of
     * REST_FACTOR * c, so evaluations take at most about a tenth of the machine from it. The one-layer
     * net's 10,000 test images take a few milliseconds and never wait; a CNN's take seconds, and
     * back-to-back evaluations at the log-spaced early steps took a quarter of its training speed.
     */
    static final long REST_FACTOR = 9;

    private final TestSchedule schedule;
    private final ChartsViewModel charts;
    private final ReadOnlyDoubleWrapper accuracy = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyLongWrapper accuracyStep = new ReadOnlyLongWrapper(-1);
    private TestAccuracyWorker worker;
    private Architecture architecture;
    /** Counts model switches: a result is wanted only for the model it was started for. */
    private long generation;
    /** The run whose results are wanted; results of an older run are dropped. */
    private long run = Long.MIN_VALUE;
    /** Runs before this one were reset away: their pictures and results are ignored. */
    private long firstRun = Long.MIN_VALUE;
    private long lastStep = Long.MIN_VALUE;
    private long lastNanos;
    /** CPU time of the last evaluation that finished. */
    private long lastCpuNanos;

    TestScheduler(int testEvery, ChartsViewModel charts) {
        this.schedule = new TestSchedule(testEvery);
        this.charts = charts;
    }

    /** Starts the evaluator on the test set (when the data has loaded). */
    void start(ImageSet test) {
        worker = new TestAccuracyWorker(test, this::result);
    }

    /**
     * Evaluates another model from now on (the model selector): frames are read as networks of
     * {@code architecture}; results still on their way for the model shown before are dropped.
     */
    void switchTo(Architecture architecture) {
        this.architecture = architecture;
        generation++;
        reset();
        // run numbers count per trainer: the runs reset away were the other model's, not this one's
        // (the generation already drops the other model's results)
        firstRun = Long.MIN_VALUE;
    }

    /**
     * A new picture was drawn while training: evaluate it if an evaluation is due.
     * {@code trainerBound}: the trainer runs at unlimited pace, so evaluating takes CPU from it.
     */
    void pictureDrawn(PublishedFrame f, boolean trainerBound) {
        if (f.run() < firstRun) {
            return;
        }
        run = f.run();
        boolean due = lastStep > f.step() || schedule.due(lastStep, f.step());
        if (due && rested(schedule.early(f.step()), trainerBound, System.nanoTime() - lastNanos, lastCpuNanos)) {
            evaluate(f);
        }
    }

    /**
     * Whether an evaluation may start {@code sinceLast} nanoseconds after the last one started: at
     * the early log-spaced steps at once, later at most once a second; and while the trainer is
     * CPU-bound, not before a rest of {@link #REST_FACTOR} times the last evaluation's CPU time.
     */
    static boolean rested(boolean early, boolean trainerBound, long sinceLastNanos, long lastCpuNanos) {
        boolean gap = early || sinceLastNanos >= MIN_GAP_NANOS;
        return gap && (!trainerBound || sinceLastNanos >= REST_FACTOR * lastCpuNanos);
    }

    /** Training is paused on {@code f}: evaluate it unless it already was. */
    void paused(PublishedFrame f) {
        if (f.run() < firstRun) {
            return;
        }
        run = f.run();
        if (f.step() != lastStep && f.step() > 0) {
            evaluate(f);
        }
    }

    /** A new run: forget the last result, and drop results of the old run still on their way. */
    void reset() {
        firstRun = Math.max(firstRun, run + 1);
        run = Long.MIN_VALUE;
        lastStep = Long.MIN_VALUE;
        accuracy.set(Double.NaN);
        accuracyStep.set(-1);
    }

    private void evaluate(PublishedFrame f) {
        if (worker != null && worker.evaluate(generation, f.run(), f.frame(), architecture)) {
            lastStep = f.step();
            lastNanos = System.nanoTime();
        }
    }

    private void result(TestAccuracyWorker.Result r) {
        if (r.run() != run || r.run() < firstRun || r.generation() != generation) {
            return;
        }
        lastCpuNanos = r.cpuNanos();
        accuracy.set(r.evaluation().accuracy());
        accuracyStep.set(r.step());
        charts.addTest(r.step(), r.evaluation().meanLoss(), r.evaluation().accuracy());
    }

    public ReadOnlyDoubleProperty accuracyProperty() {
        return accuracy.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty accuracyStepProperty() {
        return accuracyStep.getReadOnlyProperty();
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
    }
}
