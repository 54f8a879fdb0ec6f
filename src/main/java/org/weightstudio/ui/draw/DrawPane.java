package org.weightstudio.ui.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.weightstudio.analysis.DigitPreprocessor;
import org.weightstudio.analysis.DigitPreprocessor.Mode;
import org.weightstudio.analysis.EvidenceMap;
import org.weightstudio.analysis.GreyImage;
import org.weightstudio.analysis.PerturbationKind;
import org.weightstudio.analysis.PerturbationSettings;
import org.weightstudio.analysis.Perturbations;
import org.weightstudio.analysis.Prediction;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.render.HeatmapRasterizer;
import org.weightstudio.render.Panel;

/**
 * Draw a digit and watch the model read it: a canvas with pen width, undo and clear; the 28x28
 * input the model sees (MNIST-style, with or without pen normalisation, or the naive raw
 * shrink); ten probability bars with the top class; the evidence maps of the top two classes;
 * and sliders that shift, scale, thicken and rotate the input, with the prediction following.
 *
 * <p>Self-contained: give it where to get the current model (a trainer's latest frame, a loaded
 * file); it asks again a few times a second, so a model still training is followed live.
 * {@link #showDigit} puts a test-set digit in place of the drawing.
 */
public final class DrawPane extends BorderPane {
    private static final int SIDE = 28;
    private static final int ZOOM = 6;
    private static final long REFRESH_NANOS = 200_000_000L;

