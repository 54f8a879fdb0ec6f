package org.weightstudio.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.weightstudio.training.FrameHistory;

/**
 * The timeline under the grid: while paused, a slider scrubs through the recorded pictures (the
 * grid shows the chosen one; Play, Step or Reset return to the live picture), a label gives the
 * recorded range and its memory, and two buttons export the recording as an animated GIF or a
 * PNG sequence, with a progress bar and Cancel while the export runs.
 */
final class TimelineBar extends HBox {
    /** The label changes at most this often while training runs. */
    private static final long LABEL_PERIOD_NANOS = 500_000_000L;
    private static final double LABEL_WIDTH = 330;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final StudioViewModel vm;
    private final Recording recording;
    final Slider slider = new Slider(0, 0, 0);
    final Label label = new Label("nothing recorded yet");
    final TextField from = new TextField();
    final TextField to = new TextField();
    final TextField fps = new TextField("10");
    final Spinner<Integer> scale = new Spinner<>(1, 8, 2);
    final Button exportGif = new Button("Export GIF\u2026");
    final Button exportPngs = new Button("PNG sequence\u2026");
    final ProgressBar progress = new ProgressBar(0);
    final Button cancel = new Button("Cancel");
    private boolean syncing;
    private long labelNanos;

    TimelineBar(StudioViewModel vm, Recording recording) {
        this.vm = vm;
        this.recording = recording;
        createView();
        wire();
    }

    private void createView() {
        slider.setId("timelineSlider");
        label.setId("timelineLabel");
        fps.setId("gifFps");
        from.setId("exportFrom");
        to.setId("exportTo");
        from.setPromptText("first");
        to.setPromptText("last");
        from.setPrefColumnCount(5);
        to.setPrefColumnCount(5);
        scale.setId("exportScale");
        exportGif.setId("exportGif");
        exportPngs.setId("exportPngs");
        progress.setId("exportProgress");
        cancel.setId("cancelExport");
        slider.setBlockIncrement(1);
        slider.setMinWidth(200);
        HBox.setHgrow(slider, Priority.ALWAYS);
        // a fixed width, so that the slider does not change size under the mouse as the text changes
        label.setMinWidth(LABEL_WIDTH);
        label.setPrefWidth(LABEL_WIDTH);
        fps.setPrefColumnCount(3);
        scale.setPrefWidth(64);
        progress.setPrefWidth(120);
        tip(slider, "While paused: show a recorded picture (its weights and the change since the picture before). "
                + "Play, Step or Reset return to the live picture");
        tip(fps, "Frames per second of the GIF");
        tip(from, "Export from this step on (empty: the first recorded)");
        tip(to, "Export up to this step (empty: the last recorded)");
        tip(scale, "Pixels per weight in the export");
        tip(exportGif, "Save the recorded pictures as an animated GIF (looping)");
        tip(exportPngs, "Save the recorded pictures as frame-00001.png, ... in a new folder");
        tip(cancel, "Stop the export; nothing is left behind");
        getChildren().addAll(new Label("Timeline"), slider, label, new Label("export steps"), from, new Label("to"), to,
                new Label("fps"), fps, new Label("scale"), scale,
                exportGif, exportPngs, progress, cancel);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        getStyleClass().add("timeline-bar");
        showExporting(false);
    }

    private void wire() {
        slider.disableProperty().bind(vm.training().runningProperty());
        slider.valueProperty().addListener((o, was, v) -> {
            if (!syncing && !vm.training().runningProperty().get()) {
                int i = (int) Math.round(v.doubleValue());
                if (i < recording.history().size()) {
                    recording.show(i);
                    showLabel();
                }
            }
        });
        vm.training().runningProperty().addListener((o, was, on) -> {
            if (!on) {
                toNewest();
            }
        });
        vm.picture().addPictureListener(p -> {
            long now = System.nanoTime();
            if (!vm.training().runningProperty().get() || now - labelNanos >= LABEL_PERIOD_NANOS) {
                labelNanos = now;
                toNewest();
            }
        });
        exportGif.setOnAction(e -> chooseGif());
        exportPngs.setOnAction(e -> choosePngFolder());
        cancel.setOnAction(e -> recording.cancelExport());
        recording.exportProperty().addListener((o, was, task) -> {
            progress.progressProperty().unbind();
            if (task != null) {
                progress.progressProperty().bind(task.progressProperty());
            }
            showExporting(task != null);
        });
    }

