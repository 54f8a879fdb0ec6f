package org.weightstudio.ui;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Which model the window shows: one-layer, MLP (with its hidden size) or CNN. Each keeps its own
 * trainer, timeline and charts; the one not shown pauses and resumes when shown again.
 */
final class ModelSelector extends HBox {
    final ToggleButton oneLayer = button(ModelKind.ONE_LAYER, "Softmax regression 784-10: one template per digit (the post's model)");
    final ToggleButton mlp = button(ModelKind.MLP, "784-H-10 with ReLU: H hidden units, each a 28x28 weight picture");
    final ToggleButton cnn = button(ModelKind.CNN, "conv 5x5x8 - pool - conv 5x5x16 - pool - 10: filters and feature maps");
    final ComboBox<Integer> hidden = new ComboBox<>();
    private final Label note = new Label();
    private final Label hiddenLabel = new Label("hidden");
    private final StudioViewModel vm;
    private boolean syncing;

    ModelSelector(StudioViewModel vm) {
        this.vm = vm;
        ToggleGroup group = new ToggleGroup();
        for (ToggleButton b : new ToggleButton[] {oneLayer, mlp, cnn}) {
            b.setToggleGroup(group);
        }
        hidden.getItems().setAll(ModelsViewModel.HIDDEN_SIZES);
        hidden.setId("hiddenSize");
        hidden.setTooltip(new Tooltip("Hidden units of the MLP: a new size starts a new MLP"));
        note.setId("modelNote");
        note.getStyleClass().add("model-note");
        getChildren().addAll(new Label("Model"), oneLayer, mlp, hiddenLabel, hidden, cnn, note);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("model-selector");
        setId("modelSelector");
        wire(group);
    }

    private void wire(ToggleGroup group) {
        show(vm.models().selectedProperty().get());
        hidden.setValue(vm.models().hiddenProperty().get());
        vm.models().selectedProperty().addListener((o, was, kind) -> show(kind));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (syncing) {
                return;
            }
            if (now == null) {
                // a toggle pressed again stays on: one model is always shown
                syncing = true;
                was.setSelected(true);
                syncing = false;
                return;
            }
            vm.select((ModelKind) now.getUserData());
        });
        hidden.valueProperty().addListener((o, was, h) -> {
            if (h != null) {
                vm.setHidden(h);
            }
        });
    }

    private void show(ModelKind kind) {
        syncing = true;
        oneLayer.setSelected(kind == ModelKind.ONE_LAYER);
        mlp.setSelected(kind == ModelKind.MLP);
        cnn.setSelected(kind == ModelKind.CNN);
        syncing = false;
        note.setText(kind == ModelKind.ONE_LAYER ? "" : "the other models pause while hidden");
        // the hidden size is the MLP's alone: beside the other models it would read as theirs
        for (javafx.scene.Node n : new javafx.scene.Node[] {hiddenLabel, hidden}) {
            n.setVisible(kind == ModelKind.MLP);
            n.setManaged(kind == ModelKind.MLP);
        }
    }

    private static ToggleButton button(ModelKind kind, String tip) {
        ToggleButton b = new ToggleButton(kind.label);
        b.setUserData(kind);
        b.setId("model-" + kind.id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
