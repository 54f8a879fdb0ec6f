package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The trainer's free stretches: at unlimited pace {@link TrainingControl#next} lets the trainer
 * run many updates without asking again, up to the scripted stop, and every change made from
 * another thread ends the stretch (it moves {@link TrainingControl#changes()}).
 */
class TrainingControlTest {
    private final TrainingControl control = new TrainingControl();

    @Test
    void unlimitedPaceGrantsAStretchThatEndsAtTheScriptedStop() throws InterruptedException {
        control.play();
        assertThat(control.next(0, true)).isEqualTo(TrainingControl.Work.STEP);
        assertThat(control.freeSteps()).isEqualTo(TrainingControl.MAX_FREE_STEPS);

        control.pauseAtStep(1_000);
        assertThat(control.next(990, true)).isEqualTo(TrainingControl.Work.STEP);
        assertThat(control.freeSteps()).isEqualTo(10);
        assertThat(control.next(999, true)).isEqualTo(TrainingControl.Work.STEP);
        assertThat(control.freeSteps()).isEqualTo(1);
        // at the stop it pauses instead of stepping (null: publish what is not yet seen)
        assertThat(control.next(1_000, false)).isNull();
        assertThat(control.isRunning()).isFalse();
    }

    @Test
    void aPacedRunSingleStepsAndQueuedCommandsAskOneUpdateAtATime() throws InterruptedException {
        control.setPace(1e9);
        control.play();
        assertThat(control.next(0, true)).isEqualTo(TrainingControl.Work.STEP);
        assertThat(control.freeSteps()).isEqualTo(1);

        control.setPace(Double.POSITIVE_INFINITY);
        control.pause();
        control.step(3);
        assertThat(control.next(0, true)).isEqualTo(TrainingControl.Work.STEP);
        assertThat(control.freeSteps()).isEqualTo(1);

        control.setTimeLapse(TimeLapse.forEpoch(60_000, 2));
        control.play();
        assertThat(control.next(0, true)).isEqualTo(TrainingControl.Work.STEP);
        assertThat(control.freeSteps()).isEqualTo(1);
    }

    @Test
    void everyChangeFromAnotherThreadMovesTheCounterThatEndsAStretch() {
        long before = control.changes();
        control.play();
        long afterPlay = control.changes();
        assertThat(afterPlay).isGreaterThan(before);
        control.submit(() -> { });
        assertThat(control.changes()).isGreaterThan(afterPlay);
        long afterSubmit = control.changes();
        control.pause();
        assertThat(control.changes()).isGreaterThan(afterSubmit);
        long afterPause = control.changes();
        control.setPace(10);
        control.pauseAtStep(5);
        control.stop();
        assertThat(control.changes()).isEqualTo(afterPause + 3);
    }
}
