package org.weightstudio.ui.draw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.weightstudio.analysis.DigitPreprocessor;
import org.weightstudio.analysis.Predictions;
import org.weightstudio.common.BadInputException;
import org.weightstudio.common.Messages;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Classifier;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.render.HeatmapRasterizer;
import org.weightstudio.render.Panel;
import org.weightstudio.ui.work.Workers;

/**
 * The test set, browsed: per-class accuracy, the confusion matrix (click a cell to see its
 * images) and the gallery of mistakes, most confident first. Or, chosen above, a folder of
 * labelled pictures (by default the bundled {@code assets/handwriting}): every trained model's
 * accuracy and confusion matrix on it, as {@code evaluate --images} gives them. Evaluates on a
 * worker thread; a folder that cannot be used is one line in the status.
 */
public final class TestSetPane extends BorderPane {
    /** Images shown at most in the gallery; the most confident come first, so these matter most. */
    static final int GALLERY = 120;
    private static final int ZOOM = 3;
    private static final String MNIST = "MNIST test set";
    private static final String FOLDER = "Picture folder";

    private final Supplier<List<NamedModel>> models;
    /** Which trained model to evaluate (filled from {@code models} whenever the pane is shown or evaluated). */
    private final ChoiceBox<String> model = new ChoiceBox<>();
    private final ImageSet testSet;
    private final Button evaluate = new Button("Evaluate");
    private final Label status = new Label("Not evaluated yet");
    private final GridPane matrix = new GridPane();
    private final VBox perClass = new VBox(2);
    private final Label galleryTitle = new Label();
    private final FlowPane gallery = new FlowPane(6, 6);
    private Predictions predictions;
    private final ChoiceBox<String> source = new ChoiceBox<>();
    private final Label modelLabel = new Label("Model");
    private final Label folderLabel = new Label();
    private final Button chooseFolder = new Button("Folder\u2026");
    private final ChoiceBox<DigitPreprocessor.Mode> preprocessing = new ChoiceBox<>();
    private final PictureFolderView folderView = new PictureFolderView();
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(DatasetLoader.bundledFolder("handwriting"));
    private Node mnistLeft;
    private Node mnistCentre;
    private FolderEvaluation folderEvaluation;
    private String lastMnistStatus = "";
    private String lastFolderStatus = "";

    public TestSetPane(Supplier<SoftmaxModel> modelSource, ImageSet testSet) {
        this(() -> {
            SoftmaxModel m = modelSource.get();
            return m == null ? List.of() : List.of(new NamedModel("One-layer", "One-layer", null, m, 1));
        }, testSet, true);
    }

