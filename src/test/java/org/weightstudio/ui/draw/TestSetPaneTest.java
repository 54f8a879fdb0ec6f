package org.weightstudio.ui.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.analysis.Evaluation;
import org.weightstudio.analysis.Evaluator;
import org.weightstudio.analysis.Predictions;
import org.weightstudio.analysis.TestModels;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;

@ExtendWith(ApplicationExtension.class)
class TestSetPaneTest {
    private final SoftmaxModel model = TestModels.small();
    private final ImageSet test = TestModels.testSlice(1000);
    private TestSetPane pane;

    @Start
    void start(Stage stage) {
        pane = new TestSetPane(() -> model, test);
        stage.setScene(new Scene(pane, 1200, 760));
        stage.show();
    }

    @Test
    void showsMistakesAndTheImagesOfAClickedConfusionCell(FxRobot robot) throws Exception {
        robot.clickOn("#evaluate");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#testset-status").queryLabeled().getText().startsWith("Accuracy"));
        Evaluation evaluation = Evaluator.evaluate(model, test);
        int mistakes = (int) Math.round((1 - evaluation.accuracy()) * test.size());
        FlowPane gallery = robot.lookup("#gallery").queryAs(FlowPane.class);
        assertThat(gallery.getChildren()).hasSize(Math.min(TestSetPane.GALLERY, mistakes));
        assertThat(robot.lookup("#gallery-title").queryLabeled().getText()).startsWith(mistakes + " mistakes");

        // The most common confusion: click its cell, see exactly its images.
        int[][] c = evaluation.confusion();
        int[] most = Confusions.mostCommon(c);
        int a = most[0];
        int b = most[1];
        robot.clickOn("#cell-" + a + "-" + b);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#cell-" + a + "-" + b).queryButton().getText()).isEqualTo(Integer.toString(c[a][b]));
        assertThat(gallery.getChildren()).hasSize(Math.min(TestSetPane.GALLERY, c[a][b]));
        Predictions p = pane.predictions();
        assertThat(p.cell(a, b)).hasSize(c[a][b]);
    }
}
