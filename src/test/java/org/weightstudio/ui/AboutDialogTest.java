package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.persistence.StudioVersion;
import org.weightstudio.training.SyntheticData;

/** The About button of the window, its text and the window icons, on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        StudioSettings settings = StudioSettings.defaults();
        settings.windowWidth = 1260;
        settings.windowHeight = 780;
        window = new StudioWindow(stage, settings, null, WindowOptions.none());
        window.show(SyntheticData.dataset(300, 100));
    }

    @AfterEach
    void stop() {
        window.viewModel().close();
    }

    @Test
    void theAboutButtonOpensTheVersionAndTheLicences(FxRobot robot) throws TimeoutException {
        robot.clickOn("#aboutButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#aboutLicences").tryQuery().isPresent());

        assertThat(robot.lookup("#aboutTitle").queryAs(Label.class).getText())
                .isEqualTo("Weight Studio " + StudioVersion.current());
        String licences = robot.lookup("#aboutLicences").queryAs(TextArea.class).getText();
        assertThat(licences).contains("MNIST", "CC BY-SA 3.0", "OpenJFX", "Classpath Exception", "EJML", "Gson",
                "picocli", "Apache License 2.0");
        // Maven stamped every version in: no placeholder is left
        assertThat(licences).doesNotContain("${").containsPattern("EJML \\d+\\.\\d+");
        Stage about = (Stage) robot.lookup("#aboutLicences").query().getScene().getWindow();
        assertThat(about.getOwner()).isSameAs(window.stage());

        robot.clickOn("#aboutClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows()).doesNotContain(about);
    }

    @Test
    void theWindowCarriesTheIconInEverySize() {
        assertThat(window.stage().getIcons()).extracting(icon -> (int) icon.getWidth())
                .containsExactly(16, 24, 32, 48, 64, 128, 256);
        assertThat(window.stage().getIcons()).allSatisfy(icon -> assertThat(icon.isError()).isFalse());
    }
}
