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
    void keepsTheNewestFramesUpToTheBound() {
        FrameHistory h = new FrameHistory(3);
        for (long s = 10; s <= 50; s += 10) {
            h.add(frame(s));
        }
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.all()).extracting(Frame::step).containsExactly(30L, 40L, 50L);
        assertThat(h.get(0).step()).isEqualTo(30);
        assertThat(h.latest().step()).isEqualTo(50);
        assertThatThrownBy(() -> h.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    static Frame frame(long step, float w0) {
        float[] w = new float[7840];
        w[0] = w0;
        w[7839] = -w0;
        return new Frame(step, step / 100.0, 10, 28, 28, w, new float[10], new float[7840], Math.max(0, step - 10),
                0.5, 0.5, new int[2], new int[2], new int[2], TrainingConfig.defaults());
    }

    @Test
    void framesReadBackCarryTheDeltaSinceTheFrameRecordedBefore() {
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
        // frame 10 was dropped: the oldest kept (20) still knows its delta
        assertThat(h.get(0).step()).isEqualTo(20);
        assertThat(h.get(0).delta()[0]).isEqualTo(2f);
        assertThat(h.get(1).delta()[0]).isEqualTo(4f);
        // a view does not change when frames are added later
        List<Frame> view = h.all();
        h.add(frame(40, 8f));
        assertThat(view).extracting(Frame::step).containsExactly(20L, 30L);
        assertThat(view.get(1).delta()[0]).isEqualTo(4f);
        assertThat(h.range(35, 40).get(0).delta()[0]).isEqualTo(1f);
    }

    @Test
    void defaultBoundIsTwoThousand() {
        assertThat(new FrameHistory().capacity()).isEqualTo(2000);
        assertThatThrownBy(() -> new FrameHistory(0)).isInstanceOf(IllegalArgumentException.class);
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
        // the first frame is kept whole until it is dropped
        assertThat(h.memoryBytes()).isEqualTo(one + 16 + 4 * 7840);
        h.add(frame(2));
        h.add(frame(3));
        // two frames and the one dropped last (the delta of the oldest is taken against it)
        assertThat(h.memoryBytes()).isEqualTo(3 * one);
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
                        if (all.get(i).step() != all.get(i - 1).step() + 1) {
                            throw new AssertionError("gap in " + all.get(i - 1).step() + ", " + all.get(i).step());
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
        assertThat(h.size()).isEqualTo(50);
        assertThat(h.latest().step()).isEqualTo(20_000);
    }
}
