package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.persistence.StudioSettingsStore;
import org.weightstudio.training.SyntheticData;

/**
 * The grid is the hero (issue 9): at 1600x1000 the one-layer net's tiles are at least 140 px and
 * sit above the charts, and at the smallest window the issue names, 1280x800, nothing of the
 * grid, the charts or the status bar falls outside the window.
 */
class WindowLayoutTest {
    private StudioWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.viewModel().close();
        }
        FxToolkit.cleanupStages();
    }

    private StudioWindow open(double width, double height) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        StudioSettings settings = StudioSettings.defaults();
        settings.windowWidth = width;
        settings.windowHeight = height;
        settings.pace = 0;
        var file = Files.createTempDirectory("layout-test").resolve("settings.json");
        FxToolkit.setupFixture(() -> {
            window = new StudioWindow(stage, settings, new StudioSettingsStore(file), WindowOptions.none());
            window.show(SyntheticData.dataset(600, 200));
        });
        FxWaits.waitFor("the first picture", 10, () -> window.viewModel().picture().picturesDrawnProperty().get() >= 1);
        WaitForAsyncUtils.sleep(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @ParameterizedTest(name = "{0}x{1}: tiles of at least {2} px, nothing outside the window")
    @CsvSource({"1600, 1000, 140", "1280, 800, 100"})
    void theGridLeadsAndNothingClips(double width, double height, double minTile) throws Exception {
        open(width, height);
        FxRobot robot = new FxRobot();
        List<Bounds> tiles = new ArrayList<>();
        robot.interact(() -> {
            for (int k = 0; k < 10; k++) {
                tiles.add(inScene(robot.lookup("#weight-" + k).queryAs(ImageView.class)));
                tiles.add(inScene(robot.lookup("#delta-" + k).queryAs(ImageView.class)));
            }
        });
        Bounds charts = inScene(robot.lookup("#chartsPane").query());

        Bounds status = inScene(robot.lookup("#stepLabel").query());
        double sceneWidth = robot.lookup("#chartsPane").query().getScene().getWidth();
        double sceneHeight = robot.lookup("#chartsPane").query().getScene().getHeight();
        for (Bounds t : tiles) {
            assertThat(t.getWidth()).as("tile side at %sx%s", width, height).isGreaterThanOrEqualTo(minTile);
            assertThat(t.getMinX()).isGreaterThanOrEqualTo(0);
            assertThat(t.getMaxX()).isLessThanOrEqualTo(sceneWidth);
            assertThat(t.getMaxY()).as("tiles above the charts").isLessThanOrEqualTo(charts.getMinY());
        }
        assertThat(charts.getMaxY()).as("charts inside the window").isLessThanOrEqualTo(status.getMinY());
        assertThat(charts.getHeight()).as("the charts keep a readable height").isGreaterThanOrEqualTo(150);
        assertThat(status.getMaxY()).as("status bar inside the window").isLessThanOrEqualTo(sceneHeight);
    }
}
