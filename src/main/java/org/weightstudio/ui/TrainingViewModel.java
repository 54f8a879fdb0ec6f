package org.weightstudio.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.weightstudio.training.FrameListener;
import org.weightstudio.training.TrainingSession;

/**
 * Training state and commands: the session (once the data has loaded), Play, Pause, Step,
 * Step N and Reset, and the counters the status bar shows (step, epochs, samples and pictures
 * per second). The trainer thread is reached only through the session; its progress is pulled
 * on each pulse ({@link #refresh}). FX thread only.
 */
public final class TrainingViewModel implements AutoCloseable {
    private static final long RATES_PERIOD_NANOS = 500_000_000L;
    /** While training runs, the step and epoch counters change at most this often (each change is a layout pass). */
    private static final long COUNTERS_PERIOD_NANOS = 100_000_000L;
    /**
     * The same while the trainer runs flat out: each change is also a whole-window upload to the
     * display (Prism SW), and at unlimited pace the counters are a blur at any rate.
     */
    static final long COUNTERS_PERIOD_TRAINER_BOUND_NANOS = 250_000_000L;
    /** -Dweightstudio.printStats=true prints the rates every half second (for benchmarks). */
    private static final boolean PRINT_STATS = Boolean.getBoolean("weightstudio.printStats");
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /**
     * Pulses with the first picture on screen before a run that plays at start begins: the first
     * lays the studio out and draws it, the next shows it. Building the window while the trainer
     * runs would cost the trainer the core the window needs.
     */
    private static final int PULSES_BEFORE_PLAY = 2;

    private final HyperParametersForm form;
    private final PictureViewModel picture;
    private final TestScheduler tests;
    private final BannerViewModel banner;
    private final ChartsViewModel charts;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper epochs = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper samplesPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper picturesPerSecond = new ReadOnlyDoubleWrapper();
    private final List<FrameListener> frameListeners = new ArrayList<>();
    private TrainingSession session;
    /** Pulses left before playing on its own (-1: it does not, or a command came first). */
    private int autoPlayIn = -1;
    private long ratesNanos;
    private long countersNanos;
    private long ratesSamples;
    private long ratesPictures;
    /**
     * Pictures and seconds of the last few rate periods: pictures/s is taken over about two
     * seconds, so that a picture a second (a throttled window, a slow CNN) does not read 2, 0, 2, 0.
     */
    private final long[] recentPictures = new long[4];
    private final double[] recentSeconds = new double[4];
    private int recentAt;
    // -Dweightstudio.printStats: FX-thread CPU spent in pulses, and pulses counted, since the last print
    private long pulseNanos;
    private long pulses;

    TrainingViewModel(HyperParametersForm form, PictureViewModel picture, TestScheduler tests, BannerViewModel banner,
            ChartsViewModel charts) {
        this.form = form;
        this.picture = picture;
        this.tests = tests;
        this.banner = banner;
        this.charts = charts;
    }

    /** Takes the session over (the data has loaded); frame listeners added before are attached now. */
    void begin(TrainingSession s) {
        this.session = s;
        frameListeners.forEach(s::addFrameListener);
    }

    /** Plays once the first picture has been on screen (autostart); any command before that cancels it. */
    void playWhenShown() {
        autoPlayIn = PULSES_BEFORE_PLAY;
    }

    /**
     * Shows another model's session (the model selector): commands and counters follow it from
     * now on; the rates start afresh, since the samples counted were the other model's.
     */
    void switchTo(TrainingSession s, boolean newSession) {
        this.session = s;
        autoPlayIn = -1;
        if (newSession) {
            frameListeners.forEach(s::addFrameListener);
        }
        ratesNanos = 0;
        Arrays.fill(recentPictures, 0);
        Arrays.fill(recentSeconds, 0);
        samplesPerSecond.set(0);
        picturesPerSecond.set(0);
        step.set(s.step());
        epochs.set(s.epochs());
        running.set(s.control().isRunning());
    }

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

