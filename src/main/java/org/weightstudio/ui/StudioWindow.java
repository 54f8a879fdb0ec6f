package org.weightstudio.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.weightstudio.data.Dataset;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.persistence.StudioSettingsStore;
import org.weightstudio.ui.draw.DrawPane;
import org.weightstudio.ui.draw.RobustnessPane;
import org.weightstudio.ui.draw.TestSetPane;

/**
 * The studio window: controls on top, the heatmap grid with the last batch beside it, the charts
 * below, the status bar at the bottom. Shows at once; the grid is built when the data has
 * loaded. An {@link AnimationTimer} pulls the newest frame on every pulse. Closing the window
 * stops the trainer thread and saves the settings.
 */
public final class StudioWindow {
    /** The charts never take more height than this: spare height is the grid's. */
    private static final double MAX_CHARTS_HEIGHT = 300;
    /** Range labels change at most this often while training runs. */
    private static final long LABEL_PERIOD_NANOS = 250_000_000L;

    /** The banner's look for a passing note (a file saved) rather than a problem. */
    private static final PseudoClass NOTE = PseudoClass.getPseudoClass("note");

    private final Stage stage;
    private final StudioViewModel vm;
    private final StudioSettingsStore store;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final Label banner = new Label();
    private final StatusBar status;
    private final ControlBar controls;
    private final Snapshots snapshots;
    private final Recording recording;
    private final TimelineBar timeline;
    private final AnimationTimer timer;
    private HeatmapGrid grid;
    private BatchView batch;
    private int exitCode;
    private boolean shutDown;
    private long labelsNanos;

