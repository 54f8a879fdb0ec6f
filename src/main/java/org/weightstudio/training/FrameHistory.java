package org.weightstudio.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The most recent frames, for the timeline slider and animation export: a ring of at most
 * {@code capacity} frames (default {@value #DEFAULT_CAPACITY}); adding to a full history drops the
 * oldest. Thread-safe: the training thread adds while the window reads. Index 0 is the oldest
 * frame kept.
 *
 * <p>Frames are immutable, so readers get the frames themselves, never copies. Memory: a 10 x 784
 * frame holds W and its delta (2 x 31 KB), so the default 2,000 frames take about 126 MB; see
 * {@link #memoryBytes()}.
 */
public final class FrameHistory {
    public static final int DEFAULT_CAPACITY = 2_000;

    private final Frame[] ring;
    private int start;
    private int size;
    private long bytes;

    public FrameHistory() {
        this(DEFAULT_CAPACITY);
    }

    public FrameHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1, got " + capacity);
        }
        this.ring = new Frame[capacity];
    }

    public int capacity() {
        return ring.length;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized boolean isEmpty() {
        return size == 0;
    }

    /** Appends {@code frame}, dropping the oldest if full. */
    public synchronized void add(Frame frame) {
        if (size == ring.length) {
            bytes -= estimateBytes(ring[start]);
            ring[start] = frame;
            start = (start + 1) % ring.length;
        } else {
            ring[(start + size) % ring.length] = frame;
            size++;
        }
        bytes += estimateBytes(frame);
    }

    /** Frame {@code index}: 0 the oldest kept, size()-1 the newest. */
    public synchronized Frame get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("frame " + index + " of a history of " + size);
        }
        return ring[(start + index) % ring.length];
    }

    /** The newest frame, or null if empty. */
    public synchronized Frame latest() {
        return size == 0 ? null : get(size - 1);
    }

    /** All frames kept, oldest first (a copy of the list; the frames are shared). */
    public synchronized List<Frame> all() {
        List<Frame> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(get(i));
        }
        return out;
    }

    /** The frames with fromStep &lt;= step &lt;= toStep, oldest first. */
    public synchronized List<Frame> range(long fromStep, long toStep) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Frame f = get(i);
            if (f.step() >= fromStep && f.step() <= toStep) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Index of the newest frame whose step is at most {@code step} (for a slider that asks for a
     * step), or -1 if every frame kept is later.
     */
    public synchronized int indexAtOrBefore(long step) {
        for (int i = size - 1; i >= 0; i--) {
            if (get(i).step() <= step) {
                return i;
            }
        }
        return -1;
    }

    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        start = 0;
        size = 0;
        bytes = 0;
    }

    /** Estimated heap held by the frames kept (arrays plus object headers). */
    public synchronized long memoryBytes() {
        return bytes;
    }

    /**
     * Heap estimate of one frame: 16-byte array headers plus 4 bytes a float or int, and about 160
     * bytes for the frame and its config objects. Ignores sharing between frames (there is none:
     * each frame owns its arrays).
     */
    public static long estimateBytes(Frame f) {
        long arrays = floats(f.weights()) + floats(f.bias()) + floats(f.delta()) + ints(f.batchImages())
                + ints(f.batchLabels()) + ints(f.batchPredictions());
        return arrays + 160;
    }

    private static long floats(float[] a) {
        return a == null ? 0 : 16 + 4L * a.length;
    }

    private static long ints(int[] a) {
        return a == null ? 0 : 16 + 4L * a.length;
    }
}
