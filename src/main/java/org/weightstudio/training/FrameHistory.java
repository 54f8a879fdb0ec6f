package org.weightstudio.training;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The most recent frames, for the timeline slider and animation export: a ring of at most
 * {@code capacity} frames (default {@value #DEFAULT_CAPACITY}); adding to a full history drops the
 * oldest. Thread-safe: the training thread adds while the window reads. Index 0 is the oldest
 * frame kept.
 *
 * <p>Only W is kept per frame, not its delta: a frame read back carries the delta against the
 * frame recorded before it, {@code W_i - W_(i-1)}, computed on demand (the same subtraction as
 * {@link Frame#capture}, so the same bits when every frame was recorded). For the oldest frame,
 * the frame dropped last stands in; before any was dropped, the first frame added is kept whole.
 * A 10 x 784 frame then holds about 31 KB, so the default 2,000 frames take about 63 MB; see
 * {@link #memoryBytes()}. Lists returned by {@link #all()} and {@link #range} are fixed views
 * that build each frame when asked, so an export holds one or two frames at a time.
 */
public final class FrameHistory {
    public static final int DEFAULT_CAPACITY = 2_000;

    /** Frames without their delta (delta null). */
    private final Frame[] ring;
    private int start;
    private int size;
    /** The frame dropped last (W only): the predecessor of the oldest kept; null before any drop. */
    private Frame base;
    /** The first frame added, whole, while nothing has been dropped. */
    private Frame head;

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
        if (size == 0 && base == null) {
            head = frame;
        }
        Frame kept = withoutDelta(frame);
        if (size == ring.length) {
            base = ring[start];
            head = null;
            ring[start] = kept;
            start = (start + 1) % ring.length;
        } else {
            ring[(start + size) % ring.length] = kept;
            size++;
        }
    }

    /** Frame {@code index}: 0 the oldest kept, size()-1 the newest. */
    public synchronized Frame get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("frame " + index + " of a history of " + size);
        }
        return restore(at(index), index == 0 ? base : at(index - 1), head);
    }

    /** The step of frame {@code index}, without building the frame (for labels). */
    public synchronized long stepAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("frame " + index + " of a history of " + size);
        }
        return at(index).step();
    }

    private Frame at(int index) {
        return ring[(start + index) % ring.length];
    }

    /** The newest frame, or null if empty. */
    public synchronized Frame latest() {
        return size == 0 ? null : get(size - 1);
    }

    /** All frames kept, oldest first: a fixed view, each frame built when read. */
    public synchronized List<Frame> all() {
        return view(0, size);
    }

    /** The frames with fromStep &lt;= step &lt;= toStep, oldest first (a fixed view, as {@link #all()}). */
    public synchronized List<Frame> range(long fromStep, long toStep) {
        int from = 0;
        while (from < size && at(from).step() < fromStep) {
            from++;
        }
        int to = from;
        while (to < size && at(to).step() <= toStep) {
            to++;
        }
        return view(from, to);
    }

    /** Frames [from, to) as a list that restores each frame when read and never changes. */
    private List<Frame> view(int from, int to) {
        // kept[0] is the predecessor of frame `from` (or null), kept[j + 1] is frame from + j
        Frame[] kept = new Frame[to - from + 1];
        kept[0] = from == 0 ? base : at(from - 1);
        for (int i = from; i < to; i++) {
            kept[i - from + 1] = at(i);
        }
        Frame first = head;
        return new ViewList(kept, first);
    }

    private static final class ViewList extends AbstractList<Frame> implements RandomAccess {
        private final Frame[] kept;
        private final Frame head;

        ViewList(Frame[] kept, Frame head) {
            this.kept = kept;
            this.head = head;
        }

        @Override
        public Frame get(int index) {
            Objects.checkIndex(index, size());
            return restore(kept[index + 1], kept[index], head);
        }

        @Override
        public int size() {
            return kept.length - 1;
        }
    }

    /** {@code kept} with its delta against {@code before}; with no frame before, the first frame as added. */
    private static Frame restore(Frame kept, Frame before, Frame head) {
        if (before == null) {
            return head;
        }
        return kept.withDelta(kept.deltaSince(before), before.step());
    }

    private static Frame withoutDelta(Frame f) {
        return f.withDelta(null, f.previousStep());
    }

    /**
     * Index of the newest frame whose step is at most {@code step} (for a slider that asks for a
     * step), or -1 if every frame kept is later.
     */
    public synchronized int indexAtOrBefore(long step) {
        for (int i = size - 1; i >= 0; i--) {
            if (at(i).step() <= step) {
                return i;
            }
        }
        return -1;
    }

    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        start = 0;
        size = 0;
        base = null;
        head = null;
    }

    /**
     * Estimated heap held by the frames kept (arrays plus object headers): W and the small
     * arrays of each frame, the frame dropped last, and the first frame's delta while it is kept.
     */
    public synchronized long memoryBytes() {
        long bytes = base == null ? 0 : estimateBytes(base);
        if (head != null) {
            bytes += floats(head.delta());
        }
        for (int i = 0; i < size; i++) {
            bytes += estimateBytes(at(i));
        }
        return bytes;
    }

    /**
     * Heap estimate of one frame: 16-byte array headers plus 4 bytes a float or int (1 an augmented pixel), and about 160
     * bytes for the frame and its config objects. Ignores sharing between frames (there is none:
     * each frame owns its arrays).
     */
    public static long estimateBytes(Frame f) {
        long arrays = floats(f.weights()) + floats(f.bias()) + floats(f.delta()) + ints(f.batchImages())
                + ints(f.batchLabels()) + ints(f.batchPredictions())
                + (f.batchPixels() == null ? 0 : 16 + f.batchPixels().length);
        return arrays + 160;
    }

    /** Heap estimate of one frame as the history keeps it (W, no delta). */
    public static long keptBytes(Frame f) {
        return estimateBytes(withoutDelta(f));
    }

    private static long floats(float[] a) {
        return a == null ? 0 : 16 + 4L * a.length;
    }

    private static long ints(int[] a) {
        return a == null ? 0 : 16 + 4L * a.length;
    }
}
