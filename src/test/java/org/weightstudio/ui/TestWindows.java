package org.weightstudio.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.weightstudio.data.Dataset;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.persistence.StudioSettingsStore;

/** The studio window as the window tests open it: 1260x780, settings saved in a temporary folder, data at hand. */
final class TestWindows {
    private TestWindows() {
    }

    /** A window shown on {@code stage} with {@code data}; {@code tweak} changes the default settings first. */
    static Opened open(Stage stage, String name, Dataset data, Consumer<StudioSettings> tweak) throws IOException {
        Path settingsFile = Files.createTempDirectory(name).resolve("settings.json");
        StudioSettings settings = StudioSettings.defaults();
        settings.windowWidth = 1260;
        settings.windowHeight = 780;
        tweak.accept(settings);
        StudioWindow window = new StudioWindow(stage, settings, new StudioSettingsStore(settingsFile), WindowOptions.none());
        window.show(data);
        return new Opened(window, settingsFile);
    }

    /** The window and the file its settings are saved to. */
    record Opened(StudioWindow window, Path settingsFile) {
    }
}
