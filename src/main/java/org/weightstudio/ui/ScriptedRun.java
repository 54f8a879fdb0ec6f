package org.weightstudio.ui;

import org.weightstudio.training.TrainingSession;

/**
 * A scripted run of the window ({@code --autostart --quit-after-steps N --snapshot-on-exit F}):
 * the session pauses itself at step N, and once that picture has been on screen for a few
 * pulses the window is told to quit (it writes the snapshot and exits). FX thread only.
 */
final class ScriptedRun {
    /** Pulses to wait at the last picture, so that what is written is what has been on screen. */
    private static final int SETTLE_PULSES = 3;

    private final WindowOptions options;
    private Runnable onQuit = () -> { };
    private boolean quitting;
    private int settled;

    ScriptedRun(WindowOptions options) {
        this.options = options;
    }

    void setOnQuit(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    /** Arms the stop at N and plays if asked; called once the session exists. */
    void begin(TrainingSession session) {
        if (options.quitAfterSteps() != null) {
            session.control().pauseAtStep(options.quitAfterSteps());
        }
    }

    boolean playsAtStart() {
        return options.autostart();
    }

    /** Called on each pulse with the picture on screen and whether training runs. */
    void check(ShownPicture shown, boolean running) {
        Long quitAt = options.quitAfterSteps();
        if (quitAt != null && !quitting && shown != null && shown.step() >= quitAt && !running) {
            if (++settled >= SETTLE_PULSES) {
                quitting = true;
                onQuit.run();
            }
        }
    }
}
