package org.weightstudio.ui;

/** Background work of the window: named daemon threads, so closing the window never waits on them. */
public final class Workers {
    private Workers() {
    }

    /** Starts {@code work} (typically a {@code javafx.concurrent.Task}) on a new daemon thread. */
    public static Thread start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
