package org.weightstudio.training;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.SoftmaxModel;

/**
 * One named daemon thread that trains, publishes a {@link Frame} every refresh interval and obeys
 * a {@link TrainingControl}. Everything that touches the {@link Trainer} runs on that thread:
 * other threads change the run only through the control (play, pause, step, stop) or through
 * commands queued on it (reset, new hyper-parameters), which run between two updates. What other
 * threads read (step, samples, running loss) is published through volatile fields.
 *
 * <p>Starts paused. {@link #close()} stops the thread and waits for it.
 */
public final class TrainingSession implements AutoCloseable {
    public static final String THREAD_NAME = "weight-studio-trainer";
    public static final int MAX_REFRESH_INTERVAL = 10_000;
    /** Samples the running loss and accuracy average over (exponential moving average). */
    static final double RUNNING_WINDOW = 1000;

    private final ImageSet data;
    private final int classes;
    /** Null for the one-layer net trained as a {@link SoftmaxModel} (as before networks were layers). */
    private final Architecture architecture;
    private final TrainingControl control = new TrainingControl();
    private final FramePublisher publisher = new FramePublisher();
    private final Thread thread;

    // Shared with other threads: written by the trainer thread (or before start), read anywhere.
    private volatile int refreshInterval;
    private volatile boolean autoGrow;
    private volatile long step;
    private volatile double epochs;
    private volatile long samples;
    private volatile double runningLoss = Double.NaN;
    private volatile double runningAccuracy = Double.NaN;
    private volatile String problem;
    private volatile TrainingConfig config;

    // Trainer thread only.
    private Trainer trainer;
    private FrameRecorder recorder;
    private long run = -1;
    private boolean unpublished;

    public TrainingSession(ImageSet data, int classes, TrainingConfig config, int refreshInterval) {
        this(data, classes, config, refreshInterval, null);
    }

