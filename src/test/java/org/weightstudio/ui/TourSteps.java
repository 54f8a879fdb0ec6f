package org.weightstudio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.weightstudio.persistence.StudioSettings;

/** The steps the screenshot tours (ScreenshotTour, AugmentFolderTour) are made of: run on the FX thread, train a while, save the window. */
final class TourSteps {
    private TourSteps() {
    }

    /**
     * Starts JavaFX and opens a 1600x1000 window at the top left, at refresh 10 and unlimited pace
     * (so that each model has learned something by its shot), on the bundled MNIST; returns once
     * the data has loaded.
     */
    static StudioWindow openLoadedWindow() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        StudioWindow window = fx(() -> {
            StudioSettings s = StudioSettings.defaults();
            s.windowWidth = 1600;
            s.windowHeight = 1000;
            s.refreshInterval = 10;
            s.pace = 0;
            Stage stage = new Stage();
            StudioWindow w = new StudioWindow(stage, s, null, WindowOptions.none());
            w.show(DataPreload.start(null));
            stage.setX(0);
            stage.setY(0);
            return w;
        });
        StudioViewModel vm = window.viewModel();
        waitUntil(() -> fx(() -> !vm.loadingProperty().get()), 120);
        return window;
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
