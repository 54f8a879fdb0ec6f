package org.weightstudio.ui.draw;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import org.weightstudio.analysis.PerturbationKind;
import org.weightstudio.analysis.RobustnessReport;
import org.weightstudio.analysis.RobustnessSweep;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.ui.work.Workers;

/**
 * The robustness sweep in the window: test accuracy against shift x, shift y, scale, pen
 * thickness and rotation, one line chart each, with the unperturbed accuracy as a flat line.
 * The sweep runs on a daemon worker; progress and each finished curve reach the window on the FX
 * thread; Cancel stops it within 500 images. CSV and PNG export is {@code weight-studio
 * robustness --out DIR}.
 */
public final class RobustnessPane extends BorderPane {
    private final Supplier<SoftmaxModel> modelSource;
    private final ImageSet testSet;
    private final ChoiceBox<Integer> limit = new ChoiceBox<>();
    private final Button run = new Button("Run sweep");
    private final Button cancel = new Button("Cancel");
    private final Button export = new Button("Export...");
    /** The curves computed by the last sweep, in order; exported as CSV and PNG. */
    private final List<RobustnessSweep.Curve> curves = new ArrayList<>();
    private double baseline;
    private int images;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Not run yet");
    private final FlowPane charts = new FlowPane(10, 10);
    private Task<Void> task;

    public RobustnessPane(Supplier<SoftmaxModel> modelSource, ImageSet testSet) {
        this.modelSource = modelSource;
        this.testSet = testSet;
        setPadding(new Insets(12));
        limit.getItems().addAll(500, 1000, 2000, testSet.size());
        limit.setValue(Math.min(1000, testSet.size()));
        limit.setId("limit");
        run.setId("run-sweep");
        cancel.setId("cancel-sweep");
        cancel.setDisable(true);
        status.setId("sweep-status");
        progress.setPrefWidth(220);
        export.setId("export-sweep");
        export.setDisable(true);
        export.setTooltip(new Tooltip(
                "Write robustness-<perturbation>.csv and .png for every curve into a folder"));
        HBox bar = new HBox(8, new Label("Test images"), limit, run, cancel, export, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        setTop(bar);
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        BorderPane.setMargin(scroll, new Insets(10, 0, 0, 0));
        run.setOnAction(e -> start());
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export the robustness sweep");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                exportTo(dir.toPath());
            }
        });
        cancel.setOnAction(e -> {
            if (task != null) {
                task.cancel();
            }
        });
    }

    /** The chart of one perturbation, or null before it has been computed. */
    LineChart<Number, Number> chart(PerturbationKind kind) {
        return charts.getChildren().stream().filter(n -> kind.id().equals(n.getId()))
                .map(n -> {
                    @SuppressWarnings("unchecked")
                    LineChart<Number, Number> c = (LineChart<Number, Number>) n;
                    return c;
                }).findFirst().orElse(null);
    }

    private void start() {
        SoftmaxModel snapshot = ModelSnapshot.take(modelSource, testSet, status);
        if (snapshot == null) {
            return;
        }
        int n = Math.min(limit.getValue(), testSet.size());
        charts.getChildren().clear();
        curves.clear();
        export.setDisable(true);
        task = new Task<>() {
            @Override
            protected Void call() {
                RobustnessSweep sweep = new RobustnessSweep(snapshot, testSet, n);
                PerturbationKind[] kinds = PerturbationKind.values();
                for (int i = 0; i < kinds.length; i++) {
                    int done = i;
                    RobustnessSweep.Result r = sweep.run(List.of(kinds[i]),
                            (d, t) -> updateProgress(done + (double) d / t, kinds.length), this::isCancelled);
                    Platform.runLater(() -> show(r));
                }
                return null;
            }
        };
        task.setOnSucceeded(e -> finish("Done: " + n + " test images"));
        task.setOnCancelled(e -> finish("Cancelled"));
        task.setOnFailed(e -> finish(task.getException() instanceof java.util.concurrent.CancellationException
                ? "Cancelled" : "Failed: " + task.getException().getMessage()));
        progress.progressProperty().bind(task.progressProperty());
        run.setDisable(true);
        cancel.setDisable(false);
        status.setText("Sweeping...");
        Workers.start(task, "robustness-sweep");
    }

    private void finish(String message) {
        progress.progressProperty().unbind();
        run.setDisable(false);
        cancel.setDisable(true);
        status.setText(message);
    }

    /** Writes the curves computed so far as CSV and PNG files into {@code dir}, on a worker. */
    void exportTo(Path dir) {
        RobustnessSweep.Result result = new RobustnessSweep.Result(baseline, images, curves);
        Workers.run("robustness-export", () -> RobustnessReport.write(result, dir),
                files -> status.setText("Wrote " + files + " files to " + dir),
                failure -> status.setText("Cannot export to " + dir + ": " + failure.getMessage()));
    }

    private void show(RobustnessSweep.Result result) {
        RobustnessSweep.Curve curve = result.curves().get(0);
        curves.add(curve);
        baseline = result.baseline();
        images = result.images();
        export.setDisable(false);
        PerturbationKind kind = curve.kind();
        NumberAxis x = new NumberAxis(kind.min(), kind.max(), (kind.max() - kind.min()) / 8);
        x.setLabel(kind.label());
        NumberAxis y = new NumberAxis(0, 1, 0.1);
        y.setLabel("test accuracy");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(kind.id());
        chart.setTitle(kind.id());
        chart.setAnimated(false);
        chart.setPrefSize(420, 280);
        XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();
        accuracy.setName("perturbed");
        for (RobustnessSweep.Point p : curve.points()) {
            accuracy.getData().add(new XYChart.Data<>(p.amount(), p.accuracy()));
        }
        XYChart.Series<Number, Number> baseline = new XYChart.Series<>();
        baseline.setName(String.format(Locale.ROOT, "unperturbed %.3f", result.baseline()));
        baseline.getData().add(new XYChart.Data<>(kind.min(), result.baseline()));
        baseline.getData().add(new XYChart.Data<>(kind.max(), result.baseline()));
        chart.getData().add(accuracy);
        chart.getData().add(baseline);
        charts.getChildren().add(chart);
    }
}