    /** Slider at the newest recorded picture, which is the live one. */
    private void toNewest() {
        int n = recording.history().size();
        syncing = true;
        try {
            slider.setMax(Math.max(0, n - 1));
            slider.setValue(Math.max(0, n - 1));
            slider.setMajorTickUnit(Math.max(1, n - 1));
        } finally {
            syncing = false;
        }
        showLabel();
    }

    private void showLabel() {
        FrameHistory h = recording.history();
        int n = h.size();
        if (n == 0) {
            label.setText("nothing recorded yet");
            return;
        }
        int shown = (int) Math.min(n - 1, Math.round(slider.getValue()));
        String at = vm.picture().showingRecorded() ? String.format(Locale.ROOT, "at %,d \u00b7 ", h.stepAt(shown)) : "";
        label.setText(String.format(Locale.ROOT, "%ssteps %,d\u2013%,d \u00b7 %,d frames \u00b7 %.1f of %.0f MB", at,
                h.stepAt(0), h.stepAt(n - 1), n, h.memoryBytes() / 1e6, budgetMegabytes(h)));
    }

    /** The budget the history thins within: its memory budget or, if smaller, its frame count's worth. */
    private static double budgetMegabytes(org.weightstudio.training.FrameHistory h) {
        long frameBytes = h.isEmpty() ? 0 : h.memoryBytes() / h.size();
        return Math.min(h.budgetBytes(), (double) frameBytes * h.capacity()) / 1e6;
    }

    private void showExporting(boolean on) {
        progress.setVisible(on);
        progress.setManaged(on);
        cancel.setVisible(on);
        cancel.setManaged(on);
        exportGif.setDisable(on);
        exportPngs.setDisable(on);
    }

    private Double fpsValue() {
        try {
            return Double.parseDouble(fps.getText().strip());
        } catch (NumberFormatException e) {
            vm.banner().warn("Frame rate: \"" + fps.getText().strip() + "\" is not a number");
            return null;
        }
    }

    /** The step in a range field, or {@code otherwise} when empty; null (after a message) when not a number. */
    private Long step(TextField field, long otherwise) {
        String t = field.getText().strip().replace(",", "");
        if (t.isEmpty()) {
            return otherwise;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            vm.banner().warn("Export steps: \"" + field.getText().strip() + "\" is not a whole number");
            return null;
        }
    }

    private void chooseGif() {
        Double f = fpsValue();
        Long a = step(from, Long.MIN_VALUE);
        Long b = step(to, Long.MAX_VALUE);
        if (f == null || a == null || b == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the timeline as an animated GIF");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Animated GIF", "*.gif"));
        chooser.setInitialFileName("training-" + STAMP.format(LocalDateTime.now()) + ".gif");
        startIn(chooser::setInitialDirectory);
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            // the chooser has asked before replacing a file
            recording.exportGif(file.toPath(), f, scale.getValue(), true, a, b);
        }
    }

    private void choosePngFolder() {
        Long a = step(from, Long.MIN_VALUE);
        Long b = step(to, Long.MAX_VALUE);
        if (a == null || b == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder to hold the PNG sequence (a new folder is made inside)");
        startIn(chooser::setInitialDirectory);
        File parent = chooser.showDialog(getScene().getWindow());
        if (parent != null) {
            recording.exportPngs(parent.toPath().resolve("frames-" + STAMP.format(LocalDateTime.now())),
                    scale.getValue(), a, b);
        }
    }

    private void startIn(java.util.function.Consumer<File> setDirectory) {
        Path folder = vm.form().snapshotFolderProperty().get().toAbsolutePath();
        if (Files.isDirectory(folder)) {
            setDirectory.accept(folder.toFile());
        }
    }

    private static void tip(javafx.scene.control.Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(javafx.util.Duration.millis(400));
        c.setTooltip(t);
    }
}
