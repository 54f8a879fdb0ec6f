package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trainer thread with real threads: pause, step, reset, stop, and frames for a slow consumer. */
class TrainingSessionTest {
    private TrainingSession session;

    private TrainingSession start(int refreshInterval) throws InterruptedException {
        session = new TrainingSession(SyntheticData.images(500, 7), 10, TrainingConfig.defaults(), refreshInterval);
        session.start();
        assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        return session;
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private void awaitStep(long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (session.step() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(session.step()).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void startsPausedWithTheInitialFrame() throws InterruptedException {
        start(1);
        assertThat(session.step()).isZero();
        assertThat(session.frames().peek().step()).isZero();
        // Parking follows the lock release by a moment; a spinning thread would never get there.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (session.threadState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(session.threadState()).isEqualTo(Thread.State.WAITING);
    }

    @Test
    void pauseReallyStopsUpdatesAndTheThreadWaitsWithoutSpinning() throws InterruptedException {
        start(10);
        session.control().play();
        awaitStep(200);
        session.control().pause();
        assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        long paused = session.step();
        Thread.sleep(100);
        assertThat(session.step()).isEqualTo(paused);
        assertThat(session.threadState()).isEqualTo(Thread.State.WAITING);
        // Pausing shows the state reached, even between two refresh intervals.
        assertThat(session.frames().peek().step()).isEqualTo(paused);
    }

    @Test
    void stepAdvancesExactlyOneAndPublishesIt() throws InterruptedException {
        start(1000);
        for (int i = 1; i <= 3; i++) {
            session.control().step(1);
            assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(20);
            assertThat(session.step()).isEqualTo(i);
            assertThat(session.frames().peek().step()).isEqualTo(i);
        }
    }

    /**
     * With batch size 2 and no weight decay, one update changes W only where the two input
     * images have ink: each delta tile is a mix of the two digits, as in the post.
     */
    @Test
    void aSingleStepsDeltaIsMadeOfTheTwoInputDigits() throws InterruptedException {
        start(1);
        session.control().step(40);
        session.control().awaitIdle(5, TimeUnit.SECONDS);
        PublishedFrame before = session.frames().take();
        session.control().step(1);
        session.control().awaitIdle(5, TimeUnit.SECONDS);
        PublishedFrame after = session.frames().take();
        float[] delta = after.deltaSince(before, new float[after.frame().weights().length]);
        int[] images = after.frame().batchImages();
        assertThat(images).hasSize(2);
        int size = after.frame().tileSize();
        for (int p = 0; p < size; p++) {
            boolean ink = session.data().pixel(images[0], p) != 0 || session.data().pixel(images[1], p) != 0;
            boolean changed = false;
            for (int k = 0; k < 10; k++) {
                changed |= delta[k * size + p] != 0;
            }
            assertThat(changed).as("pixel %d, ink %s", p, ink).isEqualTo(ink);
        }
    }

    @Test
    void atUnlimitedPaceItStopsExactlyAtTheScriptedStepAndAPauseStopsItMidStretch() throws InterruptedException {
        start(10);
        session.control().pauseAtStep(5_123);
        session.control().play();
        assertThat(session.control().awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        assertThat(session.step()).isEqualTo(5_123);
        assertThat(session.frames().peek().step()).isEqualTo(5_123);

        // a pause is honoured within the stretch the trainer was granted (4,096 updates), not after it
        session.control().pauseAtStep(Long.MAX_VALUE);
        session.control().setPace(Double.POSITIVE_INFINITY);
        List<Long> stepsAtCommand = new ArrayList<>();
        session.control().play();
        awaitStep(5_200);
        session.control().submit(() -> stepsAtCommand.add(session.step()));
        long submitted = session.step();
        session.control().pause();
        assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stepsAtCommand).hasSize(1);
        // the command ran at the next update after it was queued, not at the end of a stretch
        assertThat(stepsAtCommand.get(0) - submitted).isLessThan(TrainingControl.MAX_FREE_STEPS / 4);
    }

    @Test
    void stepNAdvancesExactlyN() throws InterruptedException {
        start(7);
        session.control().step(250);
        assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        assertThat(session.step()).isEqualTo(250);
    }

    @Test
    void resetWithTheSameSeedReplaysTheSameRunBitForBit() throws InterruptedException {
        start(1);
        session.control().step(300);
        session.control().awaitIdle(5, TimeUnit.SECONDS);
        float[] first = session.frames().peek().frame().weights();
        session.reset();
        session.control().awaitIdle(5, TimeUnit.SECONDS);
        assertThat(session.step()).isZero();
        session.control().step(300);
        session.control().awaitIdle(5, TimeUnit.SECONDS);
        PublishedFrame replay = session.frames().peek();
        assertThat(replay.step()).isEqualTo(300);
        assertThat(replay.run()).isEqualTo(1);
        assertThat(replay.frame().weights()).isEqualTo(first);
    }

    @Test
    void newHyperParametersKeepTheWeights() throws InterruptedException {
        start(1);
        session.control().step(100);
        session.control().awaitIdle(5, TimeUnit.SECONDS);
        float[] before = session.frames().peek().frame().weights();
        session.setConfig(session.config().withBatchSize(10).withLearningRate(0.01));
        session.control().step(1);
        session.control().awaitIdle(5, TimeUnit.SECONDS);
        Frame after = session.frames().peek().frame();
        assertThat(after.config().batchSize()).isEqualTo(10);
        float[] change = after.deltaSince(new Frame(0, 0, 10, 28, 28, before, new float[10], null, 0, 0, 0,
                null, null, null, null));
        float largest = 0;
        for (float c : change) {
            largest = Math.max(largest, Math.abs(c));
        }
        // One small update away from the trained weights, not a fresh start.
        assertThat(largest).isGreaterThan(0f).isLessThan(0.05f);
    }

    @Test
    void autoGrowRaisesTheIntervalTenfoldEvery100Intervals() throws InterruptedException {
        start(1);
        session.setAutoGrow(true);
        session.control().step(99);
        session.control().awaitIdle(5, TimeUnit.SECONDS);
        assertThat(session.refreshInterval()).isEqualTo(1);
        session.control().step(1);
        session.control().awaitIdle(5, TimeUnit.SECONDS);
        assertThat(session.refreshInterval()).isEqualTo(10);
        session.control().step(900);
        session.control().awaitIdle(5, TimeUnit.SECONDS);
        assertThat(session.refreshInterval()).isEqualTo(100);
    }

    @Test
    void nanLossPausesAndSaysWhy() throws InterruptedException {
        start(1);
        // constant: a decaying rate shrinks fast enough on 500 images that the weights may stay finite
        session.setConfig(session.config().withLearningRate(1e37).withDecay(0));
        session.control().play();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (session.problem() == null && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(session.problem()).contains("loss became").contains("learning rate");
        assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        assertThat(session.control().isRunning()).isFalse();
    }

    @Test
    void closeStopsTheThread() throws InterruptedException {
        start(1);
        session.control().play();
        awaitStep(10);
        session.close();
        assertThat(session.isAlive()).isFalse();
    }

    @Test
    void paceLimitsUpdatesPerSecond() throws InterruptedException {
        start(1);
        session.control().setPace(20);
        session.control().play();
        Thread.sleep(200);
        session.control().pause();
        // 20 updates/s for 0.2 s: about 4; never hundreds (an upper bound only, so load cannot fail it).
        assertThat(session.step()).isBetween(1L, 10L);
    }

    /**
     * A consumer much slower than the trainer: it takes the newest frame, works 20 ms, and draws
     * the change since the frame it drew before. A listener records every frame (refresh
     * interval 1, so every single update) as ground truth.
     */
    @Test
    void slowConsumerSkipsFramesButItsDeltasCoverEveryUpdate() throws InterruptedException {
        start(1);
        List<PublishedFrame> all = new ArrayList<>();
        session.addFrameListener(all::add);
        session.control().pauseAtStep(3000);
        session.control().setPace(20_000);
        session.control().play();

        List<PublishedFrame> drawn = new ArrayList<>();
        List<float[]> deltas = new ArrayList<>();
        PublishedFrame last = null;
        while (last == null || last.step() < 3000) {
            PublishedFrame f = session.frames().take();
            if (f != last) {
                deltas.add(f.deltaSince(last, new float[f.frame().weights().length]));
                drawn.add(f);
                last = f;
            }
            Thread.sleep(20);
        }
        assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();

        // The trainer did not wait: many updates per picture.
        assertThat(drawn.size()).isLessThan(3000 / 5);
        // One frame per update (the listener came after the initial frame), none lost.
        assertThat(all.size()).isEqualTo(3000);
        assertThat(all.get(0).step()).isEqualTo(1);
        for (int d = 1; d < drawn.size(); d++) {
            // drawn delta = sum of every single update between the two pictures
            float[] expected = new float[deltas.get(d).length];
            for (PublishedFrame f : all) {
                if (f.step() > drawn.get(d - 1).step() && f.step() <= drawn.get(d).step()) {
                    float[] one = f.frame().delta();
                    for (int i = 0; i < expected.length; i++) {
                        expected[i] += one[i];
                    }
                }
            }
            float[] got = deltas.get(d);
            for (int i = 0; i < expected.length; i++) {
                assertThat(got[i]).as("weight %d between steps %d and %d", i, drawn.get(d - 1).step(),
                        drawn.get(d).step()).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    /** Without listeners the trainer skips captures nobody could see, so the window costs it little. */
    @Test
    void slowConsumerDoesNotSlowTheTrainer() throws InterruptedException {
        start(1);
        session.control().play();
        int pictures = 0;
        PublishedFrame last = null;
        long before = session.step();
        for (int i = 0; i < 15; i++) {
            PublishedFrame f = session.frames().take();
            if (f != last) {
                pictures++;
                last = f;
            }
            Thread.sleep(20);
        }
        long updates = session.step() - before;
        session.control().pause();
        // Captures are bounded by what the consumer took, not by the updates (refresh interval 1).
        assertThat(session.frames().publishedCount()).isLessThanOrEqualTo(pictures + 2L);
        assertThat(updates).isGreaterThan(20L * pictures);
    }
}
