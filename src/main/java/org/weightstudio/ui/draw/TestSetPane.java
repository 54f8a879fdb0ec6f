package org.weightstudio.ui.draw;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
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
import org.weightstudio.analysis.Predictions;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.ui.work.Workers;
import org.weightstudio.render.HeatmapRasterizer;
import org.weightstudio.render.Panel;

/**
 * The test set, browsed: per-class accuracy, the confusion matrix (click a cell to see its
 * images) and the gallery of mistakes, most confident first. Evaluates on a worker thread.
 */
public final class TestSetPane extends BorderPane {
    /** Images shown at most in the gallery; the most confident come first, so these matter most. */
    static final int GALLERY = 120;
    private static final int ZOOM = 3;

    private final Supplier<SoftmaxModel> modelSource;
    private final ImageSet testSet;
    private final Button evaluate = new Button("Evaluate");
    private final Label status = new Label("Not evaluated yet");
    private final GridPane matrix = new GridPane();
    private final VBox perClass = new VBox(2);
    private final Label galleryTitle = new Label();
    private final FlowPane gallery = new FlowPane(6, 6);
    private Predictions predictions;

    public TestSetPane(Supplier<SoftmaxModel> modelSource, ImageSet testSet) {
        this.modelSource = modelSource;
        this.testSet = testSet;
        setPadding(new Insets(12));
        evaluate.setId("evaluate");
        status.setId("testset-status");
        galleryTitle.setId("gallery-title");
        gallery.setId("gallery");
        matrix.setHgap(2);
        matrix.setVgap(2);
        HBox top = new HBox(8, evaluate, status);
        top.setAlignment(Pos.CENTER_LEFT);
        setTop(top);
        setLeft(new VBox(10, new Label("Confusion (row: true, column: predicted)"), matrix,
                new Label("Per-class accuracy"), perClass));
        ScrollPane scroll = new ScrollPane(gallery);
        scroll.setFitToWidth(true);
        setCenter(new VBox(6, galleryTitle, scroll));
        BorderPane.setMargin(getCenter(), new Insets(0, 0, 0, 16));
        evaluate.setOnAction(e -> start());
    }

    /** The verdicts shown, or null before the first evaluation. */
    Predictions predictions() {
        return predictions;
    }

    private void start() {
        SoftmaxModel snapshot = ModelSnapshot.take(modelSource, testSet, status);
        if (snapshot == null) {
            return;
        }
        evaluate.setDisable(true);
        status.setText("Evaluating...");
        Workers.run("test-set-evaluation", () -> Predictions.of(snapshot, testSet), this::show,
                failure -> status.setText("Failed: " + failure.getMessage()));
    }

    private void show(Predictions p) {
        predictions = p;
        evaluate.setDisable(false);
        int[][] confusion = p.confusion();
        int right = 0;
        for (int k = 0; k < confusion.length; k++) {
            right += confusion[k][k];
        }
        status.setText(String.format(Locale.ROOT, "Accuracy %.4f on %d test images", (double) right / p.size(), p.size()));
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
