package org.weightstudio.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.InputEvent;
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
import org.weightstudio.common.Messages;
import org.weightstudio.persistence.StudioSettingsStore;
import java.util.List;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.ui.draw.DrawPane;
import org.weightstudio.ui.draw.NamedModel;
import org.weightstudio.ui.draw.RobustnessPane;
import org.weightstudio.ui.draw.TestSetPane;

/**
 * The studio window: controls on top, the heatmap grid with the last batch beside it, the charts
 * below, the status bar at the bottom. Shows at once; the grid is built when the data has
 * loaded. A {@link PulseDriver} pulls the newest frame on every pulse (or every tick while the
 * trainer runs flat out). Closing the window stops the trainer thread and saves the settings.
 */
public final class StudioWindow {
    /** The charts never take more height than this: spare height is the grid's. */
    private static final double MAX_CHARTS_HEIGHT = 300;
    /** With the one-layer grid, whose tiles stop growing at 142 px, the charts may take more. */
    private static final double MAX_CHARTS_HEIGHT_BESIDE_TEMPLATES = 380;
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
    private final PulseDriver pulses;
    private final ModelSelector selector;
    /** The grid of each model shown so far (made the first time it is shown). */
    private final java.util.Map<ModelKind, ModelGrid> grids = new java.util.EnumMap<>(ModelKind.class);
    private ModelGrid grid;
    private HBox upper;
    /** The band under the grid: the last batch and the foldable charts. */
    private HBox lower;
    private TitledPane charts;
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
        this.selector = new ModelSelector(vm);
        this.pulses = new PulseDriver(vm::pulse, vm::trainerStillBound);
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

        root.setTop(new VBox(selector, controls, banner));
        VBox.setMargin(selector, new Insets(6, 10, 0, 10));
        root.setCenter(centre);
        timeline.setId("timeline");
        root.setBottom(new VBox(timeline, status));
        root.getStyleClass().add("studio");
        BorderPane.setMargin(centre, new Insets(6, 10, 0, 10));

