package org.weightstudio.ui.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.analysis.Evaluator;
import org.weightstudio.analysis.PerturbationKind;
import org.weightstudio.analysis.RobustnessReport;
import org.weightstudio.analysis.TestModels;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;

@ExtendWith(ApplicationExtension.class)
class RobustnessPaneTest {
    private final SoftmaxModel model = TestModels.small();
    private final ImageSet test = TestModels.testSlice(500);
    private RobustnessPane pane;

    @Start
    void start(Stage stage) {
        pane = new RobustnessPane(() -> model, test);
        stage.setScene(new Scene(pane, 1200, 700));
        stage.show();
    }

    @Test
    void aSweepDrawsOneChartPerPerturbationThroughThePlainAccuracy(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ChoiceBox<Integer> limit = robot.lookup("#limit").queryAs(ChoiceBox.class);
        robot.interact(() -> limit.setValue(500));
        robot.clickOn("#run-sweep");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#sweep-status").queryLabeled().getText().startsWith("Done"));
        WaitForAsyncUtils.waitForFxEvents();
        double plain = Evaluator.evaluate(model, test).accuracy();
        for (PerturbationKind kind : PerturbationKind.values()) {
            LineChart<Number, Number> chart = pane.chart(kind);
            assertThat(chart).as(kind.id()).isNotNull();
            XYChart.Series<Number, Number> curve = chart.getData().get(0);
            assertThat(curve.getData()).hasSize(kind.sweepValues().length);
            double atNeutral = curve.getData().stream().filter(d -> d.getXValue().doubleValue() == kind.neutral())
                    .findFirst().orElseThrow().getYValue().doubleValue();
            assertThat(atNeutral).isEqualTo(plain);
        }

        // Export writes the CSV and the chart of every curve, the same files as the command.
        Path dir = Files.createTempDirectory("sweep-export");
        robot.interact(() -> pane.exportTo(dir));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#sweep-status").queryLabeled().getText().startsWith("Wrote"));
        for (PerturbationKind kind : PerturbationKind.values()) {
            List<String> csv = Files.readAllLines(dir.resolve("robustness-" + kind.id() + ".csv"));
            assertThat(csv).hasSize(kind.sweepValues().length + 1);
            assertThat(csv).contains(RobustnessReport.amount(kind.neutral()) + String.format(Locale.ROOT, ",%.4f", plain));
            assertThat(ImageIO.read(dir.resolve("robustness-" + kind.id() + ".png").toFile())).isNotNull();
        }
    }
}
