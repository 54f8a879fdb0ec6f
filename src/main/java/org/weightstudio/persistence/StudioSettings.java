package org.weightstudio.persistence;

import org.weightstudio.training.TrainingConfig;

/**
 * The window's settings as stored in {@code settings.json} (a Gson DTO: plain fields, no live
 * objects). Values outside their range are replaced by defaults on load, one by one, so a file
 * edited by hand keeps whatever is still sensible. A field missing from an older file keeps its
 * default (Gson leaves the initialiser's value), so new settings need no format change.
 *
 * <p>The training settings default to {@link TrainingConfig#defaults()}, the same values
 * {@code weight-studio train} uses with no flags.
 */
public final class StudioSettings {
    public static final int FORMAT_VERSION = 1;

    public int formatVersion = FORMAT_VERSION;
    public int refreshInterval = 1;
    public boolean autoGrow = false;
    /** Updates per second; 0 means unlimited (JSON has no infinity). */
    public double pace = 0;
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
    /** Frames the timeline keeps (the newest); about 31 KB each for 10 x 784 weights. */
    public int historyFrames = 2000;
    public double windowWidth = 1500;
    public double windowHeight = 900;

    public static StudioSettings defaults() {
        return new StudioSettings();
    }

    /** This object with every out-of-range value replaced by its default; returns this. */
    StudioSettings sanitized() {
        StudioSettings d = defaults();
        formatVersion = FORMAT_VERSION;
        if (refreshInterval < 1 || refreshInterval > 10_000) {
            refreshInterval = d.refreshInterval;
        }
        if (!(pace == 0 || (pace >= 0.5 && Double.isFinite(pace)))) {
            pace = d.pace;
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            learningRate = d.learningRate;
        }
        if (batchSize < 1) {
            batchSize = d.batchSize;
        }
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            l2 = d.l2;
        }
        if (!(decay >= 0) || !Double.isFinite(decay)) {
            decay = d.decay;
        }
        if (!java.util.Set.of("SHARED", "PER_TILE", "ROBUST").contains(scaleMode)) {
            scaleMode = d.scaleMode;
        }
        if (testEvery < 1) {
            testEvery = d.testEvery;
        }
        if (snapshotFolder == null || snapshotFolder.isBlank()) {
            snapshotFolder = d.snapshotFolder;
        }
        if (historyFrames < 1 || historyFrames > 100_000) {
            historyFrames = d.historyFrames;
        }
        if (!(windowWidth >= 400 && windowWidth <= 10_000)) {
            windowWidth = d.windowWidth;
        }
        if (!(windowHeight >= 300 && windowHeight <= 10_000)) {
            windowHeight = d.windowHeight;
        }
        return this;
    }
}
