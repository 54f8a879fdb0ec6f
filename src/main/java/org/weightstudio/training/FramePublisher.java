package org.weightstudio.training;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Latest-wins hand-off from the trainer thread to the window: publishing replaces the frame
 * waiting, so the trainer never waits for a consumer and a slow consumer never works through a
 * backlog. Listeners, by contrast, see every frame (see {@link FrameListener}).
 *
 * <p>Capturing a frame copies W (7,840 floats); at a refresh interval of 1 that copy costs as
 * much as the update itself. {@link #wanted()} lets the trainer skip a capture that nobody could
 * see: when the window has not taken the previous frame yet and no listener records frames, a
 * new frame would only replace the old one unseen. Skipping it loses nothing from the picture:
 * the window's delta is taken against the frame it drew, not the frame published before.
 */
public final class FramePublisher {
    private final AtomicReference<PublishedFrame> latest = new AtomicReference<>();
    private final List<FrameListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean taken = true;
    private volatile long published;

    /** Trainer thread: hands out a new frame. */
    void publish(PublishedFrame frame) {
        taken = false;
        latest.set(frame);
        published++;
        for (FrameListener l : listeners) {
            l.onFrame(frame);
        }
    }

    /** Whether a frame published now could be seen by anyone. */
    boolean wanted() {
        return taken || !listeners.isEmpty();
    }

    /** The newest frame, marking it taken (null before the first). Any thread. */
    public PublishedFrame take() {
        taken = true;
        return latest.get();
    }

    /** The newest frame without marking it taken. */
    public PublishedFrame peek() {
        return latest.get();
    }

    /** Frames published so far. */
    public long publishedCount() {
        return published;
    }

    public void addListener(FrameListener listener) {
        listeners.add(listener);
    }

    public void removeListener(FrameListener listener) {
        listeners.remove(listener);
    }
}
