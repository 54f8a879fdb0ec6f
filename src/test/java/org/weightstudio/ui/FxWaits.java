package org.weightstudio.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in the window tests: a condition that does not come true in time fails the test, naming
 * what was awaited. And reading the scene on the FX thread: a lookup from the test thread races
 * the scene's changes (IndexOutOfBoundsException in Parent.lookupAll while a grid is built).
 */
final class FxWaits {
    private FxWaits() {
    }

    static void waitFor(String what, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** The text of label {@code id}, looked up and read on the FX thread. */
    static String labelText(FxRobot robot, String id) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(Label.class).getText()).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("cannot read " + id, e);
        }
    }
}
