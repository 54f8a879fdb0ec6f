package org.weightstudio.ui;

import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.weightstudio.data.Augmentation;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.Pace;

/**
 * The controls: play/pause, step, step N, reset; refresh interval (slider and field) with
 * auto-grow; pace; batch size, learning rate and seed; shared or per-tile colour scale. A value a
 * field refuses stays in the field, outlined red, with the reason below the controls.
 */
final class ControlBar extends VBox {
    /** Slider positions are log10 of the value; the pace slider's right end means unlimited. */
    private static final double PACE_MIN = Math.log10(0.5);
    private static final double PACE_MAX = 4;

    private final StudioViewModel vm;
    private final Label error = new Label();
    private boolean syncing;

    final Button play = new Button("Play");
    final Button step = new Button("Step");
    final Button stepN = new Button("Step N");
    final TextField stepCount = field("100", 6, "stepCount");
    final Button reset = new Button("Reset");
    final Slider refreshSlider = new Slider(0, 4, 0);
    final TextField refreshField = field("1", 6, "refreshField");
    final CheckBox autoGrow = new CheckBox("auto-grow");
    final Slider paceSlider = new Slider(PACE_MIN, PACE_MAX, PACE_MAX);
    final Label paceLabel = new Label();
    final CheckBox timeLapse = new CheckBox("time-lapse");
    final TextField batchField = field("2", 5, "batchField");
    final TextField rateField = field("0.05", 7, "rateField");
    final TextField seedField = field("42", 7, "seedField");
    final CheckBox augment = new CheckBox("Augment");
    /** One button per colour-scale mode, in {@link ScaleMode} order (a new mode gets its button). */
    final java.util.Map<ScaleMode, ToggleButton> scaleButtons = new java.util.EnumMap<>(ScaleMode.class);
    final TextField l2Field = field("0", 7, "l2Field");
    final TextField decayField = field("0", 5, "decayField");
    /** Wired by the window (it owns the snapshot writer and the folder chooser). */
    final Button snapshot = new Button("Snapshot");
    final Button snapshotFolder = new Button("Folder\u2026");
    /** Wired by the window: opens the About window. */
    final Button about = new Button("About");

    ControlBar(StudioViewModel vm) {
        this.vm = vm;
        createView();
        wire();
    }

