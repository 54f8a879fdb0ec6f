package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.analysis.PerturbationKind;
import org.weightstudio.training.SyntheticData;

/** The window with several models: the selector, each model's own progress, and the tabs that compare them. */
@ExtendWith(ApplicationExtension.class)
class ModelsWindowTest {
    private StudioWindow window;

    @Start
    void start(Stage stage) throws IOException {
        window = TestWindows.open(stage, "models-test", SyntheticData.dataset(600, 200), settings -> settings.hidden = 16)
                .window();
    }

    @AfterEach
    void stop() {
        window.viewModel().close();
    }

    private StudioViewModel vm() {
        return window.viewModel();
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        FxWaits.waitFor(what, 30, condition);
    }

    /** n updates of the model shown, then paused, and its picture drawn. */
    private void train(FxRobot robot, long n) {
        long target = vm().session().step() + n;
        robot.interact(() -> vm().session().control().step(n));
        waitFor(target + " steps", () -> vm().session().step() == target);
        waitFor("the picture of step " + target, () -> vm().picture().shownProperty().get() != null
                && vm().picture().shownProperty().get().step() == target);
    }

    private void choose(FxRobot robot, ModelKind kind) {
        robot.clickOn("#model-" + kind.id);
        waitFor(kind + " shown", () -> vm().models().selectedProperty().get() == kind);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void switchingModelsKeepsEachOnesStepsAndShowsItsOwnGrid(FxRobot robot) {
        waitFor("the one-layer grid", () -> window.grid() != null);
        train(robot, 7);

        choose(robot, ModelKind.MLP);
        assertThat(vm().session().architecture().kind()).isEqualTo("mlp");
        assertThat(vm().training().stepProperty().get()).isZero();
        assertThat(window.modelGrid()).isInstanceOf(LayerGrid.class);
        train(robot, 3);

        choose(robot, ModelKind.ONE_LAYER);
        assertThat(vm().session().architecture().kind()).isEqualTo("softmax");
        assertThat(vm().training().stepProperty().get()).isEqualTo(7);
        assertThat(vm().picture().shownProperty().get().step()).isEqualTo(7);
        assertThat(window.grid()).isNotNull();
        assertThat(window.recording().history().latest().step()).isEqualTo(7);

        choose(robot, ModelKind.MLP);
        assertThat(vm().training().stepProperty().get()).isEqualTo(3);
        assertThat(vm().picture().shownProperty().get().step()).isEqualTo(3);
        assertThat(window.recording().history().latest().step()).isEqualTo(3);
        // the one-layer net kept its weights while hidden
        assertThat(vm().models().slot(ModelKind.ONE_LAYER).session().step()).isEqualTo(7);
    }

    @Test
    void theHiddenSizeShowsOnlyWithTheMlpAndTheCnnSortsFilters(FxRobot robot) {
        waitFor("the one-layer grid", () -> window.grid() != null);
        assertThat(robot.lookup("#hiddenSize").query().isVisible()).isFalse();
        choose(robot, ModelKind.MLP);
        assertThat(robot.lookup("#hiddenSize").query().isVisible()).isTrue();
        assertThat(robot.lookup("#sortByChange").queryAs(javafx.scene.control.CheckBox.class).getText())
                .isEqualTo("sort units by change");
        choose(robot, ModelKind.CNN);
        assertThat(robot.lookup("#hiddenSize").query().isVisible()).isFalse();
        assertThat(robot.lookup("#sortByChange").queryAs(javafx.scene.control.CheckBox.class).getText())
                .isEqualTo("sort filters by change");
    }

    @Test
    void theMlpsAndTheCnnsTimelinesExportAsTheSnapshotCommandDrawsThem(FxRobot robot) throws Exception {
        Path folder = Files.createTempDirectory("model-export");
        for (ModelKind kind : new ModelKind[] {ModelKind.MLP, ModelKind.CNN}) {
            choose(robot, kind);
            train(robot, 3);
            train(robot, 4);
            exportsAsTheCommandDraws(robot, folder.resolve(kind.id + ".gif"));
        }
    }

    /** Every recorded picture in the GIF, each the size of the snapshot command's picture of that frame. */
    private void exportsAsTheCommandDraws(FxRobot robot, Path gif) throws Exception {
        Recording recording = window.recording();
        // the last picture (drawn when the trainer paused) recorded before the export reads the history
        assertThat(vm().session().control().awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        var frames = recording.history().all();
        assertThat(frames).hasSizeGreaterThanOrEqualTo(2);
        var task = new java.util.concurrent.atomic.AtomicReference<javafx.concurrent.Task<Path>>();
        robot.interact(() -> task.set(recording.exportGif(gif, 10, 2, false)));
        assertThat(task.get()).as("the export started").isNotNull();
        waitFor("the export", () -> task.get().isDone() && recording.exportProperty().get() == null);
        waitFor("the banner", () -> text(robot, "#banner").startsWith("Exported " + frames.size() + " frames"));
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            var reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(frames.size());
            var last = frames.get(frames.size() - 1);
            var before = frames.get(frames.size() - 2);
            var expected = org.weightstudio.render.SnapshotWriter.renderGrid(last, last.deltaSince(before),
                    before.step(), new org.weightstudio.render.GridOptions(vm().form().scaleModeProperty().get(), 2),
                    new org.weightstudio.render.SnapshotInfo("synthetic", vm().dataset().classNames(),
                            vm().form().refreshIntervalProperty().get())).image();
            assertThat(reader.getWidth(frames.size() - 1)).isEqualTo(expected.getWidth());
            assertThat(reader.getHeight(frames.size() - 1)).isEqualTo(expected.getHeight());
        }
    }

    @Test
    void eachModelGetsItsTestAccuracyInTheStatusBar(FxRobot robot) {
        waitFor("the one-layer grid", () -> window.grid() != null);
        train(robot, 5);
        waitFor("the one-layer net's test accuracy", () -> vm().tests().accuracyStepProperty().get() == 5);
        choose(robot, ModelKind.MLP);
        train(robot, 3);
        waitFor("the MLP's test accuracy", () -> vm().tests().accuracyStepProperty().get() == 3);
        assertThat(text(robot, "#testLabel")).endsWith("(step 3)");
        choose(robot, ModelKind.ONE_LAYER);
        train(robot, 2);
        waitFor("the one-layer net's test accuracy again", () -> vm().tests().accuracyStepProperty().get() == 7);
    }

    @Test
    void aModelLeftTrainingPausesWhileHiddenAndResumesWhenShown(FxRobot robot) throws InterruptedException {
        robot.interact(() -> {
            vm().form().setPace(50);
            vm().training().play();
        });
        waitFor("a few steps", () -> vm().session().step() >= 3);
        choose(robot, ModelKind.MLP);
        var oneLayer = vm().models().slot(ModelKind.ONE_LAYER).session();
        assertThat(oneLayer.control().awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        long hidden = oneLayer.step();
        Thread.sleep(300);
        assertThat(oneLayer.step()).isEqualTo(hidden);
        assertThat(vm().training().runningProperty().get()).isFalse();

        choose(robot, ModelKind.ONE_LAYER);
        waitFor("training again", () -> oneLayer.step() > hidden + 2);
        assertThat(vm().training().runningProperty().get()).isTrue();
        robot.interact(() -> vm().training().pause());
    }

    @Test
    void hoverOverAHiddenUnitNamesLayerUnitPixelAndValue(FxRobot robot) {
        choose(robot, ModelKind.MLP);
        train(robot, 2);
        robot.moveTo("#unit-dense1-5");
        waitFor("the hover text", () -> !text(robot, "#hoverLabel").isEmpty());
        String hover = text(robot, "#hoverLabel");
        assertThat(hover).startsWith("dense1 (hidden layer)  unit 5  pixel row ").containsPattern(": [+-]\\d");
        // the value named is the weight of that pixel for that unit: dense1.W[p][5]
        LayerGrid grid = (LayerGrid) window.modelGrid();
        HeatmapTile tile = grid.weightTile(0, 5);
        var m = java.util.regex.Pattern.compile("pixel row (\\d+), col (\\d+): (\\S+)").matcher(hover);
        assertThat(m.find()).isTrue();
        int row = Integer.parseInt(m.group(1));
        int col = Integer.parseInt(m.group(2));
        float shown = tile.valueAt(row, col);
        float[] w = vm().picture().shownProperty().get().frame().frame().tensor("dense1.W").values();
        assertThat(shown).isEqualTo(w[(row * 28 + col) * 16 + 5]);
        assertThat(Float.parseFloat(m.group(3))).isCloseTo(shown, org.assertj.core.data.Offset.offset(1e-3f + Math.abs(shown) * 1e-3f));
    }

    @Test
    void drawTabShowsOnePredictionPerTrainedModel(FxRobot robot) {
        train(robot, 20);
        choose(robot, ModelKind.MLP);
        train(robot, 20);
        selectTab(robot, 1);
        robot.clickOn("#test-digit");
        waitFor("two verdicts", () -> robot.lookup(".model-verdict").queryAll().size() == 2
                && robot.lookup(".model-verdict").queryAll().stream()
                        .allMatch(n -> ((Label) n).getText().matches("\\d  \\(\\d+\\.\\d%\\)")));
        assertThat(robot.lookup("#verdict-One-layer").tryQuery()).isPresent();
        assertThat(robot.lookup("#verdict-MLP").tryQuery()).isPresent();
        // the MLP's column shows its strongest hidden units
        waitFor("unit captions", () -> robot.lookup(".unit-caption").queryAll().size() == 6);
    }

    @Test
    void robustnessTabDrawsOneCurvePerModel(FxRobot robot) {
        train(robot, 20);
        choose(robot, ModelKind.MLP);
        train(robot, 20);
        selectTab(robot, 2);
        robot.clickOn("#run-sweep");
        waitFor("the sweep", () -> text(robot, "#sweep-status").startsWith("Done"));
        for (PerturbationKind kind : PerturbationKind.values()) {
            LineChart<?, ?> chart = robot.lookup("#" + kind.id()).queryAs(LineChart.class);
            assertThat(chart.getData()).hasSize(2);
            assertThat(chart.getData().get(0).getName()).startsWith("One-layer");
            assertThat(chart.getData().get(1).getName()).startsWith("MLP");
            assertThat(chart.getData().get(1).getData()).hasSize(kind.sweepValues().length);
        }
    }

    private void selectTab(FxRobot robot, int index) {
        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return FxWaits.labelText(robot, id);
    }
}
