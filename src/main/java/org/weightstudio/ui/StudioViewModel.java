package org.weightstudio.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.scene.chart.XYChart;
import org.weightstudio.data.Dataset;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.FrameListener;
import org.weightstudio.training.PublishedFrame;
import org.weightstudio.training.TrainingConfig;
import org.weightstudio.training.TrainingSession;

/**
 * The studio's state and commands, for the views. Lives on the FX thread: the trainer thread is
 * reached only through the {@link TrainingSession}, and its progress comes back by pulling the
 * newest frame and counters on each pulse ({@link #pulse(long)}), never by pushing onto the FX
 * thread. Setters that take text from a field return null when accepted, or the message to show
 * beside the field.
 */
public final class StudioViewModel implements AutoCloseable {
    /** Refresh intervals the + and - keys step through (1-2-5 per decade). */
    private static final int[] INTERVAL_STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000};
    private static final long STATS_PERIOD_NANOS = 500_000_000L;
    /** How long a passing note (a file saved) stays in the banner. */
    private static final long NOTE_NANOS = 6_000_000_000L;
    private static final int MAX_CHART_POINTS = 400;
    /** Test evaluations start at most this often, so that fast training is not taxed by them. */
    private static final long MIN_TEST_GAP_NANOS = 1_000_000_000L;

    /** -Dweightstudio.printStats=true prints the rates every half second (for benchmarks). */
    private static final boolean PRINT_STATS = Boolean.getBoolean("weightstudio.printStats");
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final StudioSettings settings;
    private final WindowOptions options;

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper loadingText = new ReadOnlyStringWrapper("Loading data...");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper epochs = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper samplesPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper picturesPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper testAccuracy = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyLongWrapper testAccuracyStep = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** True while the banner holds a passing note (a file saved) rather than a problem. */
    private final ReadOnlyBooleanWrapper messageIsNote = new ReadOnlyBooleanWrapper(false);
    private long noteUntilNanos;
    private final ReadOnlyObjectWrapper<ShownPicture> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper picturesDrawn = new ReadOnlyLongWrapper();
    private final ReadOnlyIntegerWrapper refreshInterval = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper pace = new ReadOnlyDoubleWrapper();
    private final ReadOnlyIntegerWrapper batchSize = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper learningRate = new ReadOnlyDoubleWrapper();
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper();
    private final BooleanProperty autoGrow = new SimpleBooleanProperty();
    private final ObjectProperty<ScaleMode> scaleMode = new SimpleObjectProperty<>(ScaleMode.SHARED);
    private final ObjectProperty<java.nio.file.Path> snapshotFolder = new SimpleObjectProperty<>();

    private final XYChart.Series<Number, Number> trainLoss = series("training loss (running)");
    private final XYChart.Series<Number, Number> testLoss = series("test loss");
    private final XYChart.Series<Number, Number> trainAccuracy = series("training accuracy (running)");
    private final XYChart.Series<Number, Number> testAccuracySeries = series("test accuracy");

    private final List<FrameListener> frameListeners = new ArrayList<>();
    private final List<Consumer<ShownPicture>> pictureListeners = new ArrayList<>();

    /** The live picture while the timeline shows a recorded one (null when showing live). */
    private ShownPicture live;
    private Dataset dataset;
    private TrainingSession session;
    private TestAccuracyWorker tester;
    private long lastTestStep = Long.MIN_VALUE;
    private long lastTestNanos;
    private long statsNanos;
    private long statsSamples;
    private long statsPictures;
    private long lastChartStep = -1;
    private boolean quitting;
    private int quitPulses;
    private Runnable onQuit = () -> { };
    private Consumer<String> onLoadFailed = message -> { };
    // -Dweightstudio.printStats: FX-thread CPU spent in pulse() and pulses counted since the last print
    private long pulseNanos;
    private long pulses;

    public StudioViewModel(StudioSettings settings, WindowOptions options) {
        this.settings = settings;
        this.options = options;
        refreshInterval.set(settings.refreshInterval);
        pace.set(settings.pace <= 0 ? Double.POSITIVE_INFINITY : settings.pace);
        batchSize.set(settings.batchSize);
        learningRate.set(settings.learningRate);
        seed.set(settings.seed);
        autoGrow.set(settings.autoGrow);
        scaleMode.set(ScaleMode.valueOf(settings.scaleMode));
        snapshotFolder.set(java.nio.file.Path.of(settings.snapshotFolder));
        autoGrow.addListener((o, was, on) -> {
            if (session != null) {
                session.setAutoGrow(on);
            }
        });
        scaleMode.addListener((o, was, mode) -> {
            ShownPicture s = shown.get();
            if (s != null) {
                shown.set(s.withScaleMode(mode));
            }
        });
    }

    // ---- start-up ----

    /** Loads the data set on a background task, then starts a paused session (or a running one with --autostart). */
    public Task<Dataset> loadInBackground(Supplier<Dataset> source) {
        Task<Dataset> task = new Task<>() {
            @Override
            protected Dataset call() {
                return source.get();
            }
        };
        task.setOnSucceeded(e -> start(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            String why = t instanceof org.weightstudio.common.BadInputException ? t.getMessage() : String.valueOf(t);
            loadingText.set("Cannot load the data: " + why);
            message.set(loadingText.get());
            onLoadFailed.accept(why);
        });
        Workers.start(task, "weight-studio-loader");
        return task;
    }

    /** Starts training on a loaded data set (the loader calls this; tests may call it directly). */
    public void start(Dataset data) {
        this.dataset = data;
        int batch = Math.min(batchSize.get(), data.train().size());
        batchSize.set(batch);
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(batch).withLearningRate(learningRate.get())
                .withSeed(seed.get()).withL2(settings.l2).withDecay(settings.decay);
        session = new TrainingSession(data.train(), data.classCount(), config, refreshInterval.get());
        session.setAutoGrow(autoGrow.get());
        session.control().setPace(pace.get());
        frameListeners.forEach(session::addFrameListener);
        tester = new TestAccuracyWorker(data.test(), this::testResult);
        if (options.quitAfterSteps() != null) {
            session.control().pauseAtStep(options.quitAfterSteps());
        }
        session.start();
        if (options.autostart()) {
            session.control().play();
        }
        loading.set(false);
    }

    /** What to do when a scripted run (--quit-after-steps) is done: the window writes the snapshot and exits. */
    public void setOnQuit(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    /** What to do when the data cannot be loaded (the window prints it; a scripted run exits). */
    public void setOnLoadFailed(Consumer<String> onLoadFailed) {
        this.onLoadFailed = onLoadFailed;
    }

    /** Shows a warning in the banner (for example a settings file that could not be used). */
    public void warn(String warning) {
        messageIsNote.set(false);
        message.set(warning);
    }

    /** Shows a passing note (a file saved, an export done) that clears itself after a few seconds. */
    public void inform(String note) {
        message.set(note);
        messageIsNote.set(true);
        noteUntilNanos = System.nanoTime() + NOTE_NANOS;
    }

    // ---- hooks for other consumers ----

    /**
     * Adds a consumer of every frame the trainer publishes (called on the trainer thread; see
     * {@link FrameListener}). Works before or after the data has loaded.
     */
    public void addFrameListener(FrameListener listener) {
        frameListeners.add(listener);
        if (session != null) {
            session.addFrameListener(listener);
        }
    }

    /** Adds a consumer of every picture the grid draws, called on the FX thread. */
    public void addPictureListener(Consumer<ShownPicture> listener) {
        pictureListeners.add(listener);
    }

    // ---- the pulse ----

    /** Called on every FX pulse: draws the newest frame if there is one, refreshes the counters. */
    public void pulse(long now) {
        if (session == null) {
            return;
        }
        long t0 = PRINT_STATS ? CPU.getCurrentThreadCpuTime() : 0;
        pulses++;
        try {
            pulseInner(now);
        } finally {
            if (PRINT_STATS) {
                pulseNanos += CPU.getCurrentThreadCpuTime() - t0;
            }
        }
    }

    private void pulseInner(long now) {
        PublishedFrame latest = session.frames().take();
        ShownPicture current = live != null ? live : shown.get();
        if (latest != null && (current == null || latest != current.frame())) {
            // a new frame ends a look at the timeline: its delta is against the live picture
            live = null;
            draw(latest, current);
        }
        step.set(session.step());
        epochs.set(session.epochs());
        running.set(session.control().isRunning());
        refreshInterval.set(session.refreshInterval());
        String problem = session.problem();
        if (problem != null) {
            warn(problem);
        } else if (messageIsNote.get() && System.nanoTime() - noteUntilNanos > 0) {
            message.set("");
            messageIsNote.set(false);
        }
        if (now - statsNanos >= STATS_PERIOD_NANOS) {
            updateRates(now);
        }
        ShownPicture s = shown.get();
        if (s != null && live == null && !running.get() && s.frame().step() != lastTestStep && s.frame().step() > 0) {
            evaluate(s.frame());
        }
        checkQuit();
    }

    private void draw(PublishedFrame latest, ShownPicture current) {
        PublishedFrame before = current == null ? null : current.frame();
        if (before != null && before.run() != latest.run()) {
            clearCharts();
        }
        float[] delta = latest.deltaSince(before, new float[latest.frame().weights().length]);
        long from = before != null && before.run() == latest.run() ? before.step() : latest.start().step();
        ShownPicture picture = new ShownPicture(latest, delta, from, scaleMode.get());
        shown.set(picture);
        picturesDrawn.set(picturesDrawn.get() + 1);
        for (Consumer<ShownPicture> l : pictureListeners) {
            l.accept(picture);
        }
        boolean due = latest.step() >= lastTestStep + settings.testEvery || lastTestStep > latest.step();
        if (due && System.nanoTime() - lastTestNanos >= MIN_TEST_GAP_NANOS) {
            evaluate(latest);
        }
    }

    private void evaluate(PublishedFrame f) {
        if (tester.evaluate(f.run(), f.frame())) {
            lastTestStep = f.step();
            lastTestNanos = System.nanoTime();
        }
    }

    private void updateRates(long now) {
        double seconds = (now - statsNanos) / 1e9;
        long samples = session.samples();
        if (statsNanos != 0) {
            samplesPerSecond.set((samples - statsSamples) / seconds);
            picturesPerSecond.set((picturesDrawn.get() - statsPictures) / seconds);
            if (PRINT_STATS) {
                System.out.printf(Locale.ROOT,
                        "stats step=%d refresh=%d samples_per_s=%.0f pictures_per_s=%.1f pulses=%d fx_cpu_ms=%.1f%n",
                        session.step(), session.refreshInterval(), samplesPerSecond.get(), picturesPerSecond.get(),
                        pulses, pulseNanos / 1e6);
                pulses = 0;
                pulseNanos = 0;
            }
        }
        statsNanos = now;
        statsSamples = samples;
        statsPictures = picturesDrawn.get();
        long s = session.step();
        if (s != lastChartStep && s > 0 && Double.isFinite(session.runningLoss())) {
            add(trainLoss, s, session.runningLoss());
            add(trainAccuracy, s, session.runningAccuracy());
            lastChartStep = s;
        }
    }

    private void testResult(TestAccuracyWorker.Result r) {
        ShownPicture s = shown.get();
        if (s == null || r.run() != s.frame().run()) {
            return;
        }
        testAccuracy.set(r.evaluation().accuracy());
        testAccuracyStep.set(r.step());
        add(testAccuracySeries, r.step(), r.evaluation().accuracy());
        add(testLoss, r.step(), r.evaluation().meanLoss());
    }

    private void checkQuit() {
        Long quitAt = options.quitAfterSteps();
        ShownPicture s = shown.get();
        if (quitAt != null && !quitting && s != null && s.frame().step() >= quitAt && !running.get()) {
            // a few pulses more, so that what is written is what has been on screen
            if (++quitPulses >= 3) {
                quitting = true;
                onQuit.run();
            }
        }
    }

    // ---- the timeline ----

    /**
     * Shows a recorded picture instead of the live one (the timeline while paused). The live
     * picture is kept and comes back with {@link #showLive()}, or by itself when a new frame
     * arrives (Play, Step, Reset).
     */
    public void showRecorded(ShownPicture recorded) {
        if (live == null) {
            live = shown.get();
        }
        shown.set(recorded.withScaleMode(scaleMode.get()));
    }

    /** Back to the live picture after {@link #showRecorded}. */
    public void showLive() {
        if (live != null) {
            ShownPicture l = live;
            live = null;
            shown.set(l.withScaleMode(scaleMode.get()));
        }
    }

    /** True while the timeline shows a recorded picture. */
    public boolean showingRecorded() {
        return live != null;
    }

    // ---- commands ----

    public void togglePlay() {
        if (session == null) {
            return;
        }
        if (session.control().isRunning()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (session != null) {
            message.set("");
            showLive();
            session.control().play();
            running.set(true);
        }
    }

    public void pause() {
        if (session != null) {
            session.control().pause();
            running.set(false);
        }
    }

    /** Exactly one update, then paused. */
    public void step() {
        if (session != null) {
            showLive();
            session.control().step(1);
            running.set(false);
        }
    }

    /** Exactly {@code n} updates (from a field), then paused. */
    public String stepN(String text) {
        Long n = parseLong(text);
        if (n == null || n < 1 || n > 1_000_000_000L) {
            return "Steps: \"" + text.strip() + "\" is not a whole number from 1 to 1,000,000,000";
        }
        if (session != null) {
            showLive();
            session.control().step(n);
            running.set(false);
        }
        return null;
    }

    /** Starts over with the seed shown: the same seed replays the same run. */
    public void reset() {
        if (session != null) {
            message.set("");
            lastTestStep = Long.MIN_VALUE;
            testAccuracy.set(Double.NaN);
            testAccuracyStep.set(-1);
            showLive();
            session.reset(seed.get());
        }
    }

    public String setRefreshInterval(String text) {
        Long k = parseLong(text);
        if (k == null || k < 1 || k > TrainingSession.MAX_REFRESH_INTERVAL) {
            return "Refresh interval: \"" + text.strip() + "\" is not a whole number from 1 to 10,000";
        }
        setRefreshInterval(k.intValue());
        return null;
    }

    public void setRefreshInterval(int k) {
        int clamped = Math.max(1, Math.min(TrainingSession.MAX_REFRESH_INTERVAL, k));
        refreshInterval.set(clamped);
        if (session != null) {
            session.setRefreshInterval(clamped);
        }
    }

    /** The + key: the next larger interval of 1, 2, 5, 10, 20, ... */
    public void increaseRefreshInterval() {
        int k = refreshInterval.get();
        for (int s : INTERVAL_STEPS) {
            if (s > k) {
                setRefreshInterval(s);
                return;
            }
        }
    }

    /** The - key: the next smaller interval. */
    public void decreaseRefreshInterval() {
        int k = refreshInterval.get();
        for (int i = INTERVAL_STEPS.length - 1; i >= 0; i--) {
            if (INTERVAL_STEPS[i] < k) {
                setRefreshInterval(INTERVAL_STEPS[i]);
                return;
            }
        }
    }

    /** Updates per second, 0.5 or more; infinity for unlimited. */
    public void setPace(double updatesPerSecond) {
        double p = Double.isInfinite(updatesPerSecond) ? updatesPerSecond : Math.max(0.5, updatesPerSecond);
        pace.set(p);
        if (session != null) {
            session.control().setPace(p);
        }
    }

    public String setLearningRate(String text) {
        Double lr = parseDouble(text);
        if (lr == null) {
            return "Learning rate: \"" + text.strip() + "\" is not a number";
        }
        if (!(lr > 0) || !Double.isFinite(lr)) {
            return "Learning rate must be greater than 0, got " + text.strip();
        }
        learningRate.set(lr);
        applyConfig();
        return null;
    }

    public String setBatchSize(String text) {
        Long n = parseLong(text);
        if (n == null || n < 1) {
            return "Batch size: \"" + text.strip() + "\" is not a whole number of at least 1";
        }
        if (dataset != null && n > dataset.train().size()) {
            return "Batch size " + n + " is larger than the " + dataset.train().size() + " training images";
        }
        batchSize.set(n.intValue());
        applyConfig();
        return null;
    }

    /** The seed of the next Reset. */
    public String setSeed(String text) {
        Long s = parseLong(text);
        if (s == null) {
            return "Seed: \"" + text.strip() + "\" is not a whole number";
        }
        seed.set(s);
        return null;
    }

    private void applyConfig() {
        if (session != null) {
            session.setConfig(session.config().withBatchSize(batchSize.get()).withLearningRate(learningRate.get()));
        }
    }

    // ---- shutting down ----

    /** The settings as they are now, with the given window size. */
    public StudioSettings currentSettings(double width, double height) {
        StudioSettings s = StudioSettings.defaults();
        s.refreshInterval = refreshInterval.get();
        s.autoGrow = autoGrow.get();
        s.pace = Double.isInfinite(pace.get()) ? 0 : pace.get();
        s.learningRate = learningRate.get();
        s.batchSize = batchSize.get();
        s.seed = seed.get();
        s.scaleMode = scaleMode.get().name();
        s.l2 = settings.l2;
        s.decay = settings.decay;
        s.testEvery = settings.testEvery;
        s.snapshotFolder = snapshotFolder.get().toString();
        s.historyFrames = settings.historyFrames;
        s.windowWidth = width;
        s.windowHeight = height;
        return s;
    }

    /** Stops the trainer thread (waiting for it) and the evaluator. */
    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        if (tester != null) {
            tester.close();
        }
    }

    // ---- read-only state ----

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadingTextProperty() {
        return loadingText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty samplesPerSecondProperty() {
        return samplesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty picturesPerSecondProperty() {
        return picturesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty testAccuracyProperty() {
        return testAccuracy.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty testAccuracyStepProperty() {
        return testAccuracyStep.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsNoteProperty() {
        return messageIsNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The picture on screen now: frame, delta and scale (for a Snapshot button). */
    public ReadOnlyObjectProperty<ShownPicture> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty picturesDrawnProperty() {
        return picturesDrawn.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty refreshIntervalProperty() {
        return refreshInterval.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty paceProperty() {
        return pace.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty batchSizeProperty() {
        return batchSize.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty learningRateProperty() {
        return learningRate.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty seedProperty() {
        return seed.getReadOnlyProperty();
    }

    public BooleanProperty autoGrowProperty() {
        return autoGrow;
    }

    public ObjectProperty<ScaleMode> scaleModeProperty() {
        return scaleMode;
    }

    /** Where snapshots are saved. */
    public ObjectProperty<java.nio.file.Path> snapshotFolderProperty() {
        return snapshotFolder;
    }

    /** Frames the timeline keeps. */
    public int historyFrames() {
        return settings.historyFrames;
    }

    public List<XYChart.Series<Number, Number>> lossSeries() {
        return List.of(trainLoss, testLoss);
    }

    public List<XYChart.Series<Number, Number>> accuracySeries() {
        return List.of(trainAccuracy, testAccuracySeries);
    }

    /** The session, once the data has loaded (null before). */
    public TrainingSession session() {
        return session;
    }

    public Dataset dataset() {
        return dataset;
    }

    public WindowOptions options() {
        return options;
    }

    // ---- helpers ----

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /** Adds a point; past the limit, drops every other point so the chart stays cheap to draw. */
    private static void add(XYChart.Series<Number, Number> s, long x, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        var data = s.getData();
        if (data.size() >= MAX_CHART_POINTS) {
            List<XYChart.Data<Number, Number>> kept = new ArrayList<>();
            for (int i = 0; i < data.size(); i += 2) {
                kept.add(data.get(i));
            }
            data.setAll(kept);
        }
        data.add(new XYChart.Data<>(x, y));
    }

    private void clearCharts() {
        for (XYChart.Series<Number, Number> s : List.of(trainLoss, testLoss, trainAccuracy, testAccuracySeries)) {
            s.getData().clear();
        }
        lastChartStep = -1;
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
