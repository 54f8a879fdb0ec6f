package org.weightstudio.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.weightstudio.common.BadInputException;
import org.weightstudio.data.Dataset;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.training.PublishedFrame;
import org.weightstudio.training.TrainingSession;
import org.weightstudio.ui.work.Workers;

/**
 * The window's view-models, put together: the {@link HyperParametersForm form}, the
 * {@link TrainingViewModel training} state and commands, the {@link PictureViewModel picture}
 * shown, the {@link ChartsViewModel charts}, the {@link TestScheduler test evaluations}, the
 * {@link BannerViewModel banner} and the {@link ScriptedRun scripted run}. This facade loads the
 * data, starts the session, and on each pulse ({@link #pulse(long)}) moves the newest frame and
 * counters from the session into them, in that order. FX thread only.
 */
public final class StudioViewModel implements AutoCloseable {
    /**
     * At most this many new pictures a second. Each costs the FX thread, the renderer and the X
     * server more than the trainer spends on hundreds of updates, and the eye gains nothing past
     * this rate; frames in between are not lost, the delta of the next picture covers them.
     */
    static final double MAX_PICTURES_PER_SECOND = 25;
    /** While training runs unlimited, at least one picture a second however busy the machine. */
    private static final long MAX_PICTURE_GAP_NANOS = 1_000_000_000L;
    private static final long BUDGET_PERIOD_NANOS = 500_000_000L;
    /**
     * While the trainer runs flat out, the window changes only on ticks this far apart (the
     * counters' period then), or as far apart as pictures if that is less: the counters, the
     * rates, a picture when one is due and the chart points held since the last picture change
     * in the same pulse. Every pulse that changes anything costs the FX thread a CSS and layout
     * pass and the renderer a repaint; with each on its own clock that came to eleven such pulses
     * a second at refresh 10, now four.
     */
    static final long TRAINER_BOUND_TICK_NANOS = TrainingViewModel.COUNTERS_PERIOD_TRAINER_BOUND_NANOS;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private final BannerViewModel banner = new BannerViewModel();
    private final ChartsViewModel charts = new ChartsViewModel();
    private final HyperParametersForm form;
    private final PictureViewModel picture;
    private final TestScheduler tests;
    private final TrainingViewModel training;
    private final ScriptedRun script;
    private final ModelsViewModel models;
    private final WindowOptions options;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper loadingText = new ReadOnlyStringWrapper("Loading data...");
    private Consumer<String> onLoadFailed = why -> { };
    private Dataset dataset;
    private final PictureBudget pictures = new PictureBudget((long) (1e9 / MAX_PICTURES_PER_SECOND),
            MAX_PICTURE_GAP_NANOS);
    private long budgetNanos;
    private long tickNanos;
    /** The session whose trainer ran flat out at the last pulse, else null. */
    private volatile TrainingSession boundSession;

    public StudioViewModel(StudioSettings settings, WindowOptions options) {
        this.options = options;
        this.form = new HyperParametersForm(settings, options);
        this.picture = new PictureViewModel(form.scaleModeProperty());
        this.tests = new TestScheduler(form.testEvery(), charts);
        this.training = new TrainingViewModel(form, picture, tests, banner, charts);
        this.script = new ScriptedRun(options);
        ModelKind start = options.model() != null ? ModelKind.of(options.model()) : ModelKind.of(settings.model);
        this.models = new ModelsViewModel(start, settings.hidden);
    }

    // ---- start-up ----

    /** Loads the data set on a background task, then starts the session (playing unless --paused). */
    public Task<Dataset> loadInBackground(Supplier<Dataset> source) {
        return Workers.run("weight-studio-loader", source::get, this::start, failure -> {
            String why = failure instanceof BadInputException ? failure.getMessage() : String.valueOf(failure);
            loadingText.set("Cannot load the data: " + why);
            banner.warn(loadingText.get());
            onLoadFailed.accept(why);
        });
    }

