package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's pulse driver on the real toolkit: every pulse until told it may wait, then a call
 * when the wait is over or as soon as the reason to wait is gone. Bounds are loose on purpose (a
 * busy machine runs fewer pulses, never more).
 */
@ExtendWith(ApplicationExtension.class)
class PulseDriverTest {
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong wait = new AtomicLong();
    private final AtomicBoolean calm = new AtomicBoolean(true);
    private PulseDriver driver;

    @Start
    void start(Stage stage) {
        driver = new PulseDriver(now -> {
            calls.incrementAndGet();
            return wait.get();
        }, calm::get);
        driver.start();
    }

    private int callsIn(long millis) throws InterruptedException {
        int before = calls.get();
        Thread.sleep(millis);
        return calls.get() - before;
    }

    private boolean everyPulse() {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> driver.everyPulse());
    }

    @Test
    void waitsWhenToldAndComesBackWhenTheReasonIsGone() throws InterruptedException {
        assertThat(everyPulse()).isTrue();
        FxWaits.waitFor("pulses", 10, () -> calls.get() >= 3);

        // may wait 400 ms: at most a few calls a second, not sixty
        wait.set(400_000_000L);
        FxWaits.waitFor("the driver to wait", 10, () -> !everyPulse());
        int waiting = callsIn(1_200);
        assertThat(waiting).isBetween(1, 5);
        assertThat(everyPulse()).isFalse();

        // told to wait long, but the trainer stops: a call comes soon, and it says "no wait"
        wait.set(60_000_000_000L);
        FxWaits.waitFor("a call that sees the long wait", 10, () -> {
            int c = calls.get();
            Thread.sleep(500);
            return calls.get() > c;
        });
        int before = calls.get();
        wait.set(0);
        calm.set(false);
        FxWaits.waitFor("a call once the reason to wait is gone", 5, () -> calls.get() > before);
        FxWaits.waitFor("every pulse again", 5, this::everyPulse);
        driver.stop();
    }

    @Test
    void inputWakesItAndStopEndsTheCalls() throws InterruptedException {
        wait.set(60_000_000_000L);
        FxWaits.waitFor("the driver to wait", 10, () -> !everyPulse());
        WaitForAsyncUtils.asyncFx(() -> driver.wake());
        assertThat(everyPulse()).isTrue();
        WaitForAsyncUtils.asyncFx(() -> driver.stop());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(callsIn(300)).isZero();
    }
}
