package org.weightstudio.ui;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongUnaryOperator;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.weightstudio.ui.work.Workers;

/**
 * Calls the window's view-model on every pulse, except while it says it can wait: while the
 * trainer runs flat out it changes the window only every quarter second or so, and an
 * {@link AnimationTimer} would still run the toolkit's pulse sixty times a second for nothing (a
 * sixth of the FX thread's CPU at unlimited pace). Then the timer stops and a daemon thread
 * asks for the next call when it is due, or sooner when the reason to wait has gone (the trainer
 * paused or reached a scripted run's last step: checked every {@link #POLL_NANOS}); with no
 * animation running the toolkit runs no pulse in between. Any input on the window
 * ({@link #wake()}) and any call that says it cannot wait bring the timer back. FX thread only,
 * but for the scheduling thread, which only reads {@code calm}.
 */
final class PulseDriver {
    /** A wait shorter than this (in nanoseconds) is left to the timer: a few pulses at most. */
    static final long MIN_WAIT_NANOS = 100_000_000L;
    /** How often the scheduling thread asks whether the wait still holds. */
    static final long POLL_NANOS = 16_000_000L;

    private final LongUnaryOperator pulse;
    private final BooleanSupplier calm;
    private final AnimationTimer timer;
    private final ScheduledExecutorService scheduler;
    private boolean everyPulse;
    private boolean running;
    private ScheduledFuture<?> next;

    /**
     * {@code pulse} gets the time of the pulse (nanoseconds) and answers how long the next call may
     * wait (0: the next pulse); {@code calm}, asked on the scheduling thread, says whether a wait
     * still holds (false: call now).
     */
    PulseDriver(LongUnaryOperator pulse, BooleanSupplier calm) {
        this.pulse = pulse;
        this.calm = calm;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                call(now);
            }
        };
        this.scheduler = Workers.scheduler("weight-studio-ticks");
    }

    void start() {
        running = true;
        everyPulse = true;
        timer.start();
    }

    /** Stops for good. */
    void stop() {
        running = false;
        timer.stop();
        cancelNext();
        scheduler.shutdownNow();
    }

    /** Back to every pulse (input on the window: whatever it changed shows at once). */
    void wake() {
        if (running && !everyPulse) {
            cancelNext();
            everyPulse = true;
            timer.start();
        }
    }

    /** Whether calls come on every pulse (false: on the scheduling thread's ticks). */
    boolean everyPulse() {
        return everyPulse;
    }

    private void call(long now) {
        if (!running) {
            return;
        }
        long wait = pulse.applyAsLong(now);
        if (wait >= MIN_WAIT_NANOS) {
            if (everyPulse) {
                everyPulse = false;
                timer.stop();
            }
            cancelNext();
            long due = System.nanoTime() + wait;
            boolean[] posted = {false};
            next = scheduler.scheduleWithFixedDelay(() -> {
                if (!posted[0] && (System.nanoTime() - due >= 0 || !calm.getAsBoolean())) {
                    posted[0] = true;
                    Platform.runLater(this::tick);
                }
            }, Math.min(wait, POLL_NANOS), POLL_NANOS, TimeUnit.NANOSECONDS);
        } else if (!everyPulse) {
            everyPulse = true;
            timer.start();
        }
    }

    private void tick() {
        if (running && !everyPulse) {
            call(System.nanoTime());
        }
    }

    private void cancelNext() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }
}