    /** Pulls the counters from the session; every half second, the rates and a chart point. */
    void refresh(long now, boolean trainerBound) {
        if (autoPlayIn >= 0 && picture.shownProperty().get() != null && autoPlayIn-- == 0) {
            session.control().play();
        }
        running.set(session.control().isRunning());
        long period = trainerBound ? COUNTERS_PERIOD_TRAINER_BOUND_NANOS : COUNTERS_PERIOD_NANOS;
        if (!running.get() || now - countersNanos >= period) {
            countersNanos = now;
            step.set(session.step());
            epochs.set(session.epochs());
        }
        if (now - ratesNanos >= RATES_PERIOD_NANOS) {
            updateRates(now);
        }
    }

    /** Times a pulse's FX-thread CPU, for -Dweightstudio.printStats. */
    void timePulse(Runnable pulse) {
        if (!PRINT_STATS) {
            pulse.run();
            return;
        }
        long t0 = CPU.getCurrentThreadCpuTime();
        pulses++;
        try {
            pulse.run();
        } finally {
            pulseNanos += CPU.getCurrentThreadCpuTime() - t0;
        }
    }

    /** Pictures per second over the recent periods (at most four, about two seconds). */
    private double recentPicturesPerSecond() {
        long pictures = 0;
        double seconds = 0;
        for (int i = 0; i < recentPictures.length; i++) {
            pictures += recentPictures[i];
            seconds += recentSeconds[i];
        }
        return seconds > 0 ? pictures / seconds : 0;
    }

    private void updateRates(long now) {
        double seconds = (now - ratesNanos) / 1e9;
        long samples = session.samples();
        long pictures = picture.picturesDrawnProperty().get();
        if (ratesNanos != 0) {
            samplesPerSecond.set((samples - ratesSamples) / seconds);
            recentPictures[recentAt] = pictures - ratesPictures;
            recentSeconds[recentAt] = seconds;
            recentAt = (recentAt + 1) % recentPictures.length;
            picturesPerSecond.set(recentPicturesPerSecond());
            if (PRINT_STATS) {
                System.out.printf(Locale.ROOT,
                        "stats step=%d refresh=%d samples_per_s=%.0f pictures_per_s=%.1f pulses=%d fx_cpu_ms=%.1f%n",
                        session.step(), session.refreshInterval(), samplesPerSecond.get(), picturesPerSecond.get(),
                        pulses, pulseNanos / 1e6);
                pulses = 0;
                pulseNanos = 0;
            }
        }
        ratesNanos = now;
        ratesSamples = samples;
        ratesPictures = pictures;
        charts.addTraining(session.step(), session.runningLoss(), session.runningAccuracy());
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
        autoPlayIn = -1;
        if (session != null) {
            banner.clear();
            picture.showLive();
            session.control().play();
            running.set(true);
        }
    }

    public void pause() {
        autoPlayIn = -1;
        if (session != null) {
            session.control().pause();
            running.set(false);
        }
    }

    /** Exactly one update, then paused. */
    public void step() {
        autoPlayIn = -1;
        if (session != null) {
            picture.showLive();
            session.control().step(1);
            running.set(false);
        }
    }

    /** Exactly {@code n} updates (from a field), then paused; null when accepted, else why not. */
    public String stepN(String text) {
        Long n = Parse.wholeNumber(text);
        if (n == null || n < 1 || n > 1_000_000_000L) {
            return "Steps: \"" + text.strip() + "\" is not a whole number from 1 to 1,000,000,000";
        }
        if (session != null) {
            picture.showLive();
            session.control().step(n);
            running.set(false);
        }
        return null;
    }

    /** Starts over with the form's seed (the same seed replays the same run); the charts empty at once. */
    public void reset() {
        autoPlayIn = -1;
        if (session != null) {
            banner.clear();
            tests.reset();
            charts.clear();
            picture.showLive();
            session.reset(form.seedProperty().get());
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }

    // ---- read-only state ----

    /** The session, once the data has loaded (null before). */
    public TrainingSession session() {
        return session;
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
}