    /** Starts training on a loaded data set (the loader calls this; tests may call it directly). */
    public void start(Dataset data) {
        this.dataset = data;
        form.config(data.train().size());
        form.setImagePixels(data.train().imageSize());
        ModelSlot slot = makeSlot(models.selectedProperty().get());
        TrainingSession session = slot.session();
        form.attach(session);
        training.begin(session);
        tests.start(data.test());
        tests.switchTo(slot.architecture());
        script.begin(session);
        if (script.playsAtStart()) {
            training.playWhenShown();
        }
        loading.set(false);
    }

    /** What to do when a scripted run (--quit-after-steps) is done: the window writes the snapshot and exits. */
    public void setOnQuit(Runnable onQuit) {
        script.setOnQuit(onQuit);
    }

    /** What to do when the data cannot be loaded (the window prints it; a scripted run exits). */
    public void setOnLoadFailed(Consumer<String> onLoadFailed) {
        this.onLoadFailed = onLoadFailed;
    }

    // ---- the models ----

    /** A new model of {@code kind}, its trainer thread started (paused). */
    private ModelSlot makeSlot(ModelKind kind) {
        var train = dataset.train();
        var architecture = kind.architecture(train.rows(), train.cols(), dataset.classCount(),
                models.hiddenProperty().get());
        TrainingSession session = new TrainingSession(train, dataset.classCount(),
                kind.startConfig(form.oneLayerConfig(train.size())).withAugmentation(form.savedAugmentation(kind.id)),
                form.refreshIntervalProperty().get(), architecture);
        ModelSlot slot = new ModelSlot(kind, architecture, session, form.historyFrames(), form.historyBudgetBytes());
        models.put(slot);
        session.start();
        return slot;
    }

    /**
     * Shows model {@code kind}, making it if it is new. The model shown before keeps its weights,
     * timeline, charts and last picture; it pauses while hidden (no training the user cannot see)
     * and resumes when shown again if it was training when the user left it.
     */
    public void select(ModelKind kind) {
        if (dataset == null) {
            models.setSelected(kind);
            return;
        }
        ModelSlot before = models.current();
        if (before != null && before.kind() == kind) {
            return;
        }
        if (before != null) {
            before.resumeWhenShown = before.session().control().isRunning();
            before.session().control().pause();
            before.picture = picture.live();
            before.charts = charts.save();
        }
        ModelSlot after = models.slot(kind);
        boolean fresh = after == null;
        if (fresh) {
            after = makeSlot(kind);
        }
        models.setSelected(kind);
        training.switchTo(after.session(), fresh);
        form.attach(after.session());
        tests.switchTo(after.architecture());
        charts.restore(after.charts);
        picture.switchTo(after.picture);
        if (after.resumeWhenShown) {
            after.resumeWhenShown = false;
            training.play();
        }
    }

    /** A new MLP of {@code h} hidden units in place of the old one (shown if the MLP is shown). */
    public void setHidden(int h) {
        if (h == models.hiddenProperty().get()) {
            return;
        }
        models.setHidden(h);
        if (dataset == null || models.slot(ModelKind.MLP) == null) {
            return;
        }
        boolean shown = models.selectedProperty().get() == ModelKind.MLP;
        if (shown) {
            select(ModelKind.ONE_LAYER);
        }
        models.remove(ModelKind.MLP);
        if (shown) {
            select(ModelKind.MLP);
        }
    }

    // ---- the pulse ----

    /**
     * Called on every FX pulse: draws the newest frame if there is one, refreshes the counters.
     * Returns how long (nanoseconds) the window may wait for the next call: 0 (the next pulse)
     * unless the trainer runs flat out, when nothing changes before the next tick.
     */
    public long pulse(long now) {
        TrainingSession session = training.session();
        if (session == null) {
            return 0;
        }
        training.timePulse(() -> pulse(session, now));
        boolean bound = trainerBound(session);
        boundSession = bound ? session : null;
        return bound ? tickNanos + tickPeriod() - now : 0;
    }

    /**
     * Whether the trainer still runs flat out, as it did at the last pulse (any thread: the
     * {@link PulseDriver} asks while it waits).
     */
    public boolean trainerStillBound() {
        TrainingSession s = boundSession;
        return s != null && trainerBound(s);
    }

