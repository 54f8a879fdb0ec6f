package org.weightstudio.ui;

import java.util.Arrays;
import javafx.application.Application;
import javafx.stage.Stage;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.persistence.StudioSettingsStore;

/**
 * The JavaFX application: reads the window options and the user's settings, opens the
 * {@link StudioWindow} at once and loads the data behind it. Window options are checked before
 * JavaFX starts, so a typo is a one-line error and exit 64, not an empty window.
 */
public final class StudioApp extends Application {
    private StudioWindow window;

    /** Entry point from {@code Launcher}: returns when the window has closed. */
    public static void open(String[] args) {
        try {
            WindowOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("weight-studio: " + e.getMessage());
            System.err.println("Try 'weight-studio --help'. Window options: --paused --autostart --quit-after-steps N "
                    + "--snapshot-on-exit FILE.png --data DIR --pace X|unlimited|timelapse --refresh N");
            System.exit(64);
        }
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
        window = new StudioWindow(stage, settings, store, options);
        if (warning != null) {
            window.viewModel().banner().warn(warning);
        }
        window.show(() -> options.dataDir() == null
                ? DatasetLoader.loadBundledMnist()
                : DatasetLoader.load(options.dataDir()));
    }

    @Override
    public void stop() {
        if (window != null && window.exitCode() != 0) {
            System.exit(window.exitCode());
        }
    }
}
