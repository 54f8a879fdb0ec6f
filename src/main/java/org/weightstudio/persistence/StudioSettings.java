package org.weightstudio.persistence;

import org.weightstudio.training.Pace;

/**
 * The window's settings as stored in {@code settings.json} (a Gson DTO: plain fields, no live
 * objects). Values outside their range are replaced by defaults on load, one by one, so a file
 * edited by hand keeps whatever is still sensible.
 */
public final class StudioSettings {
    public static final int FORMAT_VERSION = 1;

    public int formatVersion = FORMAT_VERSION;
    public int refreshInterval = 1;
    public boolean autoGrow = false;
    /**
     * Updates per second; 0 means unlimited (JSON has no infinity) and -1 the time-lapse, the
     * default of a fresh window (slow at first, full speed after an epoch). A file saved before
     * the time-lapse existed keeps its pace.
     */
    public double pace = Pace.TIME_LAPSE_SETTING;
    public double learningRate = 0.05;
    public int batchSize = 2;
    public long seed = 42;
    /** "SHARED" or "PER_TILE". */
    public String scaleMode = "SHARED";
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
        if (!(pace == 0 || pace == Pace.TIME_LAPSE_SETTING || (pace >= 0.5 && Double.isFinite(pace)))) {
            pace = d.pace;
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            learningRate = d.learningRate;
        }
        if (batchSize < 1) {
            batchSize = d.batchSize;
        }
        if (!"SHARED".equals(scaleMode) && !"PER_TILE".equals(scaleMode)) {
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
