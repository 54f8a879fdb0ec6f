package org.weightstudio.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the trainer thread may do next: run freely, stay paused, run a number of single steps,
 * run commands other threads handed it, or stop. Any thread changes the control; only the
 * trainer thread calls {@link #next()}, which blocks on a condition while there is nothing to do
 * (no spinning) and also waits out the pace limit, so that a pause, a stop or a new pace wakes it
 * at once.
 */
public final class TrainingControl {
    /** What the trainer thread should do after {@link #next()} returns. */
    public enum Work {
        /** Run one update. */
        STEP,
        /** Run the commands from {@link #takeCommands()}, then ask again. */
        COMMANDS,
        /** Leave the loop. */
        STOP
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Runnable> commands = new ArrayList<>();
    private final PaceLimiter pace = new PaceLimiter();
    /**
     * Counts the changes made through {@link #update}: the trainer thread runs a free stretch of
     * updates for as long as this stays the same (see {@link #freeSteps()}).
     */
    private volatile long changes;
    /** Trainer thread: how many updates the last STEP from {@link #next} allows without asking again. */
    private long freeSteps = 1;

    /** The time-lapse schedule while that is the pace (null for a fixed or unlimited pace). */
    private volatile TimeLapse timeLapse;
    private boolean running;
    private boolean stopped;
    private long pendingSteps;
    private boolean idle;
    private long pauseAtStep = Long.MAX_VALUE;

    /** Run freely until paused. */
    public void play() {
        update(() -> {
            running = true;
            pendingSteps = 0;
        });
    }

    /** Stop after the update in progress, if any; also drops steps still asked for. */
    public void pause() {
        update(() -> {
            running = false;
            pendingSteps = 0;
        });
    }

    /** Run exactly {@code n} more updates, then pause. */
    public void step(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + n);
        }
        update(() -> {
            running = false;
            pendingSteps += n;
        });
    }

    /** Leaves the loop for good; commands still queued run first. */
    public void stop() {
        update(() -> stopped = true);
    }

    /** Updates per second; {@code Double.POSITIVE_INFINITY} for as fast as possible. */
    public void setPace(double updatesPerSecond) {
        update(() -> {
            timeLapse = null;
            pace.setPace(updatesPerSecond);
        });
    }

    /** Paces updates by {@code schedule}: its rate at the updates done so far, which Reset restarts. */
    public void setTimeLapse(TimeLapse schedule) {
        update(() -> timeLapse = schedule);
    }

    /** The time-lapse schedule if that is the pace, else null. */
    public TimeLapse timeLapse() {
        return timeLapse;
    }

    /** Updates per second now (the time-lapse's current rate while that is the pace). */
    public double pace() {
        lock.lock();
        try {
            return pace.pace();
        } finally {
            lock.unlock();
        }
    }

    /** Pause on its own when the trainer reaches this step (for scripted runs). */
    public void pauseAtStep(long step) {
        update(() -> pauseAtStep = step);
    }

    /** Hands a task to the trainer thread; it runs between two updates, in order. */
    public void submit(Runnable command) {
        update(() -> commands.add(command));
    }

    public boolean isRunning() {
        lock.lock();
        try {
            return running && !stopped;
        } finally {
            lock.unlock();
        }
    }

    /** True while the trainer thread waits with nothing to do (paused, no steps or commands pending). */
    public boolean isIdle() {
        lock.lock();
        try {
            return idle && !hasWork();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the trainer thread has nothing left to do (paused with no steps or commands
     * pending, or stopped). For tests and scripted runs.
     *
     * @return false if the timeout passed first
     */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!(idle || stopped) || hasWork()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    // ---- trainer thread ----

    /**
     * Blocks until there is something to do and returns it. {@code step} is the number of
     * updates done so far (for {@link #pauseAtStep}). Before blocking while paused it returns
     * null once, so that the caller can publish what the window has not yet seen.
     */
    Work next(long step, boolean flushed) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (!commands.isEmpty()) {
                    return Work.COMMANDS;
                }
                if (stopped) {
                    return Work.STOP;
                }
                if (step >= pauseAtStep) {
                    running = false;
                    pendingSteps = 0;
                    pauseAtStep = Long.MAX_VALUE;
                }
                if (running || pendingSteps > 0) {
                    TimeLapse t = timeLapse;
                    if (t != null) {
                        pace.setPace(t.updatesPerSecond(step));
                    }
                    long wait = pace.nanosUntilNext(System.nanoTime());
                    if (wait > 0) {
                        changed.awaitNanos(wait);
                        continue;
                    }
                    pace.stepped(System.nanoTime());
                    if (!running) {
                        pendingSteps--;
                    }
                    // Unlimited pace: a stretch of updates up to the stop at pauseAtStep, with no
                    // lock and no clock on the way; any change ends it (see changes()).
                    freeSteps = running && t == null && pace.intervalNanos == 0 && commands.isEmpty()
                            ? Math.max(1, Math.min(MAX_FREE_STEPS, pauseAtStep - step)) : 1;
                    return Work.STEP;
                }
                if (!flushed) {
                    return null;
                }
                idle = true;
                changed.signalAll();
                try {
                    changed.await();
                } finally {
                    idle = false;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Trainer thread, after {@link #next} returned STEP: how many updates it may run in a row,
     * starting with this one, while {@link #changes()} stays what it was before the call. One
     * unless training runs at unlimited pace.
     */
    long freeSteps() {
        return freeSteps;
    }

    /** Changes so far (play, pause, step, stop, pace, commands, pauseAtStep); any thread. */
    long changes() {
        return changes;
    }

    List<Runnable> takeCommands() {
        lock.lock();
        try {
            List<Runnable> taken = new ArrayList<>(commands);
            commands.clear();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    private boolean hasWork() {
        return !commands.isEmpty() || (!stopped && (running || pendingSteps > 0));
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changes++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The longest stretch of updates the trainer runs without asking again (see {@link #freeSteps()}). */
    static final long MAX_FREE_STEPS = 4096;

    /** Keeps updates at most {@code pace} per second by spacing their start times. */
    static final class PaceLimiter {
        private double pace = Double.POSITIVE_INFINITY;
        private long intervalNanos;
        private long lastStepNanos = Long.MIN_VALUE / 2;

        void setPace(double updatesPerSecond) {
            if (!(updatesPerSecond > 0)) {
                throw new IllegalArgumentException("pace must be a positive number of updates per second, got "
                        + updatesPerSecond);
            }
            if (updatesPerSecond == pace) {
                return;
            }
            pace = updatesPerSecond;
            // interval = 1 s / pace; unlimited pace means no wait at all
            intervalNanos = Double.isInfinite(updatesPerSecond) ? 0 : (long) (1e9 / updatesPerSecond);
        }

        double pace() {
            return pace;
        }

        long nanosUntilNext(long now) {
            if (intervalNanos == 0) {
                return 0;
            }
            return lastStepNanos + intervalNanos - now;
        }

        /**
         * Marks an update started at {@code now}. The next is due one interval after the previous
         * due time, not after {@code now}, so that waking a little late does not slow the pace
         * down; after a longer gap (a pause) the cadence starts again from {@code now}, so that
         * the gap is not made up for with a burst.
         */
        void stepped(long now) {
            long due = lastStepNanos + intervalNanos;
            lastStepNanos = now - due > intervalNanos ? now : due;
        }
    }
}
