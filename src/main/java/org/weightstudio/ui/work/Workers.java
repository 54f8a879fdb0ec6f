package org.weightstudio.ui.work;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * The one way the window runs background work: named daemon threads (closing the window never
 * waits on them) whose uncaught failures are printed with the thread's name instead of vanishing.
 * One-shot work is a {@link Task} whose result or failure comes back on the FX thread; steady
 * work (the test evaluator) gets its own single-thread {@link #executor executor}.
 */
public final class Workers {
    /** A failure no task reported: a bug, so it is printed where a person or a log will see it. */
    private static final Thread.UncaughtExceptionHandler REPORT = (thread, failure) -> {
        System.err.println("weight-studio: bug in background work " + thread.getName() + ": " + failure);
        failure.printStackTrace();
    };

    private Workers() {
    }

    /** Runs {@code work} on a new daemon thread named {@code name}; for tasks with progress or cancel. */
    public static Thread start(Runnable work, String name) {
        Thread thread = daemons(name, Thread.NORM_PRIORITY).newThread(work);
        thread.start();
        return thread;
    }

    /**
     * Runs {@code work} on a named daemon thread; {@code onSucceeded} gets its result and
     * {@code onFailed} its failure, both on the FX thread.
     */
    public static <T> Task<T> run(String name, Callable<T> work, Consumer<T> onSucceeded, Consumer<Throwable> onFailed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSucceeded.accept(task.getValue()));
        task.setOnFailed(e -> onFailed.accept(task.getException()));
        start(task, name);
        return task;
    }

    /** A single-thread executor on a named daemon thread of the given priority. */
    public static ExecutorService executor(String name, int priority) {
        return Executors.newSingleThreadExecutor(daemons(name, priority));
    }

    /** A single named daemon thread that runs scheduled work (failures reported as above). */
    public static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(daemons(name, Thread.NORM_PRIORITY));
    }

    private static ThreadFactory daemons(String name, int priority) {
        return work -> {
            Thread t = new Thread(work, name);
            t.setDaemon(true);
            t.setPriority(priority);
            t.setUncaughtExceptionHandler(REPORT);
            return t;
        };
    }
}
