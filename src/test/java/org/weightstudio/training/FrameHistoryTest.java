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
        assertThat(h.indexAtOrBefore(10)).isZero();
        assertThat(h.indexAtOrBefore(5)).isEqualTo(-1);
        assertThat(h.indexAtOrBefore(1000)).isEqualTo(9);
    }

    @Test
    void memoryFollowsTheFramesKept() {
        FrameHistory h = new FrameHistory(2);
        long one = FrameHistory.estimateBytes(frame(1));
        // two float arrays of 7,840 and one of 10, three int arrays of 2, headers and the objects
        assertThat(one).isEqualTo(2 * (16 + 4 * 7840) + (16 + 40) + 3 * (16 + 8) + 160);
        h.add(frame(1));
        h.add(frame(2));
        h.add(frame(3));
        assertThat(h.memoryBytes()).isEqualTo(2 * one);
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
