package org.weightstudio.ui.draw;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.analysis.TestModels;
import org.weightstudio.model.SoftmaxModel;

@ExtendWith(ApplicationExtension.class)
class DrawPaneTest {
    private final SoftmaxModel model = TestModels.small();
    private DrawPane pane;

    @Start
    void start(Stage stage) {
        pane = new DrawPane(() -> model, TestModels.testSlice(10));
        stage.setScene(new Scene(pane, 1200, 560));
        stage.show();
    }

    private double[] bars(FxRobot robot) {
        double[] v = new double[10];
        for (int k = 0; k < 10; k++) {
            v[k] = robot.lookup("#bar-" + k).queryAs(ProgressBar.class).getProgress();
        }
        return v;
    }

    @Test
    void drawingAStrokeChangesThePredictionBars(FxRobot robot) {
        robot.interact(pane::refresh);
        assertThat(pane.probabilities()).isNull();
        assertThat(bars(robot)).containsOnly(0.0);

        Canvas canvas = robot.lookup("#draw-canvas").queryAs(Canvas.class);
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        // A vertical stroke down the middle: a "1".
        robot.drag(b.getMinX() + 140, b.getMinY() + 40).moveTo(b.getMinX() + 142, b.getMinY() + 120)
                .moveTo(b.getMinX() + 144, b.getMinY() + 240).drop();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(pane::refresh);

        float[] p = pane.probabilities();
        assertThat(p).isNotNull();
        double[] shown = bars(robot);
        double total = 0;
        for (int k = 0; k < 10; k++) {
            assertThat(shown[k]).isCloseTo(p[k], org.assertj.core.api.Assertions.within(1e-6));
            total += shown[k];
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(robot.lookup("#verdict").queryLabeled().getText()).matches("\\d .*%\\)");

        // A second stroke across makes it something else, and the bars follow.
        robot.drag(b.getMinX() + 60, b.getMinY() + 40).moveTo(b.getMinX() + 220, b.getMinY() + 42).drop();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(pane::refresh);
        assertThat(bars(robot)).isNotEqualTo(shown);

        robot.clickOn("#clear");
        robot.interact(pane::refresh);
        assertThat(pane.probabilities()).isNull();
    }

    @Test
    void theTestDigitButtonShowsTestImagesWithTheirLabels(FxRobot robot) {
        robot.clickOn("#test-digit");
        robot.interact(pane::refresh);
        assertThat(robot.lookup("#truth").queryLabeled().getText()).isEqualTo("test image 0, label 7");
        assertThat(pane.probabilities()).isNotNull();
        // The small model reads the first test image, a 7, right.
        assertThat(robot.lookup("#verdict").queryLabeled().getText()).startsWith("7");
    }

    @Test
    void aPickedDigitIsPredictedAndSlidersMoveIt(FxRobot robot) {
        float[] digit = new float[784];
        TestModels.testSlice(1).toFloats(0, digit);
        robot.interact(() -> {
            pane.showDigit(digit);
            pane.refresh();
        });
        float[] before = pane.probabilities();
        assertThat(before).isNotNull();
        robot.interact(() -> {
            robot.lookup("#slider-shift-x").queryAs(javafx.scene.control.Slider.class).setValue(7);
            pane.refresh();
        });
        assertThat(pane.probabilities()).isNotEqualTo(before);
    }
}
