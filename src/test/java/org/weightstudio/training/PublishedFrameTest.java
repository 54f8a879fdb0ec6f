package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishedFrameTest {
    private static Frame frame(long step, float... w) {
        return new Frame(step, 0, 1, 1, w.length, w, new float[1], new float[w.length], 0, 0, 0, new int[0],
                new int[0], new int[0], TrainingConfig.defaults());
    }

    @Test
    void deltaIsTheChangeSinceTheFrameDrawnBefore() {
        Frame start = frame(0, 0f, 0f);
        PublishedFrame drawn = new PublishedFrame(0, start, frame(10, 1f, 2f));
        PublishedFrame next = new PublishedFrame(0, start, frame(50, 1.5f, 1f));
        assertThat(next.deltaSince(drawn, new float[2])).containsExactly(0.5f, -1f);
    }

    @Test
    void afterAResetTheDeltaIsTakenAgainstTheNewRunsStart() {
        PublishedFrame oldRun = new PublishedFrame(0, frame(0, 0f, 0f), frame(900, 5f, 5f));
        Frame newStart = frame(0, 0.25f, 0f);
        PublishedFrame newRun = new PublishedFrame(1, newStart, frame(3, 1f, 1f));
        assertThat(newRun.deltaSince(oldRun, new float[2])).containsExactly(0.75f, 1f);
        assertThat(newRun.deltaSince(null, new float[2])).containsExactly(0.75f, 1f);
    }
}
