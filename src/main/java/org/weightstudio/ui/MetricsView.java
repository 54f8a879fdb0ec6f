package org.weightstudio.ui;

import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Loss and accuracy over the updates: the running training figures and the test evaluations,
 * on an update axis that is logarithmic unless the "log scale" box is cleared.
 */
final class MetricsView extends VBox {
    final CheckBox logScale = new CheckBox("log scale");

    MetricsView(ChartsViewModel charts) {
        LineChart<Number, Number> loss = chart("Loss", "cross-entropy", false, charts);
        loss.getData().addAll(charts.lossSeries());
        LineChart<Number, Number> accuracy = chart("Accuracy", "fraction correct", true, charts);
        accuracy.getData().addAll(charts.accuracySeries());
        loss.setId("lossChart");
        accuracy.setId("accuracyChart");
        logScale.setId("logScale");
        logScale.selectedProperty().bindBidirectional(charts.logScaleProperty());
        logScale.setTooltip(new Tooltip("Updates on a logarithmic axis: the first hundred and the millionth both readable"));
        HBox both = new HBox(8, loss, accuracy);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        HBox bar = new HBox(logScale);
        bar.setAlignment(Pos.CENTER_RIGHT);
        VBox.setVgrow(both, Priority.ALWAYS);
        getChildren().addAll(bar, both);
        setSpacing(0);
        getStyleClass().add("metrics");
    }

    private static LineChart<Number, Number> chart(String title, String yLabel, boolean unitRange,
            ChartsViewModel charts) {
        UpdateAxis x = new UpdateAxis();
        x.setLabel("update");
        x.logProperty().bind(charts.logScaleProperty());
        NumberAxis y = unitRange ? new NumberAxis(0, 1, 0.1) : new NumberAxis();
        y.setLabel(yLabel);
        y.setAutoRanging(!unitRange);
        y.setForceZeroInRange(true);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setPrefHeight(210);
        c.setMinHeight(150);
        c.setLegendVisible(true);
        y.setAnimated(false);
        return c;
    }
}
