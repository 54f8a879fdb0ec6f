package org.weightstudio.ui;

import java.nio.file.Path;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.weightstudio.data.Augmentation;
import org.weightstudio.data.SparseImages;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.Pace;
import org.weightstudio.training.RefreshSteps;
import org.weightstudio.training.TrainingConfig;
import org.weightstudio.training.TrainingSession;

/**
 * The settings a person edits: refresh interval, pace, batch size, learning rate, augmentation,
 * seed, auto-grow, colour scale and snapshot folder. Starts from the saved settings; a change applies
 * to the running session at once (the seed at the next Reset). Setters that take text from a
 * field return null when accepted, or the message to show beside the field. FX thread only.
 */
public final class HyperParametersForm {
    private final StudioSettings saved;
    private final ReadOnlyIntegerWrapper refreshInterval = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Pace> pace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper batchSize = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper learningRate = new ReadOnlyDoubleWrapper();
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper l2 = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper decay = new ReadOnlyDoubleWrapper();
    /** Whether the model shown trains on augmented images (the default ranges, {@link Augmentation#DEFAULTS}). */
    private final ReadOnlyBooleanWrapper augment = new ReadOnlyBooleanWrapper();
    private final BooleanProperty autoGrow = new SimpleBooleanProperty();
    private final ObjectProperty<ScaleMode> scaleMode = new SimpleObjectProperty<>(ScaleMode.SHARED);
    private final ObjectProperty<Path> snapshotFolder = new SimpleObjectProperty<>();
    private TrainingSession session;
    /** Training images in the data set, the largest batch (0 until the data has loaded). */
    private int trainingImages;
    /** Pixels of one training image (0 until the data has loaded): the augmenter takes up to 65,536. */
    private int imagePixels;

    /** The saved settings, with the window options (--pace, --refresh) over them. */
    HyperParametersForm(StudioSettings settings, WindowOptions options) {
        this.saved = settings;
        refreshInterval.set(options.refresh() != null ? options.refresh() : settings.refreshInterval);
        pace.set(options.pace() != null ? options.pace() : Pace.fromSetting(settings.pace));
        batchSize.set(settings.batchSize);
        learningRate.set(settings.learningRate);
        seed.set(settings.seed);
        l2.set(settings.l2);
        decay.set(settings.decay);
        autoGrow.set(settings.autoGrow);
        scaleMode.set(ScaleMode.valueOf(settings.scaleMode));
        snapshotFolder.set(Path.of(settings.snapshotFolder));
        autoGrow.addListener((o, was, on) -> {
            if (session != null) {
                session.setAutoGrow(on);
            }
        });
    }

    /** The training settings of a new session on {@code images} training images (batch capped to them). */
    TrainingConfig config(int images) {
        trainingImages = images;
        batchSize.set(Math.min(batchSize.get(), images));
        return TrainingConfig.defaults().withBatchSize(batchSize.get()).withLearningRate(learningRate.get())
                .withSeed(seed.get()).withL2(l2.get()).withDecay(decay.get());
    }

    /**
     * The one-layer net's settings for a new session: the batch size and learning rate of the
     * settings file (the form may show another model's), the seed of the form.
     */
    TrainingConfig oneLayerConfig(int images) {
        trainingImages = images;
        // L2 and decay as the form shows them until a model is attached (edits made while the data
        // loaded count); afterwards the form shows that model's, so the saved ones are the one-layer net's
        boolean formIsOwn = session == null;
        return TrainingConfig.defaults().withBatchSize(Math.min(saved.batchSize, images))
                .withLearningRate(saved.learningRate).withSeed(seed.get())
                .withL2(formIsOwn ? l2.get() : saved.l2).withDecay(formIsOwn ? decay.get() : saved.decay);
    }

    /** Pixels of one training image, once the data has loaded (augmentation has a limit). */
    void setImagePixels(int pixels) {
        imagePixels = pixels;
    }

    /**
     * The augmentation a new model with settings id {@code modelId} ("softmax", "mlp", "cnn")
     * starts with: the default ranges if the settings file lists it under "augment".
     */
    Augmentation savedAugmentation(String modelId) {
        return augmentation(savedAugments(modelId));
    }

    /** Whether the settings file lists model {@code modelId} under "augment". */
    boolean savedAugments(String modelId) {
        return saved.augment != null && java.util.Arrays.asList(saved.augment).contains(modelId);
    }

    private static Augmentation augmentation(boolean on) {
        return on ? Augmentation.DEFAULTS : Augmentation.OFF;
    }

    /** From now on, changes apply to {@code s}; it gets the form's pace and auto-grow now. */
    void attach(TrainingSession s) {
        this.session = s;
        // each model keeps its own batch size, learning rate, L2, decay and augmentation: the fields
        // show this one's (and a change sends them back to it, not another model's)
        batchSize.set(s.config().batchSize());
        learningRate.set(s.config().learningRate());
        l2.set(s.config().l2());
        decay.set(s.config().decay());
        augment.set(!s.config().augmentation().isOff());
        s.setAutoGrow(autoGrow.get());
        s.setPace(pace.get());
    }

    /** The session's refresh interval, which auto-grow raises by itself. */
    void showRefreshInterval(int k) {
        refreshInterval.set(k);
    }

