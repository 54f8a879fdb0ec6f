package org.weightstudio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;

/** The steps the screenshot tours (ScreenshotTour, AugmentFolderTour) are made of: run on the FX thread, train a while, save the window. */
final class TourSteps {
    private TourSteps() {
    }

    static void train(StudioViewModel vm, ModelKind kind, double seconds) throws Exception {
        fx(() -> {
            vm.select(kind);
            vm.training().play();
            return null;
        });
        sleep(seconds);
        fx(() -> {
            vm.training().pause();
            return null;
        });
        sleep(1);
    }

    static void shot(StudioWindow window, Path file) throws Exception {
        fx(() -> {
            GridSnapshot.write(window.stage().getScene().getRoot(), null, file);
            return null;
        });
        System.out.println("wrote " + file + " (" + Files.size(file) / 1024 + " KB)");
    }

    static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }

    static void waitUntil(Supplier<Boolean> condition, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.get() && System.nanoTime() < end) {
            Thread.sleep(200);
        }
    }

    static <T> T fx(java.util.concurrent.Callable<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the FX thread did not answer in 60 s");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }
}