    private final Supplier<SoftmaxModel> modelSource;
    private final Supplier<List<NamedModel>> models;
    private final ModelComparison comparison = new ModelComparison();
    private final StrokeCanvas canvas = new StrokeCanvas(280);
    private final ChoiceBox<Mode> mode = new ChoiceBox<>();
    private final Slider pen = new Slider(4, 40, 18);
    private final List<Slider> sliders = new ArrayList<>();
    private static final int VIEW = SIDE * ZOOM;
    // Enlarged by hand (nearest neighbour), so every input pixel is a crisp square on every pipeline.
    private final WritableImage inputImage = new WritableImage(VIEW, VIEW);
    private final WritableImage[] evidenceImages = {new WritableImage(VIEW, VIEW), new WritableImage(VIEW, VIEW)};
    private final int[] enlarged = new int[VIEW * VIEW];
    private final Label[] evidenceTitles = {new Label(), new Label()};
    private final Label verdict = new Label("Draw a digit");
    private final ProbabilityBars bars = new ProbabilityBars(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    private final Perturbations perturbations = new Perturbations(SIDE, SIDE);
    private final AnimationTimer timer;
    private final ImageSet testSet;
    private final Label truth = new Label();
    private int nextTestImage;

    private float[] base;
    private float[] picked;
    private boolean baseStale = true;
    private boolean dirty = true;
    private boolean active = true;
    private long lastRefresh;
    private Prediction prediction;

    public DrawPane(Supplier<SoftmaxModel> modelSource) {
        this(modelSource, null);
    }

    /**
     * With a labelled set (the test set), a "Test digit" button shows its images one after the
     * other in place of the drawing, with their true label.
     */
    public DrawPane(Supplier<SoftmaxModel> modelSource, ImageSet testSet) {
        this(modelSource, List::of, testSet);
    }

    /**
     * With every trained model ({@code models}, asked on each refresh): below the one-layer net's
     * evidence, one column per model with its prediction for the same input, the MLP's strongest
     * hidden units and the CNN's feature maps.
     */
    public DrawPane(Supplier<SoftmaxModel> modelSource, Supplier<List<NamedModel>> models, ImageSet testSet) {
        this.modelSource = modelSource;
        this.models = models;
        this.testSet = testSet;
        getStyleClass().add("draw-pane");
        setPadding(new Insets(12));
        setLeft(createDrawingSide());
        setCenter(createModelSide());
        setRight(createPerturbationSide());
        javafx.scene.control.ScrollPane below = new javafx.scene.control.ScrollPane(comparison);
        below.setFitToHeight(true);
        below.setPrefViewportHeight(330);
        setBottom(below);
        wire();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty || now - lastRefresh > REFRESH_NANOS) {
                    lastRefresh = now;
                    refresh();
                }
            }
        };
        sceneProperty().addListener((obs, old, scene) -> runTimer());
    }

    /**
     * Whether the pane is on screen (its tab selected). A hidden pane polls no model: each poll
     * copies the model and redraws the pane, work the trainer would rather have.
     */
    public void setActive(boolean on) {
        active = on;
        dirty = true;
        runTimer();
    }

    private void runTimer() {
        if (active && getScene() != null) {
            timer.start();
        } else {
            timer.stop();
        }
    }

    private VBox createDrawingSide() {
        mode.getItems().addAll(Mode.MNIST_PEN, Mode.MNIST, Mode.RAW);
        mode.setValue(Mode.MNIST_PEN);
        mode.setId("mode");
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(Mode m) {
                return m == null ? "" : switch (m) {
                    case MNIST_PEN -> "MNIST-style, pen normalised";
                    case MNIST -> "MNIST-style";
                    case RAW -> "raw: whole canvas shrunk";
                };
            }

            @Override
            public Mode fromString(String s) {
                return Mode.MNIST_PEN;
            }
        });
        Button undo = new Button("Undo");
        undo.setOnAction(e -> canvas.undo());
        Button clear = new Button("Clear");
        clear.setId("clear");
        clear.setOnAction(e -> clear());
        pen.setShowTickLabels(true);
        pen.setMajorTickUnit(12);
        HBox penRow = new HBox(6, new Label("Pen"), pen);
        penRow.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(6, undo, clear, mode);
        VBox box = new VBox(8, canvas, penRow, buttons);
        if (testSet != null) {
            Button next = new Button("Test digit");
            next.setId("test-digit");
            next.setOnAction(e -> showTestImage(nextTestImage++ % testSet.size()));
            truth.setId("truth");
            HBox row = new HBox(8, next, truth);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        box.setStyle("-fx-border-color: #ccc; -fx-padding: 6;");
        return box;
    }

    private VBox createModelSide() {
        verdict.setId("verdict");
        verdict.setStyle("-fx-font-size: 20; -fx-font-weight: bold;");
        ImageView input = zoomed(inputImage);
        input.setId("model-input");
        HBox maps = new HBox(10,
                new VBox(4, evidenceTitles[0], zoomed(evidenceImages[0])),
                new VBox(4, evidenceTitles[1], zoomed(evidenceImages[1])));
        VBox box = new VBox(10, verdict, new HBox(14, new VBox(4, new Label("Model input (28x28)"), input), bars),
                new Label("Evidence: input x template (red for, blue against)"), maps);
        box.setPadding(new Insets(0, 12, 0, 12));
        return box;
    }

    private VBox createPerturbationSide() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        int row = 0;
        for (PerturbationKind kind : PerturbationKind.values()) {
            Slider s = new Slider(kind.min(), kind.max(), kind.neutral());
            s.setId("slider-" + kind.id());
            s.setShowTickLabels(true);
            s.setMajorTickUnit((kind.max() - kind.min()) / 4);
            sliders.add(s);
            Label value = new Label();
            value.textProperty().bind(s.valueProperty().asString(Locale.ROOT, "%.1f"));
            grid.addRow(row++, new Label(kind.id()), s, value);
        }
        Button reset = new Button("Reset");
        reset.setOnAction(e -> {
            PerturbationKind[] kinds = PerturbationKind.values();
            for (int i = 0; i < kinds.length; i++) {
                sliders.get(i).setValue(kinds[i].neutral());
            }
        });
        return new VBox(8, new Label("Perturb the input"), grid, reset);
    }

    private void wire() {
        canvas.setOnChange(() -> {
            if (!canvas.isEmpty()) {
                picked = null;
                truth.setText("");
            }
            baseStale = true;
            dirty = true;
        });
        pen.valueProperty().addListener((o, a, b) -> canvas.setPenWidth(b.doubleValue()));
        mode.valueProperty().addListener((o, a, b) -> {
            baseStale = true;
            dirty = true;
        });
        for (Slider s : sliders) {
            s.valueProperty().addListener((o, a, b) -> dirty = true);
        }
    }

    private static ImageView zoomed(WritableImage image) {
        return new ImageView(image);
    }

    private void paint(WritableImage image, int[] argb) {
        HeatmapRasterizer.enlarge(argb, SIDE, SIDE, ZOOM, enlarged);
        image.getPixelWriter().setPixels(0, 0, VIEW, VIEW, PixelFormat.getIntArgbInstance(), enlarged, 0, VIEW);
    }

    /** Clears the drawing (and any picked digit). */
    public void clear() {
        picked = null;
        truth.setText("");
        canvas.clear();
    }

    /** Shows image {@code i} of the test set given to the constructor, with its true label. */
    public void showTestImage(int i) {
        float[] x = new float[testSet.imageSize()];
        testSet.toFloats(i, x);
        showDigit(x);
        truth.setText("test image " + i + ", label " + testSet.label(i));
    }

    /** Shows a 28x28 digit (784 values, ink 1) in place of the drawing, e.g. one from the test set. */
    public void showDigit(float[] pixels) {
        if (pixels.length != SIDE * SIDE) {
            throw new IllegalArgumentException("a digit is 784 pixels, got " + pixels.length);
        }
        canvas.clear();
        picked = pixels.clone();
        baseStale = true;
        dirty = true;
    }

    /** The current probabilities, or null when there is nothing to predict or no model. */
    public float[] probabilities() {
        return prediction == null ? null : prediction.probabilities().clone();
    }

    /** Recomputes input, prediction and evidence now (the timer does this on its own). */
    public void refresh() {
        dirty = false;
        if (baseStale) {
            base = computeBase();
            baseStale = false;
        }
        SoftmaxModel model = modelSource.get();
        float[] input = null;
        if (base != null) {
            input = new float[SIDE * SIDE];
            perturbations.apply(settings(), base, input);
        }
        comparison.show(models.get(), input);
        if (base == null || model == null || model.inputs() != SIDE * SIDE) {
            prediction = null;
            showInput(new float[SIDE * SIDE]);
            bars.show(null, -1);
            if (input != null) {
                showInput(input);
            }
            verdict.setText(base == null ? "Draw a digit" : model == null ? "One-layer net: not trained yet"
                    : "Model is not 28x28");
            clearEvidence();
            return;
        }
        float[] x = input;
        showInput(x);
        prediction = Prediction.of(model, x);
        bars.show(prediction.probabilities(), prediction.best());
        verdict.setText(String.format(Locale.ROOT, "%d  (%.1f%%)", prediction.best(), 100 * prediction.confidence()));
        showEvidence(model, x);
    }

    private float[] computeBase() {
        if (picked != null) {
            return picked;
        }
        if (canvas.isEmpty()) {
            return null;
        }
        GreyImage grey = canvas.toGrey();
        return DigitPreprocessor.isBlank(grey) ? null : DigitPreprocessor.prepare(grey, mode.getValue());
    }

    private PerturbationSettings settings() {
        PerturbationSettings s = PerturbationSettings.IDENTITY;
        PerturbationKind[] kinds = PerturbationKind.values();
        for (int i = 0; i < kinds.length; i++) {
            double v = sliders.get(i).getValue();
            // Whole pixels for shifts and half pixels of pen keep the sliders on exact operations.
            v = switch (kinds[i]) {
                case SHIFT_X, SHIFT_Y -> Math.rint(v);
                case THICKNESS -> Math.rint(v * 2) / 2;
                default -> v;
            };
            s = s.with(kinds[i], v);
        }
        return s;
    }

    private void showInput(float[] x) {
        paint(inputImage, Panel.inkToArgb(x));
    }

    private void showEvidence(SoftmaxModel model, float[] x) {
        int[] top = prediction.top(2);
        EvidenceMap[] maps = new EvidenceMap[top.length];
        float range = 0;
        for (int i = 0; i < top.length; i++) {
            maps[i] = EvidenceMap.of(model, x, top[i], SIDE, SIDE);
            range = Math.max(range, maps[i].maxAbs());
        }
        int[] argb = new int[SIDE * SIDE];
        for (int i = 0; i < maps.length; i++) {
            HeatmapRasterizer.rasterize(maps[i].values(), 0, range, argb);
            paint(evidenceImages[i], argb);
            evidenceTitles[i].setText(String.format(Locale.ROOT, "%d: %.2f %s %.2f = %.2f", top[i], maps[i].evidence(),
                    maps[i].bias() < 0 ? "-" : "+", Math.abs(maps[i].bias()), maps[i].score()));
        }
    }

    private void clearEvidence() {
        int[] white = new int[SIDE * SIDE];
        java.util.Arrays.fill(white, 0xFFFFFFFF);
        for (int i = 0; i < 2; i++) {
            paint(evidenceImages[i], white);
            evidenceTitles[i].setText("");
        }
    }
}