    /** With a model selector over every trained model. */
    public TestSetPane(Supplier<List<NamedModel>> models, ImageSet testSet, boolean compare) {
        this.models = models;
        this.testSet = testSet;
        setPadding(new Insets(12));
        evaluate.setId("evaluate");
        status.setId("testset-status");
        galleryTitle.setId("gallery-title");
        gallery.setId("gallery");
        matrix.setHgap(2);
        matrix.setVgap(2);
        model.setId("testset-model");
        model.setOnShowing(e -> refreshModels());
        sceneProperty().addListener((o, was, scene) -> refreshModels());
        createSourceChoice();
        HBox top = new HBox(8, source, modelLabel, model, folderLabel, chooseFolder, preprocessing, evaluate, status);
        top.setAlignment(Pos.CENTER_LEFT);
        setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 10, 0));
        mnistLeft = new VBox(10, new Label("Confusion (row: true, column: predicted)"), matrix,
                new Label("Per-class accuracy"), perClass);
        ScrollPane scroll = new ScrollPane(gallery);
        scroll.setFitToWidth(true);
        mnistCentre = new VBox(6, galleryTitle, scroll);
        BorderPane.setMargin(mnistCentre, new Insets(0, 0, 0, 16));
        showSource(false);
        evaluate.setOnAction(e -> start());
    }

    /** MNIST test set or a picture folder; the folder's own controls show only with it. */
    private void createSourceChoice() {
        source.setId("testset-source");
        source.getItems().setAll(MNIST, FOLDER);
        source.setValue(MNIST);
        source.valueProperty().addListener((o, was, now) -> showSource(FOLDER.equals(now)));
        folderLabel.setId("testset-folder");
        folderLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> folder.get() == null ? "no folder chosen" : folder.get().toString(), folder));
        chooseFolder.setId("testset-folder-button");
        chooseFolder.setTooltip(new javafx.scene.control.Tooltip(
                "A folder of .png/.jpg pictures named NAME_L.png, L the digit they show"));
        chooseFolder.setOnAction(e -> chooseFolder());
        preprocessing.setId("testset-preprocessing");
        preprocessing.getItems().setAll(DigitPreprocessor.Mode.MNIST_PEN, DigitPreprocessor.Mode.MNIST,
                DigitPreprocessor.Mode.RAW);
        preprocessing.setValue(DigitPreprocessor.Mode.MNIST_PEN);
        preprocessing.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DigitPreprocessor.Mode m) {
                return m == null ? "" : "preprocessing " + FolderEvaluation.modeName(m);
            }

            @Override
            public DigitPreprocessor.Mode fromString(String s) {
                return null;
            }
        });
        preprocessing.setTooltip(new javafx.scene.control.Tooltip("mnist-pen: MNIST's recipe (ink box into 20x20, "
                + "centred by mass) with the pen brought to MNIST's width; mnist: the recipe alone; raw: the "
                + "whole picture shrunk"));
    }

    private void showSource(boolean pictures) {
        for (Node n : new Node[] {folderLabel, chooseFolder, preprocessing}) {
            n.setVisible(pictures);
            n.setManaged(pictures);
        }
        modelLabel.setVisible(!pictures);
        modelLabel.setManaged(!pictures);
        model.setVisible(!pictures);
        model.setManaged(!pictures);
        setLeft(pictures ? null : mnistLeft);
        setCenter(pictures ? folderView : mnistCentre);
        if (pictures && folderEvaluation == null) {
            folderView.showPending("Evaluate measures every trained model on the pictures of the folder");
        }
        String last = pictures ? lastFolderStatus : lastMnistStatus;
        status.setText(last.isEmpty() ? "Not evaluated yet" : last);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder of labelled pictures (NAME_L.png)");
        Path now = folder.get();
        if (now != null && Files.isDirectory(now)) {
            chooser.setInitialDirectory(now.toAbsolutePath().toFile());
        }
        java.io.File chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            setPictureFolder(chosen.toPath());
        }
    }

    /** The folder Evaluate reads when "Picture folder" is chosen. */
    public void setPictureFolder(Path f) {
        folder.set(f);
    }

    /** Chooses the MNIST test set ({@code false}) or the picture folder ({@code true}). */
    public void usePictureFolder(boolean pictures) {
        source.setValue(pictures ? FOLDER : MNIST);
    }

    /** The folder's answer shown, or null before the first. */
    FolderEvaluation folderEvaluation() {
        return folderEvaluation;
    }

    /** The verdicts shown, or null before the first evaluation. */
    Predictions predictions() {
        return predictions;
    }

    /** Offers every trained model, keeping the choice when it is still there. */
    void refreshModels() {
        String chosen = model.getValue();
        List<String> names = new ArrayList<>();
        for (NamedModel m : models.get()) {
            names.add(m.name());
        }
        if (!names.equals(model.getItems())) {
            model.getItems().setAll(names);
        }
        model.setValue(names.contains(chosen) ? chosen : names.isEmpty() ? null : names.get(0));
    }

    /** Chooses the model to evaluate by its name ("MLP"). */
    void choose(String name) {
        refreshModels();
        model.setValue(name);
    }

    private void start() {
        if (FOLDER.equals(source.getValue())) {
            startFolder();
            return;
        }
        refreshModels();
        NamedModel named = null;
        for (NamedModel m : models.get()) {
            if (m.name().equals(model.getValue())) {
                named = m;
            }
        }
        if (named == null || named.model().inputs() != testSet.imageSize()) {
            status.setText(named == null ? "No model yet" : "Model does not fit the test images");
            return;
        }
        Classifier snapshot = named.model().copyClassifier();
        String description = named.description();
        evaluate.setDisable(true);
        status.setText("Evaluating...");
        Workers.run("test-set-evaluation", () -> Predictions.of(snapshot, testSet), p -> show(p, description),
                failure -> status.setText("Failed: " + failure.getMessage()));
    }

    /** Every trained model on the folder, on a worker; the tab keeps responding. */
    private void startFolder() {
        Path f = folder.get();
        if (f == null) {
            status.setText("Choose a folder of labelled pictures first (Folder\u2026)");
            return;
        }
        List<FolderEvaluation.Candidate> candidates = new ArrayList<>();
        for (NamedModel m : models.get()) {
            candidates.add(FolderEvaluation.Candidate.of(m));
        }
        if (candidates.isEmpty()) {
            status.setText("No trained model yet: train one first");
            return;
        }
        DigitPreprocessor.Mode mode = preprocessing.getValue();
        evaluate.setDisable(true);
        status.setText("Reading " + f + "...");
        Workers.run("picture-folder-evaluation", () -> FolderEvaluation.run(f, mode, candidates), this::showFolder,
                failure -> {
                    evaluate.setDisable(false);
                    lastFolderStatus = "Cannot evaluate: " + oneLine(failure);
                    status.setText(lastFolderStatus);
                });
    }

    private void showFolder(FolderEvaluation e) {
        folderEvaluation = e;
        evaluate.setDisable(false);
        List<String> parts = new ArrayList<>();
        for (FolderEvaluation.ModelResult r : e.results()) {
            parts.add(String.format(Locale.ROOT, "%s %.4f", r.name(), r.result().evaluation().accuracy()));
        }
        lastFolderStatus = "Accuracy " + String.join(", ", parts) + " on " + e.pictures().size() + " pictures";
        status.setText(lastFolderStatus);
        folderView.show(e);
    }

    /** A user's error as its message (it names the file); anything else as its one-line reason. */
    private static String oneLine(Throwable failure) {
        if (failure instanceof BadInputException) {
            return failure.getMessage();
        }
        if (failure instanceof java.io.UncheckedIOException u) {
            return Messages.withFile(u.getCause());
        }
        return Messages.withFile(failure);
    }

    private void show(Predictions p, String description) {
        predictions = p;
        evaluate.setDisable(false);
        int[][] confusion = p.confusion();
        int right = 0;
        for (int k = 0; k < confusion.length; k++) {
            right += confusion[k][k];
        }
        lastMnistStatus = String.format(Locale.ROOT, "Accuracy %.4f on %d test images (%s)", (double) right / p.size(),
                p.size(), description);
        status.setText(lastMnistStatus);
        fillMatrix(confusion);
        fillPerClass(p.perClassAccuracy());
        showMistakes();
    }

    private void fillMatrix(int[][] confusion) {
        matrix.getChildren().clear();
        int n = confusion.length;
        for (int k = 0; k < n; k++) {
            matrix.add(new Label(" " + k), k + 1, 0);
            matrix.add(new Label(k + " "), 0, k + 1);
        }
        int maxOff = 1;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    maxOff = Math.max(maxOff, confusion[a][b]);
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                Button cell = new Button(Integer.toString(confusion[a][b]));
                cell.setId("cell-" + a + "-" + b);
                cell.setMinWidth(44);
                // Diagonal green; off-diagonal shades of red by count relative to the worst confusion.
                double t = a == b ? 0 : Math.min(1, confusion[a][b] / (double) maxOff);
                cell.setStyle(a == b ? "-fx-background-color: #d9f0d3;"
                        : String.format(Locale.ROOT, "-fx-background-color: rgba(178,24,43,%.2f);", 0.08 + 0.8 * t));
                int actual = a;
                int predicted = b;
                cell.setOnAction(e -> showCell(actual, predicted));
                matrix.add(cell, b + 1, a + 1);
            }
        }
    }

    private void fillPerClass(double[] accuracy) {
        perClass.getChildren().clear();
        for (int k = 0; k < accuracy.length; k++) {
            perClass.getChildren().add(new Label(String.format(Locale.ROOT, "%d: %.3f", k, accuracy[k])));
        }
    }

    /** The gallery of mistakes, most confident first. */
    public void showMistakes() {
        List<Predictions.Mistake> mistakes = predictions.mistakes();
        galleryTitle.setText(mistakes.size() + " mistakes, most confident first"
                + (mistakes.size() > GALLERY ? " (first " + GALLERY + ")" : ""));
        gallery.getChildren().clear();
        for (Predictions.Mistake m : mistakes.subList(0, Math.min(GALLERY, mistakes.size()))) {
            gallery.getChildren().add(tile(m.index(), String.format(Locale.ROOT, "%d as %d, %.2f", m.label(),
                    m.predicted(), m.confidence())));
        }
    }

    private void showCell(int actual, int predicted) {
        List<Integer> images = predictions.cell(actual, predicted);
        galleryTitle.setText(images.size() + " test images of " + actual + " predicted as " + predicted
                + (images.size() > GALLERY ? " (first " + GALLERY + ")" : ""));
        gallery.getChildren().clear();
        for (int i : images.subList(0, Math.min(GALLERY, images.size()))) {
            gallery.getChildren().add(tile(i, String.format(Locale.ROOT, "#%d, %.2f", i, predictions.confidence(i))));
        }
    }

    private VBox tile(int index, String caption) {
        int side = testSet.cols();
        float[] x = new float[testSet.imageSize()];
        testSet.toFloats(index, x);
        int[] big = HeatmapRasterizer.enlarge(Panel.inkToArgb(x), side, testSet.rows(), ZOOM,
                new int[side * ZOOM * testSet.rows() * ZOOM]);
        WritableImage image = new WritableImage(side * ZOOM, testSet.rows() * ZOOM);
        image.getPixelWriter().setPixels(0, 0, side * ZOOM, testSet.rows() * ZOOM, PixelFormat.getIntArgbInstance(), big, 0,
                side * ZOOM);
        Label label = new Label(caption);
        label.setStyle("-fx-font-size: 10;");
        return new VBox(2, new ImageView(image), label);
    }
}
