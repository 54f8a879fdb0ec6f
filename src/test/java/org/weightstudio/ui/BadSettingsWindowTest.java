package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.persistence.StudioSettingsStore;
import org.weightstudio.training.SyntheticData;

/**
 * Issue 13, done-when: a window opened with item 2's settings (one value of the wrong type) and
 * item 4's (a NUL in the folder) starts, warns once, and closed with Ctrl+Q keeps every good value.
 */
@ExtendWith(ApplicationExtension.class)
class BadSettingsWindowTest {
    private StudioWindow window;
    private Path settingsFile;
    private String warning;

    @Start
    void start(Stage stage) throws IOException {
        settingsFile = Files.createTempDirectory("bad-settings").resolve("settings.json");
        Files.writeString(settingsFile, "{\"refreshInterval\":\"fast\",\"batchSize\":10,\"seed\":7,"
                + "\"learningRate\":0.02,\"snapshotFolder\":\"a\\u0000b\",\"windowWidth\":1200}");
        StudioSettingsStore store = new StudioSettingsStore(settingsFile);
        StudioSettingsStore.Loaded loaded = store.load();
        warning = loaded.warning();
        window = new StudioWindow(stage, loaded.settings(), store, WindowOptions.none());
        window.viewModel().banner().warn(warning);
        window.show(SyntheticData.dataset(600, 200));
    }

    @AfterEach
    void stop() {
        window.viewModel().close();
    }

    @Test
    void startsWarnsOnceAndCtrlQKeepsEveryGoodValue(FxRobot robot) throws Exception {
        assertThat(warning).contains("refreshInterval").contains("snapshotFolder").doesNotContain("\n");
        assertThat(window.viewModel().form().snapshotFolderProperty().get()).isEqualTo(Path.of("snapshots"));
        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.stage().isShowing());
        StudioSettingsStore.Loaded saved = new StudioSettingsStore(settingsFile).load();
        assertThat(saved.warning()).isNull();
        StudioSettings s = saved.settings();
        assertThat(s.batchSize).isEqualTo(10);
        assertThat(s.seed).isEqualTo(7);
        assertThat(s.learningRate).isEqualTo(0.02);
        assertThat(s.refreshInterval).isEqualTo(1);
        assertThat(s.snapshotFolder).isEqualTo("snapshots");
    }
}
