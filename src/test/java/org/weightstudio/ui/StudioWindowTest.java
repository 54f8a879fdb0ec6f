package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.training.SyntheticData;
import org.weightstudio.training.TrainingSession;

/** The window on headless Monocle, with a small synthetic data set. */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
    private StudioWindow window;
    private Path settingsFile;

    @Start
    void start(Stage stage) throws IOException {
        // these tests drive training themselves: no time-lapse
        TestWindows.Opened opened = TestWindows.open(stage, "studio-test", SyntheticData.dataset(600, 200),
                settings -> settings.pace = 0);
        window = opened.window();
        settingsFile = opened.settingsFile();
    }

    @AfterEach
    void stop() {
        window.viewModel().close();
    }

    private StudioViewModel vm() {
        return window.viewModel();
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        FxWaits.waitFor(what, 10, condition);
    }

    private String text(FxRobot robot, String id) {
        return FxWaits.labelText(robot, id);
    }

    private void awaitIdle() throws InterruptedException {
        assertThat(vm().session().control().awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        // a few pulses: the last frame drawn and the counters refreshed
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** ARGB of all ten weight tiles, read on the FX thread. */
    private int[] weightPixels(FxRobot robot) {
        AtomicReference<int[]> out = new AtomicReference<>();
        robot.interact(() -> {
            List<Integer> all = new java.util.ArrayList<>();
            for (int k = 0; k < 10; k++) {
                Image img = robot.lookup("#weight-" + k).queryAs(ImageView.class).getImage();
                for (int y = 0; y < (int) img.getHeight(); y++) {
                    for (int x = 0; x < (int) img.getWidth(); x++) {
                        all.add(img.getPixelReader().getArgb(x, y));
                    }
                }
            }
            out.set(all.stream().mapToInt(Integer::intValue).toArray());
        });
        return out.get();
    }

    @Test
    void stepAdvancesTheCounterByExactlyOneAndChangesTheHeatmaps(FxRobot robot) throws InterruptedException {
        waitFor("the first picture", () -> vm().picture().picturesDrawnProperty().get() >= 1);
        int[] before = weightPixels(robot);
        assertThat(text(robot, "#stepLabel")).isEqualTo("step 0");

        robot.clickOn("#stepButton");
        awaitIdle();
        waitFor("step 1 on the status bar", () -> "step 1".equals(text(robot, "#stepLabel")));
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertThat(text(robot, "#stepLabel")).isEqualTo("step 1");
        assertThat(vm().session().step()).isEqualTo(1);
        waitFor("the picture of step 1", () -> vm().picture().shownProperty().get().step() == 1);
        assertThat(weightPixels(robot)).isNotEqualTo(before);

        // The Right arrow is Step too.
        robot.type(KeyCode.RIGHT);
        awaitIdle();
        waitFor("step 2", () -> "step 2".equals(text(robot, "#stepLabel")));
        assertThat(vm().session().step()).isEqualTo(2);
    }

    @Test
    void drawTabPredictsWithTheModelOfThePictureShown(FxRobot robot) throws InterruptedException {
        waitFor("the first picture", () -> vm().picture().picturesDrawnProperty().get() >= 1);
        robot.clickOn("#stepButton");
        awaitIdle();
        waitFor("the picture of step 1", () -> vm().picture().shownProperty().get().step() == 1);

        robot.clickOn("Draw");
        robot.clickOn("#test-digit");
        waitFor("a verdict on a test digit", () -> text(robot, "#verdict").matches("\\d .*"));

        robot.clickOn("Training");
        assertThat(robot.lookup("#grid").tryQuery()).isPresent();
        assertThat(robot.lookup("Robustness").tryQuery()).isPresent();
        assertThat(robot.lookup("Test set").tryQuery()).isPresent();
    }

    @Test
    void trainingFlatOutTheWindowChangesOnTicksAndAPauseShowsAtOnce(FxRobot robot) throws Exception {
        // no input events here: a click would wake the driver
        WaitForAsyncUtils.asyncFx(() -> vm().training().play()).get();
        waitFor("the driver to wait between ticks",
                () -> !WaitForAsyncUtils.asyncFx(() -> window.pulseDriver().everyPulse()).get());
        // the counters still move, on ticks
        String before = text(robot, "#stepLabel");
        waitFor("the step counter to move while waiting", () -> !before.equals(text(robot, "#stepLabel")));
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.pulseDriver().everyPulse()).get()).isFalse();

        // a pause made without input (as a scripted run's last step is): every pulse again, and the
        // counter shows the step training stopped on
        WaitForAsyncUtils.asyncFx(() -> vm().training().pause()).get();
        assertThat(vm().session().control().awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        waitFor("every pulse again", () -> WaitForAsyncUtils.asyncFx(() -> window.pulseDriver().everyPulse()).get());
        long step = vm().session().step();
        waitFor("the counter at the step training stopped on", () -> String.format(java.util.Locale.ROOT, "step %,d", step)
                .equals(text(robot, "#stepLabel")));
    }

    @Test
    void pauseStopsTheCounter(FxRobot robot) throws InterruptedException {
        robot.clickOn("#playButton");
        waitFor("training to run", () -> vm().session().step() > 100);
        robot.clickOn("#playButton");
        awaitIdle();
        String paused = text(robot, "#stepLabel");
        long step = vm().session().step();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepLabel")).isEqualTo(paused);
        assertThat(vm().session().step()).isEqualTo(step);
        assertThat(robot.lookup("#playButton").queryButton().getText()).isEqualTo("Play");

        // Space toggles too.
        robot.type(KeyCode.SPACE);
        waitFor("training to run again", () -> vm().session().step() > step + 100);
        robot.type(KeyCode.SPACE);
        awaitIdle();
        long again = vm().session().step();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertThat(vm().session().step()).isEqualTo(again);
    }

    @Test
    void aNewRefreshIntervalChangesTheCadenceOfPictures(FxRobot robot) throws InterruptedException {
        List<Long> drawn = new CopyOnWriteArrayList<>();
        waitFor("the first picture", () -> vm().picture().picturesDrawnProperty().get() >= 1);
        robot.interact(() -> {
            vm().form().setPace(10); // slow enough that a loaded machine still draws most updates
            vm().picture().addPictureListener(p -> drawn.add(p.step()));
        });
        robot.doubleClickOn("#refreshField").write("5").type(KeyCode.ENTER);
        assertThat(vm().session().refreshInterval()).isEqualTo(5);
        setText(robot, "#stepCount", "20");
        robot.clickOn("#stepNButton");
        waitFor("20 steps", () -> vm().session().step() == 20);
        awaitIdle();
        assertThat(drawn).isNotEmpty().allMatch(s -> s % 5 == 0);
        assertThat(drawn.size()).isLessThanOrEqualTo(4);

        drawn.clear();
        robot.doubleClickOn("#refreshField").write("1").type(KeyCode.ENTER);
        setText(robot, "#stepCount", "20");
        robot.clickOn("#stepNButton");
        waitFor("40 steps", () -> vm().session().step() == 40);
        awaitIdle();
        // At one picture per update, pictures land between the multiples of 5 as well.
        assertThat(drawn).anyMatch(s -> s % 5 != 0);
        assertThat(drawn.size()).isGreaterThan(4);
    }

    private static void setText(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    @Test
    void plusAndMinusKeysChangeTheRefreshInterval(FxRobot robot) {
        robot.type(KeyCode.ADD);
        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().session().refreshInterval()).isEqualTo(5);
        robot.type(KeyCode.SUBTRACT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().session().refreshInterval()).isEqualTo(2);
        assertThat(robot.lookup("#refreshField").queryAs(TextField.class).getText()).isEqualTo("2");

        // After a value is entered in a field, the keys work again at once.
        robot.doubleClickOn("#refreshField").write("50").type(KeyCode.ENTER);
        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().session().refreshInterval()).isEqualTo(100);
    }

    @Test
    void badValuesAreRefusedAtTheFieldWithAMessage(FxRobot robot) {
        double rate = vm().session().config().learningRate();
        robot.doubleClickOn("#rateField").write("abc").type(KeyCode.ENTER);
        assertThat(text(robot, "#fieldError")).contains("Learning rate").contains("not a number");
        assertThat(robot.lookup("#rateField").queryAs(TextField.class).getStyleClass()).contains("invalid");
        robot.doubleClickOn("#rateField").write("-1").type(KeyCode.ENTER);
        assertThat(text(robot, "#fieldError")).contains("greater than 0");
        assertThat(vm().session().config().learningRate()).isEqualTo(rate);

        robot.doubleClickOn("#batchField").write("100000").type(KeyCode.ENTER);
        assertThat(text(robot, "#fieldError")).contains("larger than the 600 training images");
        assertThat(vm().session().config().batchSize()).isEqualTo(2);

        robot.doubleClickOn("#l2Field").write("-1").type(KeyCode.ENTER);
        assertThat(text(robot, "#fieldError")).contains("L2");
        setText(robot, "#l2Field", "0.001");
        robot.clickOn("#l2Field").type(KeyCode.ENTER);
        setText(robot, "#decayField", "5");
        robot.clickOn("#decayField").type(KeyCode.ENTER);
        assertThat(vm().session().config().l2()).isEqualTo(0.001);
        assertThat(vm().session().config().decay()).isEqualTo(5.0);
        // every colour-scale mode has its button
        for (org.weightstudio.render.ScaleMode mode : org.weightstudio.render.ScaleMode.values()) {
            assertThat(robot.lookup(".toggle-button").queryAllAs(javafx.scene.control.ToggleButton.class))
                    .anyMatch(b -> b.getText().toUpperCase().replace('-', '_').startsWith(mode.name()));
        }

        robot.doubleClickOn("#batchField").write("16").type(KeyCode.ENTER);
        assertThat(text(robot, "#fieldError")).isEmpty();
        assertThat(vm().session().config().batchSize()).isEqualTo(16);
    }

    @Test
    void aNanLossPausesAndSaysWhy(FxRobot robot) throws InterruptedException {
        // constant rate: the default decay shrinks it fast enough on 600 images that weights may stay finite
        // (through the form, which owns the config: a session-only change is undone by the next field)
        robot.interact(() -> vm().form().setDecay("0"));
        robot.doubleClickOn("#rateField").write("1e37").type(KeyCode.ENTER);
        robot.clickOn("#playButton");
        waitFor("the banner", () -> text(robot, "#banner").contains("loss became"));
        awaitIdle();
        assertThat(vm().session().control().isRunning()).isFalse();
        assertThat(robot.lookup("#banner").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void testAccuracyIsMeasuredAtLogSpacedStepsAndResetEmptiesEveryChartAtOnce(FxRobot robot)
            throws InterruptedException, TimeoutException {
        waitFor("the first picture", () -> vm().picture().picturesDrawnProperty().get() >= 1);
        var testSeries = vm().charts().accuracySeries().get(1);
        robot.interact(() -> {
            vm().form().setPace(8);
            vm().training().stepN("60");
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().session().step() == 60);
        awaitIdle();
        waitFor("the test evaluation of the pause", () -> testSeries.getData().stream()
                .anyMatch(d -> d.getXValue().longValue() == 60));
        // Pictures come about every 1/8 s: the first picture at or past 10, 20 and 50 was
        // measured (a busy evaluator may push one to a later picture), and the pause at 60.
        List<Long> steps = testSeries.getData().stream().map(d -> d.getXValue().longValue()).toList();
        assertThat(steps).hasSizeBetween(4, 5).last().isEqualTo(60L);
        assertThat(steps.get(0)).isBetween(10L, 19L);
        assertThat(steps.get(1)).isBetween(20L, 49L);
        assertThat(steps.get(2)).isBetween(50L, 59L);
        waitFor("a training point", () -> !vm().charts().lossSeries().get(0).getData().isEmpty());

        robot.clickOn("#resetButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().charts().lossSeries()).allMatch(series -> series.getData().isEmpty());
        assertThat(vm().charts().accuracySeries()).allMatch(series -> series.getData().isEmpty());
    }

    @Test
    void closingTheWindowStopsTheThreadAndSavesSettings(FxRobot robot) {
        robot.clickOn("#playButton");
        waitFor("training to run", () -> vm().session().step() > 10);
        TrainingSession session = vm().session();
        robot.interact(() -> {
            Stage stage = window.stage();
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.close();
        });
        assertThat(session.isAlive()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals(TrainingSession.THREAD_NAME) && t.isAlive());
        assertThat(settingsFile).exists();
    }

    @Test
    void ctrlQClosesTheWindowAndSavesSettings(FxRobot robot) {
        quitsWith(robot, KeyCode.Q);
    }

    @Test
    void ctrlWClosesTheWindowAndSavesSettings(FxRobot robot) {
        quitsWith(robot, KeyCode.W);
    }

    /** Issue 13 item 11: the window had no keyboard way to quit. */
    private void quitsWith(FxRobot robot, KeyCode key) {
        robot.clickOn("#playButton");
        waitFor("training to run", () -> vm().session().step() > 10);
        TrainingSession session = vm().session();
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        waitFor("the window to close", () -> !window.stage().isShowing());
        assertThat(session.isAlive()).isFalse();
        assertThat(settingsFile).exists();
    }
}
