package org.weightstudio.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Step, epoch, samples per second, pictures per second, last test accuracy, and the hovered pixel. */
final class StatusBar extends HBox {
    final Label step = label("stepLabel", "step 0");
    final Label epoch = label("epochLabel", "epoch 0.00");
    final Label samples = label("samplesLabel", "0 samples/s");
    final Label pictures = label("picturesLabel", "0 pictures/s");
    final Label test = label("testLabel", "test accuracy -");
    final Label hover = label("hoverLabel", "");

    StatusBar(StudioViewModel vm) {
        vm.training().stepProperty().addListener((o, was, s) -> step.setText(String.format(Locale.ROOT, "step %,d", s.longValue())));
        vm.training().epochsProperty().addListener((o, was, e) -> epoch.setText(String.format(Locale.ROOT, "epoch %.2f", e.doubleValue())));
        vm.training().samplesPerSecondProperty().addListener(
                (o, was, v) -> samples.setText(String.format(Locale.ROOT, "%,.0f samples/s", v.doubleValue())));
        vm.training().picturesPerSecondProperty().addListener(
                (o, was, v) -> pictures.setText(String.format(Locale.ROOT, "%.0f pictures/s", v.doubleValue())));
        test.textProperty().bind(Bindings.createStringBinding(() -> {
            double v = vm.tests().accuracyProperty().get();
            return Double.isNaN(v) ? "test accuracy -"
                    : String.format(Locale.ROOT, "test accuracy %.2f%% (step %,d)", 100 * v,
                            vm.tests().accuracyStepProperty().get());
        }, vm.tests().accuracyProperty(), vm.tests().accuracyStepProperty()));
        hover.getStyleClass().add("hover");
        step.setMinWidth(110);
        samples.setMinWidth(130);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(step, epoch, samples, pictures, test, gap, hover);
        setSpacing(18);
        getStyleClass().add("status-bar");
    }

    private static Label label(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