        Scene scene = new Scene(root, settings.windowWidth, settings.windowHeight);
        scene.getStylesheets().add(StudioWindow.class.getResource("studio.css").toExternalForm());
        // whatever input changes shows at once, also while the trainer runs flat out
        scene.addEventFilter(InputEvent.ANY, e -> pulses.wake());
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
            }
        });
        vm.models().selectedProperty().addListener((o, was, kind) -> {
            if (upper != null) {
                showGrid(kind);
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
        controls.snapshot.setOnAction(e -> saveSnapshot());
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

    /**
     * Ctrl+Q and Ctrl+W (Cmd on a Mac) close the window anywhere, as desktop programs do; Space,
     * Right, R, S, + and - work anywhere except while typing in a field.
     */
    private void key(KeyEvent e) {
        if (e.isShortcutDown() && (e.getCode() == KeyCode.Q || e.getCode() == KeyCode.W)) {
            e.consume();
            // as the close button does: stop training, save settings; the last window closing ends the app
            shutDown();
            stage.close();
            return;
        }
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
            saveSnapshot();
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
        pulses.start();
        vm.loadInBackground(data);
    }

    /** Shows the window with data already at hand (tests). */
    public void show(Dataset data) {
        stage.show();
        pulses.start();
        vm.start(data);
    }

    private void showStudio() {
        Dataset data = vm.dataset();
        batch = new BatchView(data.train());
        batch.setId("batch");
        // The grid is the hero: the whole width, so tiles are about 140 px at 1600x1000; the last
        // batch and the charts share a lower band that can be folded away. `upper` holds the grid
        // of the model shown (showGrid swaps it when another model is chosen).
        upper = new HBox(12);
        MetricsView metrics = new MetricsView(vm.charts());
        charts = new TitledPane("Loss and accuracy", metrics);
        charts.setId("chartsPane");
        charts.setAnimated(false);
        // a big batch (an MLP's 32 images) scrolls rather than pushing the grid off the window
        ScrollPane batchScroll = new ScrollPane(batch);
        batchScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        batchScroll.setMinViewportWidth(batch.prefWidth(-1));
        lower = new HBox(12, batchScroll, charts);
        HBox.setHgrow(charts, Priority.ALWAYS);
        lower.setMinHeight(0);
        charts.expandedProperty().addListener((o, was, open) -> shareHeight());
        showGrid(vm.models().selectedProperty().get());
        VBox training = new VBox(6, upper, lower);
        centre.getChildren().setAll(tabs(training, data));
        stage.setTitle("Weight Studio - " + data.name() + " (" + data.train().size() + " training images)");
        if (vm.picture().shownProperty().get() != null) {
            grid.draw(vm.picture().shownProperty().get(), true);
            batch.show(vm.picture().shownProperty().get().frame().frame());
        }
    }

    /** Puts the grid of model {@code kind} in place (the picture listener then draws its picture). */
    private void showGrid(ModelKind kind) {
        ModelGrid g = grids.get(kind);
        if (g == null) {
            Dataset data = vm.dataset();
            if (kind == ModelKind.ONE_LAYER) {
                HeatmapGrid h = new HeatmapGrid(data.classCount(), data.train().rows(), data.train().cols(),
                        status.hover::setText);
                h.setOnSaveTile(snapshots::saveTile);
                g = h;
            } else {
                g = new LayerGrid(vm.models().current().architecture(), status.hover::setText);
            }
            g.node().setId("grid");
            grids.put(kind, g);
        }
        grid = g;
        upper.getChildren().setAll(g.node());
        HBox.setHgrow(g.node(), Priority.ALWAYS);
        shareHeight();
    }

    /**
     * Shares the height between the grid and the band below. The one-layer grid never gets less
     * than its tiles need (see HeatmapGrid's minimum height), and spare height beyond that goes to
     * the charts up to their cap: larger tiles would cost the charts more than they add. An MLP's
     * or CNN's grid scrolls and takes all the height left. Folded, the charts keep only their own
     * height.
     */
    private void shareHeight() {
        boolean scrolls = grid.scrolls();
        VBox.setVgrow(lower, !scrolls && charts.isExpanded() ? Priority.ALWAYS : Priority.NEVER);
        VBox.setVgrow(upper, scrolls ? Priority.ALWAYS : Priority.SOMETIMES);
        double cap = scrolls ? MAX_CHARTS_HEIGHT : MAX_CHARTS_HEIGHT_BESIDE_TEMPLATES;
        charts.setMaxHeight(cap);
        lower.setMaxHeight(cap);
    }

    /** The one-layer grid goes through the snapshot writer (PNG and sidecar, as the command); other grids are written as shown. */
    private void saveSnapshot() {
        ModelSlot slot = vm.models().current();
        ShownPicture p = vm.picture().shownProperty().get();
        if (slot == null || p == null) {
            return;
        }
        if (slot.kind() == ModelKind.ONE_LAYER) {
            snapshots.saveGrid();
            return;
        }
        Path file = vm.form().snapshotFolderProperty().get()
                .resolve(String.format(java.util.Locale.ROOT, "grid-%s-step-%08d.png", slot.kind().id, p.step()));
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            GridSnapshot.write(grid.node(), grid.usedArea(), file);
            vm.banner().inform("Snapshot saved: " + file);
        } catch (IOException | RuntimeException e) {
            vm.banner().warn("Snapshot not saved: " + file + ": " + org.weightstudio.common.Messages.reason(e));
        }
    }

    /**
     * Training (the grid and charts) first; then the post's second experiment: draw a digit, the
     * robustness sweep and the test set, each reading the model of the picture shown.
     */
    private TabPane tabs(VBox training, Dataset data) {
        LatestModel shown = new LatestModel(vm.picture().shownProperty());
        // the one-layer net for its evidence maps: as on screen when shown, else as its trainer left it
        Supplier<SoftmaxModel> oneLayer = () -> {
            ModelSlot slot = vm.models().slot(ModelKind.ONE_LAYER);
            if (slot == null) {
                return null;
            }
            return vm.models().current() == slot ? shown.get() : (SoftmaxModel) slot.latestModel();
        };
        Supplier<List<NamedModel>> trained = () -> vm.models().trainedModels(vm.picture().shownProperty().get());
        Tab drawTab = lazyTab("Draw", () -> new DrawPane(oneLayer, trained, data.test()));
        // a hidden Draw tab does not poll the models
        drawTab.selectedProperty().addListener((o, was, selected) -> {
            if (drawTab.getContent() instanceof DrawPane draw) {
                draw.setActive(selected);
            }
        });
        TabPane tabs = new TabPane(
                new Tab("Training", training),
                drawTab,
                lazyTab("Robustness", () -> new RobustnessPane(trained, data.test(), true)),
                lazyTab("Test set", () -> new TestSetPane(trained, data.test(), true)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        return tabs;
    }

    /**
     * A tab whose content is made when it is first selected. The window opens on the Training tab,
     * and building the others (their controls, their CSS) while training has just started would
     * cost the trainer a core and fill the JIT compiler's queue ahead of the trainer's own code.
     */
    private static Tab lazyTab(String name, Supplier<Node> content) {
        Tab tab = new Tab(name);
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }

    /** Writes the snapshot if asked, stops training, saves settings. Runs once. */
    private void shutDown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        pulses.stop();
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
                GridSnapshot.write(grid.node(), grid.usedArea(), snapshot);
                System.out.println("snapshot written to " + snapshot + " at step " + vm.picture().shownProperty().get().step());
            } catch (IOException | RuntimeException e) {
                System.err.println("weight-studio: cannot write the snapshot: " + Messages.withFile(e));
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
            System.err.println("weight-studio: cannot save settings: " + Messages.withFile(e));
        }
    }

    public StudioViewModel viewModel() {
        return vm;
    }

    Snapshots snapshots() {
        return snapshots;
    }

    PulseDriver pulseDriver() {
        return pulses;
    }

    Recording recording() {
        return recording;
    }

    TimelineBar timeline() {
        return timeline;
    }

    /** The one-layer grid while the one-layer net is shown (null otherwise, and until the data has loaded). */
    HeatmapGrid grid() {
        return grid instanceof HeatmapGrid h ? h : null;
    }

    /** The grid of the model shown (null until the data has loaded). */
    ModelGrid modelGrid() {
        return grid;
    }

    ModelSelector selector() {
        return selector;
    }

    /** 0, or the exit code of a failure during shut-down. */
    public int exitCode() {
        return exitCode;
    }

    public Stage stage() {
        return stage;
    }
}