    private static boolean trainerBound(TrainingSession session) {
        return session.control().isRunning() && Double.isInfinite(session.control().pace());
    }

    /** Ticks while the trainer runs flat out: the counters' period, or the picture gap if shorter. */
    private long tickPeriod() {
        return Math.min(TRAINER_BOUND_TICK_NANOS, pictures.gapNanos());
    }

    private void pulse(TrainingSession session, long now) {
        boolean trainerBound = trainerBound(session);
        pictures.trainerBound(trainerBound);
        charts.hold(trainerBound);
        if (now - budgetNanos >= BUDGET_PERIOD_NANOS) {
            budgetNanos = now;
            pictures.measure(OS.getProcessCpuTime(), session.threadCpuNanos(), trainerBound, session.refreshInterval());
        }
        if (trainerBound && now - tickNanos < tickPeriod()) {
            return;
        }
        tickNanos = now;
        // Not taking a frame also tells the trainer to stop copying frames nobody will see.
        PublishedFrame latest = pictures.due(now) ? session.frames().take() : null;
        if (picture.isNew(latest)) {
            pictures.drawn(now);
            ShownPicture before = picture.live();
            if (before != null && before.frame().run() != latest.run()) {
                charts.clear();
            }
            tests.pictureDrawn(picture.draw(latest).frame(), trainerBound);
            charts.flush();
        }
        training.refresh(now, trainerBound);
        form.showRefreshInterval(session.refreshInterval());
        String problem = session.problem();
        if (problem != null) {
            banner.warn(problem);
        } else {
            banner.expireNote(System.nanoTime());
        }
        ShownPicture shown = picture.shownProperty().get();
        boolean running = training.runningProperty().get();
        if (shown != null && !picture.showingRecorded() && !running && session.control().isIdle()) {
            tests.paused(shown.frame());
        }
        script.check(shown, running);
    }

    // ---- shutting down ----

    /** The settings as they are now, with the given window size. */
    public StudioSettings currentSettings(double width, double height) {
        StudioSettings s = form.currentSettings(width, height);
        s.model = models.selectedProperty().get().id;
        s.hidden = models.hiddenProperty().get();
        s.augment = augmentedModels();
        // the form shows the model on screen; the batch size, rate, L2 and decay saved are the one-layer net's
        ModelSlot oneLayer = models.slot(ModelKind.ONE_LAYER);
        if (oneLayer != null) {
            s.batchSize = oneLayer.session().config().batchSize();
            s.learningRate = oneLayer.session().config().learningRate();
            s.l2 = oneLayer.session().config().l2();
            s.decay = oneLayer.session().config().decay();
        } else if (dataset != null) {
            s.batchSize = form.savedBatchSize();
            s.learningRate = form.savedLearningRate();
            s.l2 = form.savedL2();
            s.decay = form.savedDecay();
        }
        return s;
    }

    /** The ids of the models that augment: as each one's trainer is set, or as saved for a model not made. */
    private String[] augmentedModels() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            ModelSlot slot = models.slot(kind);
            boolean on = slot != null ? !slot.session().config().augmentation().isOff() : form.savedAugments(kind.id);
            if (on) {
                ids.add(kind.id);
            }
        }
        return ids.toArray(String[]::new);
    }

    /** Stops the trainer thread (waiting for it) and the evaluator. */
    @Override
    public void close() {
        models.close();
        tests.close();
    }

    // ---- the parts ----

    public HyperParametersForm form() {
        return form;
    }

    public ModelsViewModel models() {
        return models;
    }

    public TrainingViewModel training() {
        return training;
    }

    public PictureViewModel picture() {
        return picture;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public TestScheduler tests() {
        return tests;
    }

    public BannerViewModel banner() {
        return banner;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadingTextProperty() {
        return loadingText.getReadOnlyProperty();
    }

    /** The session, once the data has loaded (null before). */
    public TrainingSession session() {
        return training.session();
    }

    public Dataset dataset() {
        return dataset;
    }

    public WindowOptions options() {
        return options;
    }
}