    public String setRefreshInterval(String text) {
        Long k = Parse.wholeNumber(text);
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
        setRefreshInterval(RefreshSteps.above(refreshInterval.get()));
    }

    /** The - key: the next smaller interval. */
    public void decreaseRefreshInterval() {
        setRefreshInterval(RefreshSteps.below(refreshInterval.get()));
    }

    /** Updates per second, 0.5 or more; infinity for unlimited. */
    public void setPace(double updatesPerSecond) {
        setPace(Pace.fixed(Double.isInfinite(updatesPerSecond) ? updatesPerSecond
                : Math.max(Pace.MIN_RATE, updatesPerSecond)));
    }

    /** A fixed rate, unlimited or the time-lapse (which then sets the refresh interval itself). */
    public void setPace(Pace p) {
        pace.set(p);
        if (session != null) {
            session.setPace(p);
        }
    }

    public String setLearningRate(String text) {
        Double lr = Parse.number(text);
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
        Long n = Parse.wholeNumber(text);
        if (n == null || n < 1) {
            return "Batch size: \"" + text.strip() + "\" is not a whole number of at least 1";
        }
        if (trainingImages > 0 && n > trainingImages) {
            return "Batch size " + n + " is larger than the " + trainingImages + " training images";
        }
        batchSize.set(n.intValue());
        applyConfig();
        return null;
    }

    /**
     * Augmentation on or off for the model shown; applies from the next update, as the batch size
     * and learning rate do (the weights are kept; Reset then replays the run augmented). Returns
     * null, or why it cannot be on.
     */
    public String setAugment(boolean on) {
        if (on && imagePixels > SparseImages.MAX_NARROW_PIXELS) {
            return "Augment takes images of up to " + SparseImages.MAX_NARROW_PIXELS + " pixels; these have "
                    + imagePixels;
        }
        augment.set(on);
        applyConfig();
        return null;
    }

    /** L2 weight decay, 0 or more; applies at once. */
    public String setL2(String text) {
        Double v = Parse.number(text);
        if (v == null || !(v >= 0) || !Double.isFinite(v)) {
            return "L2: \"" + text.strip() + "\" is not a number of 0 or more";
        }
        l2.set(v);
        applyConfig();
        return null;
    }

    /** Learning-rate decay per epoch, 0 or more; applies at once. */
    public String setDecay(String text) {
        Double v = Parse.number(text);
        if (v == null || !(v >= 0) || !Double.isFinite(v)) {
            return "Decay: \"" + text.strip() + "\" is not a number of 0 or more";
        }
        decay.set(v);
        applyConfig();
        return null;
    }

    /** The seed of the next Reset. */
    public String setSeed(String text) {
        Long s = Parse.wholeNumber(text);
        if (s == null) {
            return "Seed: \"" + text.strip() + "\" is not a whole number";
        }
        seed.set(s);
        return null;
    }

    private void applyConfig() {
        if (session != null) {
            session.setConfig(session.config().withBatchSize(batchSize.get()).withLearningRate(learningRate.get())
                    .withL2(l2.get()).withDecay(decay.get()).withAugmentation(augmentation(augment.get())));
        }
    }

    /** The settings as they are now, with the given window size. */
    StudioSettings currentSettings(double width, double height) {
        StudioSettings s = StudioSettings.defaults();
        s.refreshInterval = refreshInterval.get();
        s.autoGrow = autoGrow.get();
        s.pace = pace.get().toSetting();
        s.learningRate = learningRate.get();
        s.batchSize = batchSize.get();
        s.seed = seed.get();
        s.scaleMode = scaleMode.get().name();
        s.l2 = l2.get();
        s.decay = decay.get();
        s.testEvery = saved.testEvery;
        s.snapshotFolder = snapshotFolder.get().toString();
        s.historyFrames = saved.historyFrames;
        s.historyHeapPercent = saved.historyHeapPercent;
        s.windowWidth = width;
        s.windowHeight = height;
        return s;
    }

    public ReadOnlyIntegerProperty refreshIntervalProperty() {
        return refreshInterval.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Pace> paceProperty() {
        return pace.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty batchSizeProperty() {
        return batchSize.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty learningRateProperty() {
        return learningRate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty augmentProperty() {
        return augment.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty l2Property() {
        return l2.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty decayProperty() {
        return decay.getReadOnlyProperty();
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
    public ObjectProperty<Path> snapshotFolderProperty() {
        return snapshotFolder;
    }

    /** Frames the timeline keeps. */
    /** The batch size the settings file gave (the one-layer net's). */
    int savedBatchSize() {
        return saved.batchSize;
    }

    double savedLearningRate() {
        return saved.learningRate;
    }

    double savedL2() {
        return saved.l2;
    }

    double savedDecay() {
        return saved.decay;
    }

    public int historyFrames() {
        return saved.historyFrames;
    }

    /** The timeline's memory budget: its share of the maximum heap. */
    public long historyBudgetBytes() {
        return org.weightstudio.training.FrameHistory.heapShare(saved.historyHeapPercent);
    }

    /** Evaluate the test set every this many updates. */
    int testEvery() {
        return saved.testEvery;
    }
}
