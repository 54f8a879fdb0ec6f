package org.weightstudio.training;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Frames for the timeline slider and animation export, within a frame count and a memory budget.
 * Thread-safe: the training thread adds while the window reads. Index 0 is the oldest frame kept.
 *
 * <p>When a new frame would exceed the count ({@code capacity}, default {@value #DEFAULT_CAPACITY})
 * or the budget in bytes, the history is <em>thinned</em> rather than cut: the frame whose gap
 * would grow least relative to its age goes (never the first frame). The recent past stays dense
 * and the distant past sparse, the gaps growing in proportion to age (log-spaced), so the whole
 * run stays on the timeline in bounded memory and adding never stops.
 *
 * <p>Only W is kept per frame, not its delta: a frame read back carries the delta against the
 * frame kept before it, {@code W_i - W_(i-1)}, computed on demand (the same subtraction as
 * {@link Frame#capture}, so the same bits while nothing was thinned; after thinning, the delta
 * covers every update since the frame before it, so none is lost). The first frame added is kept
 * whole, with its own delta. A 10 x 784 frame then holds about 31 KB, so the default 2,000 frames
 * take about 63 MB; see {@link #memoryBytes()}. Lists returned by {@link #all()} and
 * {@link #range} are fixed views that build each frame when asked, so an export holds one or two
 * frames at a time.
 */
public final class FrameHistory {
    public static final int DEFAULT_CAPACITY = 2_000;

    private final int capacity;
    private final long budgetBytes;
    /** Frames without their delta (delta null), oldest first. */
    private final ArrayList<Frame> kept = new ArrayList<>();
    /** Sum of {@link #estimateBytes} over {@link #kept}. */
    private long keptBytes;
    /** The first frame added, whole. */
    private Frame head;

    public FrameHistory() {
        this(DEFAULT_CAPACITY);
    }

    /** At most {@code capacity} frames, with no memory budget beyond that. */
    public FrameHistory(int capacity) {
        this(capacity, Long.MAX_VALUE);
    }

    /** At most {@code capacity} frames holding at most about {@code budgetBytes} of heap. */
    public FrameHistory(int capacity, long budgetBytes) {
        if (capacity < 2) {
            throw new IllegalArgumentException("history capacity must be at least 2, got " + capacity);
        }
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("history budget must be positive, got " + budgetBytes);
        }
        this.capacity = capacity;
        this.budgetBytes = budgetBytes;
    }

    /** {@code percent} of the largest heap this JVM may grow to (-Xmx), in bytes. */
    public static long heapShare(int percent) {
        return Math.max(1, Runtime.getRuntime().maxMemory() / 100 * percent);
    }

    public int capacity() {
        return capacity;
    }

    /** The memory budget in bytes ({@code Long.MAX_VALUE} for none). */
    public long budgetBytes() {
        return budgetBytes;
    }

    public synchronized int size() {
        return kept.size();
    }

    public synchronized boolean isEmpty() {
        return kept.isEmpty();
    }

    /** Appends {@code frame}, thinning older frames first if it would not fit. */
    public synchronized void add(Frame frame) {
        if (kept.isEmpty()) {
            head = frame;
        }
        Frame stored = withoutDelta(frame);
        long bytes = estimateBytes(stored);
        while (kept.size() >= 2 && (kept.size() + 1 > capacity || memoryBytes() + bytes > budgetBytes)) {
            thinOne(frame.step());
        }
        kept.add(stored);
        keptBytes += bytes;
    }

    /**
     * Drops the frame whose loss hurts a log-spaced timeline least: the one that would leave the
     * smallest gap relative to its age. Frame 0 and the newest always stay.
     *
     * <p>cost_i = (s_(i+1) - s_(i-1)) / (now - s_i): dropping frame i merges its two gaps. Always
     * dropping the cheapest evens the costs out, so gaps grow in proportion to age.
     */
    private void thinOne(long now) {
        int drop = kept.size() - 1;
        if (kept.size() > 2) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 1; i < kept.size() - 1; i++) {
                double cost = (double) (at(i + 1).step() - at(i - 1).step()) / Math.max(1, now - at(i).step());
                if (cost < best) {
                    best = cost;
                    drop = i;
                }
            }
        }
        keptBytes -= estimateBytes(kept.remove(drop));
    }

    /** Frame {@code index}: 0 the oldest kept, size()-1 the newest. */
    public synchronized Frame get(int index) {
        Objects.checkIndex(index, kept.size());
        return restore(at(index), index == 0 ? null : at(index - 1), head);
    }

    /** The step of frame {@code index}, without building the frame (for labels). */
    public synchronized long stepAt(int index) {
        Objects.checkIndex(index, kept.size());
        return at(index).step();
    }

    private Frame at(int index) {
        return kept.get(index);
    }

    /** The newest frame, or null if empty. */
    public synchronized Frame latest() {
        return kept.isEmpty() ? null : get(kept.size() - 1);
    }

    /** All frames kept, oldest first: a fixed view, each frame built when read. */
    public synchronized List<Frame> all() {
        return view(0, kept.size());
    }

    /** The frames with fromStep &lt;= step &lt;= toStep, oldest first (a fixed view, as {@link #all()}). */
    public synchronized List<Frame> range(long fromStep, long toStep) {
        int size = kept.size();
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
        kept[0] = from == 0 ? null : at(from - 1);
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
        return kept.withDeltaSince(before);
    }

    private static Frame withoutDelta(Frame f) {
        return f.withoutDelta();
    }

    /**
     * Index of the newest frame whose step is at most {@code step} (for a slider that asks for a
     * step), or -1 if every frame kept is later.
     */
    public synchronized int indexAtOrBefore(long step) {
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (at(i).step() <= step) {
                return i;
            }
        }
        return -1;
    }

    public synchronized void clear() {
        kept.clear();
        keptBytes = 0;
        head = null;
    }

    /**
     * Estimated heap held by the frames kept (arrays plus object headers): W and the small
     * arrays of each frame, and the first frame's delta.
     */
    public synchronized long memoryBytes() {
        return keptBytes + (head == null ? 0 : floats(head.delta()));
    }

    /**
     * Heap estimate of one frame: 16-byte array headers plus 4 bytes a float or int, and about 160
     * bytes for the frame and its config objects. Ignores sharing between frames (there is none:
     * each frame owns its arrays).
     */
    public static long estimateBytes(Frame f) {
        long arrays = floats(f.weights()) + floats(f.bias()) + floats(f.delta()) + ints(f.batchImages())
                + ints(f.batchLabels()) + ints(f.batchPredictions());
        for (TensorFrame t : f.tensors()) {
            // the one-layer net's tensors are the arrays counted above; an MLP's are copies of their own
            arrays += t.values() == f.weights() || t.values() == f.bias() ? 0 : floats(t.values());
            arrays += t.delta() == f.delta() ? 0 : floats(t.delta());
        }
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
