package org.weightstudio.ui;

import java.util.Arrays;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.persistence.StudioSettingsStore;
import org.weightstudio.ui.work.Workers;

/**
 * The JavaFX application: reads the window options and the user's settings and opens the
 * {@link StudioWindow} at once; the data has been loading since before JavaFX started. Window
 * options are checked before JavaFX starts, so a typo is a one-line error and exit 64, not an
 * empty window.
 */
public final class StudioApp extends Application {
    /**
     * The data, loading since {@link #open}: JavaFX makes the Application itself, so the loader
     * started before JavaFX reaches {@link #start} through this field (null when started otherwise).
     */
    private static volatile DataPreload preload;

    private StudioWindow window;

    /** Entry point from {@code Launcher}: returns when the window has closed. */
    public static void open(String[] args) {
        try {
            preload = DataPreload.start(WindowOptions.parse(Arrays.asList(args)).dataDir());
        } catch (IllegalArgumentException e) {
            System.err.println("weight-studio: " + e.getMessage());
            System.err.println("Try 'weight-studio --help'. Window options: --paused --autostart --quit-after-steps N "
                    + "--snapshot-on-exit FILE.png --data DIR --pace X|unlimited|timelapse --refresh N "
                    + "--report-first-picture");
            System.exit(64);
        }
        ClassPathWarningFilter.installIfOnClassPath();
        // on its own thread: the JMX start-up behind it takes a few hundred milliseconds
        Workers.start(() -> {
            ToolkitJit.Result r = ToolkitJit.apply();
            if (Boolean.getBoolean("weightstudio.printStats")) {
                System.out.println("toolkit JIT directive: " + r.answer());
            }
        }, "weight-studio-jit");
        Application.launch(StudioApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        WindowOptions options = WindowOptions.parse(getParameters().getRaw());
        StudioSettings settings = StudioSettings.defaults();
        StudioSettingsStore store = null;
        String warning = null;
        if (options.quitAfterSteps() == null) {
            store = StudioSettingsStore.forUser();
            StudioSettingsStore.Loaded loaded = store.load();
            warning = loaded.warning();
            if (warning != null) {
                System.err.println("weight-studio: " + warning);
            }
            settings = loaded.settings();
        }
        // A scripted run (--quit-after-steps) uses the defaults, so that it gives the same
        // picture on every machine, and leaves the user's settings alone.
        // No window larger than the screen's usable area (a saved size from a bigger screen included).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        settings.windowWidth = Math.min(settings.windowWidth, screen.getWidth());
        settings.windowHeight = Math.min(settings.windowHeight, screen.getHeight());
        window = new StudioWindow(stage, settings, store, options);
        if (options.reportFirstPicture()) {
            FirstPictureReport.printWhenDrawn(window);
        }
        if (warning != null) {
            window.viewModel().banner().warn(warning);
        }
        DataPreload data = preload != null ? preload : DataPreload.start(options.dataDir());
        window.show(data);
    }

    @Override
    public void stop() {
        if (window != null && window.exitCode() != 0) {
            System.exit(window.exitCode());
        }
    }
}