    /** {@code store} may be null: the settings are then not saved (scripted runs). */
    public StudioWindow(Stage stage, StudioSettings settings, StudioSettingsStore store, WindowOptions options) {
        this.stage = stage;
        this.store = store;
        this.vm = new StudioViewModel(settings, options);
        this.status = new StatusBar(vm);
        this.controls = new ControlBar(vm);
        this.snapshots = new Snapshots(vm);
        this.recording = new Recording(vm);
        this.timeline = new TimelineBar(vm, recording);
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pulse(now);
            }
        };
        createView(settings);
        wire();
    }

    private void createView(StudioSettings settings) {
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(320);
        progress.setId("loadingProgress");
        Label loadingText = new Label();
        loadingText.textProperty().bind(vm.loadingTextProperty());
        VBox loadingBox = new VBox(12, loadingText, progress);
        loadingBox.setAlignment(Pos.CENTER);
        loadingBox.setId("loadingBox");
        progress.visibleProperty().bind(vm.loadingProperty());
        centre.getChildren().add(loadingBox);

        banner.setId("banner");
        banner.getStyleClass().add("banner");
        banner.textProperty().bind(vm.banner().messageProperty());
        banner.visibleProperty().bind(vm.banner().messageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        vm.banner().messageIsNoteProperty().addListener((o, was, note) -> banner.pseudoClassStateChanged(NOTE, note));
        banner.setMaxWidth(Double.MAX_VALUE);

        root.setTop(new VBox(controls, banner));
        root.setCenter(centre);
        timeline.setId("timeline");
        root.setBottom(new VBox(timeline, status));
        root.getStyleClass().add("studio");
        BorderPane.setMargin(centre, new Insets(6, 10, 0, 10));

        Scene scene = new Scene(root, settings.windowWidth, settings.windowHeight);
        scene.getStylesheets().add(StudioWindow.class.getResource("studio.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Weight Studio");
        stage.getIcons().setAll(AppIcons.all());
        stage.setMinWidth(800);
        stage.setMinHeight(600);
    }

    private void wire() {
        // When training pauses, the range labels catch up with the last picture.
        vm.training().runningProperty().addListener((o, was, on) -> {
            if (!on && grid != null) {
                grid.showRanges();
            }
        });
        vm.loadingProperty().addListener((o, was, loading) -> {
            if (!loading) {
                showStudio();
                grid.setOnSaveTile(snapshots::saveTile);
            }
        });
        vm.picture().shownProperty().addListener((o, was, picture) -> {
            if (grid != null && picture != null) {
                long now = System.nanoTime();
                boolean labels = !vm.training().runningProperty().get() || now - labelsNanos >= LABEL_PERIOD_NANOS;
                if (labels) {
                    labelsNanos = now;
                }
                grid.draw(picture, labels);
                if (was == null || was.frame() != picture.frame()) {
                    batch.show(picture.frame().frame());
                }
            }
        });
        controls.snapshot.setOnAction(e -> snapshots.saveGrid());
        controls.snapshotFolder.setOnAction(e -> chooseSnapshotFolder());
        controls.about.setOnAction(e -> new AboutDialog(stage).show());
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setOnCloseRequest(e -> shutDown());
        vm.setOnLoadFailed(why -> {
            System.err.println("weight-studio: " + why);
            if (vm.options().quitAfterSteps() != null) {
                // A scripted run cannot go on without data: exit as the command line does (65).
                exitCode = 65;
                shutDown();
                stage.close();
                Platform.exit();
            }
        });
        vm.setOnQuit(() -> {
            shutDown();
            stage.close();
            Platform.exit();
        });
    }

    private void chooseSnapshotFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for snapshots");
        Path folder = vm.form().snapshotFolderProperty().get().toAbsolutePath();
        if (java.nio.file.Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        java.io.File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            vm.form().snapshotFolderProperty().set(chosen.toPath());
        }
    }

    /** Space, Right, R, S, + and - work anywhere except while typing in a field. */
    private void key(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || stage.getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        KeyCode code = e.getCode();
        String text = e.getText();
        if (e.getTarget() == timeline.slider && (code == KeyCode.LEFT || code == KeyCode.RIGHT)) {
            // the arrows move the timeline while it has the focus (Right is Step elsewhere)
            return;
        }
        if (code == KeyCode.SPACE) {
            vm.training().togglePlay();
        } else if (code == KeyCode.RIGHT) {
            vm.training().step();
        } else if (code == KeyCode.R) {
            vm.training().reset();
        } else if (code == KeyCode.S) {
            snapshots.saveGrid();
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || "+".equals(text)
                || (code == KeyCode.EQUALS && e.isShiftDown())) {
            vm.form().increaseRefreshInterval();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT || "-".equals(text)) {
            vm.form().decreaseRefreshInterval();
        } else {
            return;
        }
        e.consume();
    }

    /** Shows the window and starts loading the data in the background. */
    public void show(Supplier<Dataset> data) {
        stage.show();
        timer.start();
        vm.loadInBackground(data);
    }

    /** Shows the window with data already at hand (tests). */
    public void show(Dataset data) {
        stage.show();
        timer.start();
        vm.start(data);
    }

    private void showStudio() {
        Dataset data = vm.dataset();
        grid = new HeatmapGrid(data.classCount(), data.train().rows(), data.train().cols(),
                status.hover::setText);
        grid.setId("grid");
        batch = new BatchView(data.train());
        batch.setId("batch");
        // The grid is the hero: the whole width, so tiles are about 140 px at 1600x1000; the last
        // batch and the charts share a lower band that can be folded away.
        MetricsView metrics = new MetricsView(vm.charts());
        TitledPane charts = new TitledPane("Loss and accuracy", metrics);
        charts.setId("chartsPane");
        charts.setAnimated(false);
        charts.setMaxHeight(MAX_CHARTS_HEIGHT);
        HBox lower = new HBox(12, batch, charts);
        HBox.setHgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        VBox training = new VBox(6, grid, lower);
        centre.getChildren().setAll(tabs(training, data));
        stage.setTitle("Weight Studio - " + data.name() + " (" + data.train().size() + " training images)");
        if (vm.picture().shownProperty().get() != null) {
            grid.draw(vm.picture().shownProperty().get(), true);
            batch.show(vm.picture().shownProperty().get().frame().frame());
        }
    }

    /**
     * Training (the grid and charts) first; then the post's second experiment: draw a digit, the
     * robustness sweep and the test set, each reading the model of the picture shown.
     */
    private TabPane tabs(VBox training, Dataset data) {
        LatestModel model = new LatestModel(vm.picture().shownProperty());
        DrawPane draw = new DrawPane(model, data.test());
        Tab drawTab = new Tab("Draw", draw);
        draw.setActive(false);
        drawTab.selectedProperty().addListener((o, was, selected) -> draw.setActive(selected));
        TabPane tabs = new TabPane(
                new Tab("Training", training),
                drawTab,
                new Tab("Robustness", new RobustnessPane(model, data.test())),
                new Tab("Test set", new TestSetPane(model, data.test())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        return tabs;
    }

    /** Writes the snapshot if asked, stops training, saves settings. Runs once. */
    private void shutDown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        timer.stop();
        recording.stopExport();
        Path snapshot = vm.options().snapshotOnExit();
        if (snapshot != null && grid != null) {
            grid.showRanges();
            // Settle CSS and layout first: a scripted run may end a pulse or two after the grid
            // appeared, and the grid's height follows its width only on a second pass.
            for (int pass = 0; pass < 2; pass++) {
                root.applyCss();
                root.layout();
            }
            try {
                GridSnapshot.write(grid, grid.usedArea(), snapshot);
                System.out.println("snapshot written to " + snapshot + " at step " + vm.picture().shownProperty().get().step());
            } catch (IOException | RuntimeException e) {
                System.err.println("weight-studio: " + snapshot + ": cannot write the snapshot (" + e.getMessage() + ")");
                exitCode = 74;
            }
        }
        vm.close();
        if (store == null) {
            return;
        }
        try {
            store.save(vm.currentSettings(stage.getWidth(), stage.getHeight()));
        } catch (IOException | RuntimeException e) {
            System.err.println("weight-studio: " + store.file() + ": cannot save settings (" + e.getMessage() + ")");
        }
    }

    public StudioViewModel viewModel() {
        return vm;
    }

    Snapshots snapshots() {
        return snapshots;
    }

    Recording recording() {
        return recording;
    }

    TimelineBar timeline() {
        return timeline;
    }

    /** The grid node (null until the data has loaded), for snapshots. */
    HeatmapGrid grid() {
        return grid;
    }

    /** 0, or the exit code of a failure during shut-down. */
    public int exitCode() {
        return exitCode;
    }

    public Stage stage() {
        return stage;
    }
}