    private void createView() {
        play.setId("playButton");
        step.setId("stepButton");
        stepN.setId("stepNButton");
        reset.setId("resetButton");
        refreshSlider.setId("refreshSlider");
        paceSlider.setId("paceSlider");
        autoGrow.setId("autoGrow");
        augment.setId("augment");
        timeLapse.setId("timeLapse");
        for (ScaleMode mode : ScaleMode.values()) {
            ToggleButton b = new ToggleButton(scaleName(mode) + " scale");
            b.setId(scaleId(mode));
            tip(b, scaleTip(mode));
            scaleButtons.put(mode, b);
        }
        snapshot.setId("snapshotButton");
        snapshotFolder.setId("snapshotFolderButton");
        about.setId("aboutButton");
        error.setId("fieldError");
        error.getStyleClass().add("field-error");
        play.setMinWidth(70);
        refreshSlider.setPrefWidth(140);
        paceSlider.setPrefWidth(140);
        paceLabel.setMinWidth(110);
        ToggleGroup scale = new ToggleGroup();
        scaleButtons.values().forEach(b -> b.setToggleGroup(scale));

        tip(play, "Start or pause training (Space)");
        tip(step, "Run exactly one update, then pause (Right arrow)");
        tip(stepN, "Run the number of updates in the field beside, then pause");
        tip(stepCount, "How many updates Step N runs");
        tip(reset, "Start over from fresh weights; the same seed replays the same run (R)");
        tip(refreshSlider, "Updates between pictures, 1 to 10,000; applies at once (+ and - keys)");
        tip(refreshField, "Updates between pictures, 1 to 10,000; press Enter to apply");
        tip(autoGrow, "Raise the refresh interval tenfold each time training has run 100 intervals: a time lapse");
        tip(paceSlider, "Updates per second, 0.5 to 10,000; the right end is unlimited");
        tip(timeLapse, "Slow at first (2 updates/s, each one drawn), faster and faster, the first epoch in about "
                + "a minute, then full speed; sets the refresh interval as it goes. Reset starts it over");
        tip(batchField, "Images per update; changes at once and keeps the trained weights");
        tip(rateField, "Learning rate (greater than 0); changes at once and keeps the trained weights");
        tip(l2Field, "L2 weight decay (0 or more): pulls unused weights to zero so templates stay clean; "
                + "changes at once");
        tip(decayField, "Learning-rate decay per epoch (0 or more): lr / (1 + decay x epochs); changes at once");
        tip(augment, "Train the model shown on augmented images, drawn anew at every visit: "
                + Augmentation.DEFAULTS.describe() + ". Each model has its own; changes from the next update "
                + "and keeps the weights (Reset replays the run augmented). The last update's inputs show the "
                + "augmented images");
        augment.getTooltip().setWrapText(true);
        augment.getTooltip().setMaxWidth(460);
        tip(seedField, "Seed of the shuffle and the initial weights; used by the next Reset");
        tip(snapshot, "Save the grid as shown, as PNG with a JSON sidecar (S). Right-click a tile to save it alone");
        snapshotFolder.setTooltip(new Tooltip());
        snapshotFolder.getTooltip().textProperty().bind(
                vm.form().snapshotFolderProperty().asString("Where snapshots are saved: %s"));

        FlowPane bar = new FlowPane(14, 8,
                group(play, step, stepN, stepCount, reset),
                separator(),
                group(new Label("Refresh every"), refreshSlider, refreshField, new Label("updates"), autoGrow),
                separator(),
                group(new Label("Pace"), timeLapse, paceSlider, paceLabel),
                separator(),
                group(new Label("Batch"), batchField, new Label("Learning rate"), rateField, new Label("L2"), l2Field,
                        new Label("Decay"), decayField, augment, new Label("Seed"),
                        seedField),
                separator(),
                group(scaleButtons.values().toArray(Node[]::new)),
                separator(),
                group(snapshot, snapshotFolder),
                separator(),
                group(about));
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, error);
        getStyleClass().add("control-bar");
        setSpacing(4);
    }

    private void wire() {
        play.setOnAction(e -> vm.training().togglePlay());
        step.setOnAction(e -> vm.training().step());
        stepN.setOnAction(e -> check(stepCount, vm.training().stepN(stepCount.getText())));
        reset.setOnAction(e -> vm.training().reset());
        vm.training().runningProperty().addListener((o, was, on) -> play.setText(on ? "Pause" : "Play"));

        refreshSlider.valueProperty().addListener((o, was, v) -> {
            if (!syncing) {
                vm.form().setRefreshInterval((int) Math.round(Math.pow(10, v.doubleValue())));
            }
        });
        onCommit(refreshField, vm.form()::setRefreshInterval);
        vm.form().refreshIntervalProperty().addListener((o, was, k) -> showRefresh(k.intValue()));
        showRefresh(vm.form().refreshIntervalProperty().get());
        autoGrow.selectedProperty().bindBidirectional(vm.form().autoGrowProperty());

        paceSlider.valueProperty().addListener((o, was, v) -> {
            if (!syncing) {
                vm.form().setPace(sliderPace());
            }
        });
        timeLapse.setOnAction(e -> vm.form().setPace(timeLapse.isSelected() ? Pace.timeLapse() : Pace.fixed(sliderPace())));
        vm.form().paceProperty().addListener((o, was, p) -> showPace(p));
        showPace(vm.form().paceProperty().get());

        onCommit(batchField, vm.form()::setBatchSize);
        onCommit(rateField, vm.form()::setLearningRate);
        onCommit(l2Field, vm.form()::setL2);
        onCommit(decayField, vm.form()::setDecay);
        l2Field.setText(formatRate(vm.form().l2Property().get()));
        decayField.setText(formatRate(vm.form().decayProperty().get()));
        vm.form().l2Property().addListener((o, was, v) -> l2Field.setText(formatRate(v.doubleValue())));
        vm.form().decayProperty().addListener((o, was, v) -> decayField.setText(formatRate(v.doubleValue())));
        onCommit(seedField, vm.form()::setSeed);
        batchField.setText(Integer.toString(vm.form().batchSizeProperty().get()));
        vm.form().batchSizeProperty().addListener((o, was, n) -> batchField.setText(Integer.toString(n.intValue())));
        rateField.setText(formatRate(vm.form().learningRateProperty().get()));
        // another model shown brings its own learning rate
        vm.form().learningRateProperty().addListener((o, was, r) -> rateField.setText(formatRate(r.doubleValue())));
        seedField.setText(Long.toString(vm.form().seedProperty().get()));
        // another model shown brings its own augmentation
        augment.setSelected(vm.form().augmentProperty().get());
        vm.form().augmentProperty().addListener((o, was, on) -> augment.setSelected(on));
        augment.setOnAction(e -> {
            String problem = vm.form().setAugment(augment.isSelected());
            error.setText(problem == null ? "" : problem);
            augment.setSelected(vm.form().augmentProperty().get());
        });

        selectScale(vm.form().scaleModeProperty().get());
        scaleButtons.forEach((mode, b) -> b.setOnAction(e -> selectScale(mode)));
    }

    private static String scaleName(ScaleMode mode) {
        String n = mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** sharedScale, perTileScale, robustScale ... */
    private static String scaleId(ScaleMode mode) {
        String[] words = mode.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.append("Scale").toString();
    }

    private static String scaleTip(ScaleMode mode) {
        return switch (mode) {
            case SHARED -> "One colour scale for all ten tiles of a row, so tiles compare";
            case PER_TILE -> "Each tile uses its own range, to show detail in quiet tiles";
            case ROBUST -> "One colour scale per row set by the 99.5th percentile of |w|: the few pixels beyond it "
                    + "are drawn at full colour (the hover read-out shows their true value)";
        };
    }

    private void selectScale(ScaleMode mode) {
        vm.form().scaleModeProperty().set(mode);
        scaleButtons.forEach((m, b) -> b.setSelected(m == mode));
    }

    private void showRefresh(int k) {
        syncing = true;
        try {
            refreshSlider.setValue(Math.log10(k));
            if (!refreshField.isFocused() || !refreshField.getStyleClass().contains("invalid")) {
                refreshField.setText(Integer.toString(k));
                clear(refreshField);
            }
        } finally {
            syncing = false;
        }
    }

    /** The slider's pace: 10^position updates per second, unlimited at the right end. */
    private double sliderPace() {
        double v = paceSlider.getValue();
        return v >= PACE_MAX - 1e-9 ? Double.POSITIVE_INFINITY : Math.pow(10, v);
    }

    private void showPace(Pace pace) {
        syncing = true;
        try {
            timeLapse.setSelected(pace.isTimeLapse());
            paceSlider.setDisable(pace.isTimeLapse());
            if (pace.isTimeLapse()) {
                paceLabel.setText("slow, then faster");
                return;
            }
            double p = pace.updatesPerSecond();
            paceSlider.setValue(Double.isInfinite(p) ? PACE_MAX : Math.log10(p));
            paceLabel.setText(Double.isInfinite(p) ? "unlimited"
                    : String.format(Locale.ROOT, p < 10 ? "%.1f updates/s" : "%.0f updates/s", p));
        } finally {
            syncing = false;
        }
    }

    /** Applies a field on Enter and when it loses focus; shows the view-model's refusal. */
    private void onCommit(TextField f, Function<String, String> apply) {
        f.setOnAction(e -> {
            String problem = apply.apply(f.getText());
            check(f, problem);
            if (problem == null) {
                // Enter accepted the value: give the keys (Space, Right, R, + and -) back to the window.
                getScene().getRoot().requestFocus();
            }
        });
        f.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                check(f, apply.apply(f.getText()));
            }
        });
    }

    private void check(TextField f, String problem) {
        if (problem == null) {
            clear(f);
        } else {
            if (!f.getStyleClass().contains("invalid")) {
                f.getStyleClass().add("invalid");
            }
            error.setText(problem);
        }
    }

    private void clear(TextField f) {
        if (f.getStyleClass().remove("invalid")) {
            error.setText("");
        }
    }

    Label errorLabel() {
        return error;
    }

    private static String formatRate(double lr) {
        return Double.toString(lr);
    }

    private static TextField field(String text, int columns, String id) {
        TextField f = new TextField(text);
        f.setPrefColumnCount(columns);
        f.setId(id);
        return f;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setPrefHeight(24);
        return s;
    }

    private static void tip(javafx.scene.control.Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(javafx.util.Duration.millis(400));
        c.setTooltip(t);
    }
}
