package org.weightstudio.ui;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Loss and accuracy over the updates: the running training figures and the test evaluations. */
final class MetricsView extends HBox {
    MetricsView(StudioViewModel vm) {
        LineChart<Number, Number> loss = chart("Loss", "cross-entropy", false);
        loss.getData().addAll(vm.charts().lossSeries());
        LineChart<Number, Number> accuracy = chart("Accuracy", "fraction correct", true);
        accuracy.getData().addAll(vm.charts().accuracySeries());
        loss.setId("lossChart");
        accuracy.setId("accuracyChart");
        getChildren().addAll(loss, accuracy);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        setSpacing(8);
        getStyleClass().add("metrics");
    }

    private static LineChart<Number, Number> chart(String title, String yLabel, boolean unitRange) {
        NumberAxis x = new NumberAxis();
        x.setLabel("update");
        x.setForceZeroInRange(true);
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
        x.setAnimated(false);
        y.setAnimated(false);
        return c;
    }
}
