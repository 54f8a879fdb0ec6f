package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FrameHistoryTest {
    static Frame frame(long step) {
        return new Frame(step, step / 100.0, 10, 28, 28, new float[7840], new float[10], new float[7840],
                Math.max(0, step - 10), 0.5, 0.5, new int[2], new int[2], new int[2], TrainingConfig.defaults());
    }

    @Test
    void aFullHistoryThinsItsOlderFramesKeepingTheFirstAndTheNewest() {
        FrameHistory h = new FrameHistory(8);
        for (long s = 1; s <= 9; s++) {
            h.add(frame(s));
        }
        // at 8 frames, adding the 9th drops the one whose gap is smallest for its age: frame 2
        assertThat(h.all()).extracting(Frame::step).containsExactly(1L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(h.latest().step()).isEqualTo(9);
        assertThatThrownBy(() -> h.get(8)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void longRunsStayWithinTheCountAndKeepALogSpacedPast() {
        FrameHistory h = new FrameHistory(32);
        Frame shared = frame(1);
        for (long s = 1; s <= 20_000; s++) {
            h.add(at(shared, s));
        }
        List<Long> steps = h.all().stream().map(Frame::step).toList();
        assertThat(steps).hasSize(32);
        assertThat(steps.get(0)).isEqualTo(1L);
        assertThat(steps.get(steps.size() - 1)).isEqualTo(20_000L);
        // gaps never shrink with age: dense recent past, sparse distant past
        long newestGap = steps.get(steps.size() - 1) - steps.get(steps.size() - 2);
        long oldestGap = steps.get(2) - steps.get(1);
        assertThat(oldestGap).isGreaterThan(100 * newestGap);
    }

    /** {@code f} relabelled as step {@code step}, sharing its arrays (cheap to make by the thousand). */
    private static Frame at(Frame f, long step) {
        return new Frame(step, f.epochs(), f.classes(), f.rows(), f.cols(), f.weights(), f.bias(), f.delta(),
                step - 1, f.loss(), f.accuracy(), f.batchImages(), f.batchLabels(), f.batchPredictions(), f.config());
    }

    @Test
    void theMemoryBudgetBoundsAHugeFrameCount() {
        long one = FrameHistory.keptBytes(frame(1));
        long budget = 50 * one;
        // issue 13 item 3: 100,000 frames were accepted whatever the heap; the budget decides now
        FrameHistory h = new FrameHistory(100_000, budget);
        for (long s = 1; s <= 2_000; s++) {
            h.add(frame(s));
            assertThat(h.memoryBytes()).isLessThanOrEqualTo(budget);
        }
        assertThat(h.size()).isGreaterThan(25);
        assertThat(h.latest().step()).isEqualTo(2_000);
        assertThat(h.get(0).step()).isEqualTo(1);
    }

    static Frame frame(long step, float w0) {
        float[] w = new float[7840];
        w[0] = w0;
        w[7839] = -w0;
        return new Frame(step, step / 100.0, 10, 28, 28, w, new float[10], new float[7840], Math.max(0, step - 10),
                0.5, 0.5, new int[2], new int[2], new int[2], TrainingConfig.defaults());
    }

    @Test
    void framesReadBackCarryTheDeltaSinceTheFrameKeptBefore() {
        FrameHistory h = new FrameHistory(2);
        Frame first = frame(10, 1f);
        h.add(first);
        // nothing dropped yet: the first frame comes back as it was added
        assertThat(h.get(0)).isSameAs(first);
        h.add(frame(20, 3f));
        Frame second = h.get(1);
        assertThat(second.previousStep()).isEqualTo(10);
        assertThat(second.delta()[0]).isEqualTo(2f);
        assertThat(second.delta()[7839]).isEqualTo(-2f);
        h.add(frame(30, 7f));
        // frame 20 went: frame 30's delta covers every update since the frame kept before it
        assertThat(h.get(0)).isSameAs(first);
        assertThat(h.get(1).step()).isEqualTo(30);
        assertThat(h.get(1).previousStep()).isEqualTo(10);
        assertThat(h.get(1).delta()[0]).isEqualTo(6f);
        // a view does not change when frames are added later
        List<Frame> view = h.all();
        h.add(frame(40, 8f));
        assertThat(view).extracting(Frame::step).containsExactly(10L, 30L);
        assertThat(view.get(1).delta()[0]).isEqualTo(6f);
        assertThat(h.range(35, 40).get(0).delta()[0]).isEqualTo(7f);
    }

    @Test
    void defaultBoundIsTwoThousand() {
        assertThat(new FrameHistory().capacity()).isEqualTo(2000);
        assertThatThrownBy(() -> new FrameHistory(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameHistory(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsFramesByStepAndStepRange() {
        FrameHistory h = new FrameHistory(100);
        for (long s = 10; s <= 100; s += 10) {
            h.add(frame(s));
        }
        assertThat(h.range(25, 60)).extracting(Frame::step).containsExactly(30L, 40L, 50L, 60L);
        assertThat(h.indexAtOrBefore(35)).isEqualTo(2);
        assertThat(h.stepAt(2)).isEqualTo(30);
        assertThat(h.indexAtOrBefore(10)).isZero();
        assertThat(h.indexAtOrBefore(5)).isEqualTo(-1);
        assertThat(h.indexAtOrBefore(1000)).isEqualTo(9);
    }

    @Test
    void memoryFollowsTheFramesKept() {
        FrameHistory h = new FrameHistory(2);
        long one = FrameHistory.keptBytes(frame(1));
        // W only (the delta is computed when read): one float array of 7,840 and one of 10, three
        // int arrays of 2, headers and the objects
        assertThat(one).isEqualTo((16 + 4 * 7840) + (16 + 40) + 3 * (16 + 8) + 160);
        h.add(frame(1));
        // the first frame is kept whole
        assertThat(h.memoryBytes()).isEqualTo(one + 16 + 4 * 7840);
        h.add(frame(2));
        h.add(frame(3));
        // the first and the newest frame, and the first frame's delta
        assertThat(h.memoryBytes()).isEqualTo(2 * one + 16 + 4 * 7840);
        h.clear();
        assertThat(h.memoryBytes()).isZero();
        assertThat(h.isEmpty()).isTrue();
    }

    @Test
    void readersSeeAConsistentHistoryWhileATrainerThreadAdds() throws Exception {
        FrameHistory h = new FrameHistory(50);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (long s = 1; s <= 20_000; s++) {
                h.add(frame(s));
            }
        });
        Thread reader = new Thread(() -> {
            try {
                while (writer.isAlive()) {
                    List<Frame> all = h.all();
                    for (int i = 1; i < all.size(); i++) {
                        Frame f = all.get(i);
                        if (f.step() <= all.get(i - 1).step() || f.previousStep() != all.get(i - 1).step()) {
                            throw new AssertionError("out of order: " + all.get(i - 1).step() + ", " + f.step());
                        }
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        assertThat(failure.get()).isNull();
        assertThat(h.size()).isBetween(25, 50);
        assertThat(h.latest().step()).isEqualTo(20_000);
    }
}
