package org.weightstudio.ui;

import java.time.Duration;
import java.time.Instant;
import javafx.scene.Scene;

/**
 * {@code --report-first-picture}: prints one line on stdout in the pulse that first shows a
 * picture of the grid, so that {@code bench/first_picture.sh} can time a launch from outside
 * (window start, data load, first frame). The line also says, as the process sees them, the wall
 * time since it started (coarse: the operating system's start time) and the CPU time it has used
 * (all threads), which a loaded machine does not inflate.
 */
final class FirstPictureReport {
    static final String LINE = "first picture drawn";

    private FirstPictureReport() {
    }

    static void printWhenDrawn(StudioWindow window) {
        Scene scene = window.stage().getScene();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            // After layout, in the pulse whose render shows the grid with its first picture: the
            // grid draws a picture as soon as both exist (StudioWindow).
            if (window.grid() != null && window.viewModel().picture().shownProperty().get() != null) {
                scene.removePostLayoutPulseListener(check[0]);
                System.out.println(LINE + ": " + sinceStart() + " ms after the process started, "
                        + cpuMillis() + " ms CPU");
                System.out.flush();
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    private static String sinceStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Long.toString(Duration.between(start, Instant.now()).toMillis()))
                .orElse("?");
    }

    private static String cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration()
                .map(cpu -> Long.toString(cpu.toMillis()))
                .orElse("?");
    }
}