    /**
     * A session that trains a network of {@code architecture} (null: the one-layer net). Frames of
     * other networks than the one-layer net hold every parameter (see {@link FlatParameters}).
     */
    public TrainingSession(ImageSet data, int classes, TrainingConfig config, int refreshInterval,
            Architecture architecture) {
        this.data = data;
        this.classes = classes;
        this.architecture = architecture == null || Architecture.SOFTMAX.equals(architecture.kind()) ? null
                : architecture;
        setRefreshInterval(refreshInterval);
        checkBatch(config);
        this.config = config;
        startRun(config);
        this.thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public TrainingControl control() {
        return control;
    }

    public FramePublisher frames() {
        return publisher;
    }

    /** Hook for consumers that must record every frame (a timeline); see {@link FrameListener}. */
    public void addFrameListener(FrameListener listener) {
        publisher.addListener(listener);
    }

    public ImageSet data() {
        return data;
    }

    /** What this session trains. */
    public Architecture architecture() {
        return architecture != null ? architecture : Architecture.softmax(data.rows(), data.cols(), classes);
    }

    // ---- settings, any thread ----

    /** Steps between frames, 1 to 10,000; applies from the next update on. */
    public void setRefreshInterval(int k) {
        if (k < 1 || k > MAX_REFRESH_INTERVAL) {
            throw new IllegalArgumentException("refresh interval must be 1 to " + MAX_REFRESH_INTERVAL + ", got " + k);
        }
        refreshInterval = k;
    }

    public int refreshInterval() {
        return refreshInterval;
    }

    /**
     * Sets the pace; the time-lapse also sets the refresh interval, and runs its ramp over one
     * epoch at the batch size of now.
     */
    public void setPace(Pace pace) {
        if (pace.isTimeLapse()) {
            control.setTimeLapse(TimeLapse.forEpoch(data.size(), config.batchSize()));
        } else {
            control.setPace(pace.updatesPerSecond());
        }
    }

    /** Raise the refresh interval tenfold whenever training has run 100 intervals (a time lapse). */
    public void setAutoGrow(boolean on) {
        autoGrow = on;
    }

    public boolean autoGrow() {
        return autoGrow;
    }

    /**
     * New hyper-parameters from the next update on, keeping the weights. The seed is kept too: a
     * new seed would reshuffle the run midway; it takes effect at {@link #reset(long)}.
     */
    public void setConfig(TrainingConfig newConfig) {
        checkBatch(newConfig);
        TrainingConfig c = newConfig.withSeed(config.seed());
        config = c;
        control.submit(() -> trainer.setConfig(c));
    }

    /** Starts over from fresh weights with the current hyper-parameters: the same seed replays the same run. */
    public void reset() {
        reset(config.seed());
    }

    /** Starts over from fresh weights with this seed (the seed only changes at a reset). */
    public void reset(long seed) {
        TrainingConfig c = config.withSeed(seed);
        config = c;
        control.submit(() -> {
            startRun(c);
            publishNow();
        });
    }

    // ---- observations, any thread ----

    /** Updates done in the current run. */
    public long step() {
        return step;
    }

    /** Fractional epochs done in the current run. */
    public double epochs() {
        return epochs;
    }

    /** Images trained on since the session began, across resets (for samples per second). */
    public long samples() {
        return samples;
    }

    public double runningLoss() {
        return runningLoss;
    }

    public double runningAccuracy() {
        return runningAccuracy;
    }

    public TrainingConfig config() {
        return config;
    }

    /** Why training paused on its own (a loss that is not finite), or null. */
    public String problem() {
        return problem;
    }

    /** CPU time the trainer thread has used, in nanoseconds (-1 if the JVM cannot tell). */
    public long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    public Thread.State threadState() {
        return thread.getState();
    }

    /** Stops the thread and waits for it (at most a few seconds). */
    @Override
    public void close() {
        control.stop();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkBatch(TrainingConfig c) {
        if (c.batchSize() > data.size()) {
            throw new IllegalArgumentException("batch size " + c.batchSize() + " is larger than the "
                    + data.size() + " training images");
        }
    }

    // ---- trainer thread ----

    private void loop() {
        try {
            publishNow();
            while (true) {
                // read before next(): a change made while next() decides ends the stretch it grants
                long changes = control.changes();
                TrainingControl.Work work = control.next(trainer.steps(), !unpublished);
                if (work == TrainingControl.Work.STOP) {
                    return;
                }
                try {
                    doWork(work, changes);
                } catch (OutOfMemoryError e) {
                    outOfMemory();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problem = "training stopped: " + e;
            throw e;
        }
    }

    private void doWork(TrainingControl.Work work, long changes) {
        if (work == null) {
            publishNow();
        } else if (work == TrainingControl.Work.COMMANDS) {
            for (Runnable command : control.takeCommands()) {
                command.run();
            }
            step = trainer.steps();
            epochs = trainer.epochs();
        } else {
            // At unlimited pace a stretch of updates with no lock and no clock between them: the
            // window's trainer then runs the same loop as the headless one.
            long free = control.freeSteps();
            trainOne();
            for (long i = 1; i < free && control.changes() == changes; i++) {
                trainOne();
            }
        }
    }

    /**
     * The heap ran out during an update or a command: the allocation that failed is gone, so the
     * thread can go on. Training pauses (it would only fail again) and the window says why; the
     * person can close the window (settings are saved) or lower the history budget and resume.
     */
    private void outOfMemory() {
        control.pause();
        problem = String.format(Locale.ROOT, "Out of memory at step %d: training paused. Close other work, lower "
                + "historyHeapPercent in the settings or start Java with a larger -Xmx, then resume.", trainer.steps());
    }

    private void startRun(TrainingConfig c) {
        if (architecture == null) {
            trainer = new Trainer(new SoftmaxModel(classes, data.imageSize()), data, c);
        } else {
            trainer = new Trainer(architecture.build(), data, c, 0);
        }
        recorder = new FrameRecorder(trainer);
        run++;
        step = 0;
        epochs = 0;
        runningLoss = Double.NaN;
        runningAccuracy = Double.NaN;
        problem = null;
        unpublished = true;
    }

    private void trainOne() {
        trainer.step();
        int n = trainer.config().batchSize();
        double loss = trainer.lastLoss();
        recorder.afterStep();
        samples += n;
        long s = trainer.steps();
        step = s;
        epochs = trainer.epochs();
        unpublished = true;
        updateRunning(loss, (double) trainer.lastCorrect() / n, n);
        if (!Double.isFinite(loss)) {
            problem = String.format(Locale.ROOT,
                    "Training paused: the loss became %s at step %d (learning rate %s is too high?). Lower it and Reset.",
                    loss, s, trainer.config().learningRate());
            control.pause();
            publishNow();
            return;
        }
        int k = refreshInterval;
        TimeLapse lapse = control.timeLapse();
        if (lapse != null) {
            int scheduled = lapse.refreshInterval(s);
            if (scheduled != k) {
                refreshInterval = scheduled;
                k = scheduled;
            }
        } else if (autoGrow && k < MAX_REFRESH_INTERVAL && s >= 100L * k) {
            refreshInterval = Math.min(MAX_REFRESH_INTERVAL, k * 10);
        }
        if (s % k == 0 && publisher.wanted()) {
            publishNow();
        }
    }

    /** running = running + w (x - running), w = n / window: an average over about the last window samples. */
    private void updateRunning(double loss, double accuracy, int n) {
        double w = Math.min(1, n / RUNNING_WINDOW);
        if (Double.isNaN(runningLoss)) {
            runningLoss = loss;
            runningAccuracy = accuracy;
        } else {
            runningLoss += w * (loss - runningLoss);
            runningAccuracy += w * (accuracy - runningAccuracy);
        }
    }

    private void publishNow() {
        Frame frame = recorder.capture();
        unpublished = false;
        publisher.publish(new PublishedFrame(run, recorder.first(), frame));
    }
}
