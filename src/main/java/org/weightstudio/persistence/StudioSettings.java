package org.weightstudio.persistence;

import org.weightstudio.training.Pace;
import org.weightstudio.training.TrainingConfig;

/**
 * The window's settings as stored in {@code settings.json} (a Gson DTO: plain fields, no live
 * objects). Values of the wrong type or outside their range are replaced by defaults on load, one
 * by one, so a file edited by hand keeps whatever is still sensible. A field missing from an older
 * file keeps its default, so new settings need no format change.
 *
 * <p>The training settings default to {@link TrainingConfig#defaults()}, the same values
 * {@code weight-studio train} uses with no flags.
 */
public final class StudioSettings {
    public static final int FORMAT_VERSION = 1;
    /** Larger batches would allocate work matrices of hundreds of megabytes. */
    public static final int MAX_BATCH = 10_000;
    /** The models of the window, as {@link #model} and {@link #augment} name them. */
    private static final String[] MODELS = {"softmax", "mlp", "cnn"};

    public int formatVersion = FORMAT_VERSION;
    public int refreshInterval = 1;
    public boolean autoGrow = false;
    /**
     * Updates per second; 0 means unlimited (JSON has no infinity) and -1 the time-lapse, the
     * default of a fresh window (slow at first, full speed after an epoch). A file saved before
     * the time-lapse existed keeps its pace.
     */
    public double pace = Pace.TIME_LAPSE_SETTING;
    public double learningRate = TrainingConfig.DEFAULT_LEARNING_RATE;
    public int batchSize = TrainingConfig.DEFAULT_BATCH;
    public long seed = TrainingConfig.DEFAULT_SEED;
    /** L2 weight decay (0 = off). */
    public double l2 = TrainingConfig.DEFAULT_L2;
    /** Learning-rate decay per epoch: lr / (1 + decay * epochs) (0 = constant). */
    public double decay = TrainingConfig.DEFAULT_DECAY;
    /**
     * "SHARED", "PER_TILE" or "ROBUST" (the 99.5th percentile of |w| per row: reads better than
     * the maximum after a few epochs, see docs/defaults.md).
     */
    public String scaleMode = "ROBUST";
    /** Evaluate test accuracy every this many updates. */
    public int testEvery = 5000;
    /** Where the Snapshot button and the S key save pictures (relative to the working folder). */
    public String snapshotFolder = "snapshots";
    /**
     * Frames the timeline keeps at most (about 31 KB each for 10 x 784 weights); past this, or
     * past the memory budget, older frames are thinned to a log-spaced subset.
     */
    public int historyFrames = 2000;
    /** The model the window shows: "softmax" (the one-layer net), "mlp" or "cnn". */
    public String model = "softmax";
    /** Hidden units of the window's MLP (16 to 256). */
    public int hidden = 64;
    /**
     * The models that train on augmented images (the window's "Augment" box, with the default
     * ranges of {@code Augmentation.DEFAULTS}): any of "softmax", "mlp", "cnn"; none by default.
     */
    public String[] augment = {};
    /** The timeline's memory budget, in percent of the maximum heap. */
    public int historyHeapPercent = 25;
    /** The window's size; a fresh window asks for 1600x1000 (the size the grid is laid out for), less on a smaller screen. */
    public double windowWidth = 1600;
    public double windowHeight = 1000;

    public static StudioSettings defaults() {
        return new StudioSettings();
    }

    /**
     * Replaces every out-of-range value by its default, one by one, and returns the names of the
     * fields replaced with the value that was refused (for a one-line warning).
     */
    java.util.List<String> sanitize() {
        StudioSettings d = defaults();
        java.util.List<String> refused = new java.util.ArrayList<>();
        formatVersion = FORMAT_VERSION;
        if (refreshInterval < 1 || refreshInterval > 10_000) {
            refused.add("refreshInterval " + refreshInterval);
            refreshInterval = d.refreshInterval;
        }
        if (!(pace == 0 || pace == Pace.TIME_LAPSE_SETTING || (pace >= 0.5 && pace <= 1e9))) {
            refused.add("pace " + pace);
            pace = d.pace;
        }
        if (!(learningRate > 0 && learningRate <= 1e6)) {
            refused.add("learningRate " + learningRate);
            learningRate = d.learningRate;
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            refused.add("batchSize " + batchSize);
            batchSize = d.batchSize;
        }
        if (!(l2 >= 0 && l2 <= 1e6)) {
            refused.add("l2 " + l2);
            l2 = d.l2;
        }
        if (!(decay >= 0 && decay <= 1e6)) {
            refused.add("decay " + decay);
            decay = d.decay;
        }
        if (!java.util.Set.of("SHARED", "PER_TILE", "ROBUST").contains(scaleMode)) {
            refused.add("scaleMode " + quoted(scaleMode));
            scaleMode = d.scaleMode;
        }
        if (testEvery < 1) {
            refused.add("testEvery " + testEvery);
            testEvery = d.testEvery;
        }
        if (!isUsablePath(snapshotFolder)) {
            refused.add("snapshotFolder " + quoted(snapshotFolder));
            snapshotFolder = d.snapshotFolder;
        }
        if (historyFrames < 2 || historyFrames > 100_000) {
            refused.add("historyFrames " + historyFrames);
            historyFrames = d.historyFrames;
        }
        if (!java.util.Arrays.asList(MODELS).contains(model)) {
            refused.add("model " + quoted(model));
            model = d.model;
        }
        if (!areModelIds(augment)) {
            refused.add("augment " + (augment == null ? "null" : new com.google.gson.Gson().toJson(augment)));
            augment = d.augment;
        }
        if (hidden < 16 || hidden > 256) {
            refused.add("hidden " + hidden);
            hidden = d.hidden;
        }
        if (historyHeapPercent < 5 || historyHeapPercent > 50) {
            refused.add("historyHeapPercent " + historyHeapPercent);
            historyHeapPercent = d.historyHeapPercent;
        }
        if (!(windowWidth >= 400 && windowWidth <= 10_000)) {
            refused.add("windowWidth " + windowWidth);
            windowWidth = d.windowWidth;
        }
        if (!(windowHeight >= 300 && windowHeight <= 10_000)) {
            refused.add("windowHeight " + windowHeight);
            windowHeight = d.windowHeight;
        }
        return refused;
    }

    /** This object with every out-of-range value replaced by its default; returns this. */
    StudioSettings sanitized() {
        sanitize();
        return this;
    }

    /** Each a model id ({@link #MODELS}), none twice. */
    private static boolean areModelIds(String[] ids) {
        if (ids == null) {
            return false;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String id : ids) {
            if (!java.util.Arrays.asList(MODELS).contains(id) || !seen.add(id)) {
                return false;
            }
        }
        return true;
    }

    /** A folder name the window can use: not blank, no NUL or other control characters, a valid path. */
    private static boolean isUsablePath(String folder) {
        if (folder == null || folder.isBlank() || folder.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        try {
            java.nio.file.Path.of(folder);
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** {@code text} as a JSON string, so a control character shows as an escape, never raw. */
    private static String quoted(String text) {
        return text == null ? "null" : new com.google.gson.JsonPrimitive(text).toString();
    }
}
