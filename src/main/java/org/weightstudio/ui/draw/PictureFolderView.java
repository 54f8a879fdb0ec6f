package org.weightstudio.ui.draw;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.weightstudio.analysis.DigitPreprocessor;
import org.weightstudio.analysis.Evaluation;
import org.weightstudio.render.HeatmapRasterizer;
import org.weightstudio.render.Panel;

/**
 * The Test set tab's answer for a picture folder: one card per trained model with its accuracy
 * (over all pictures and per kind of picture) and its confusion matrix, side by side so the
 * models compare at a glance. A click on a cell shows its pictures below, as the model saw them
 * (the 28x28 input after preprocessing), named by file.
 */
final class PictureFolderView extends VBox {
    private static final double CELL = 34;
    /** Pictures shown at most for one cell. */
    static final int GALLERY = 120;
    private static final int ZOOM = 3;

    private final Label summary = new Label();
    private final FlowPane cards = new FlowPane(18, 18);
    private final Label galleryTitle = new Label();
    private final FlowPane gallery = new FlowPane(6, 6);

    PictureFolderView() {
        summary.setId("folder-summary");
        summary.getStyleClass().add("section-title");
        cards.setId("folder-cards");
        cards.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane();
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent;");
        galleryTitle.setId("folder-gallery-title");
        gallery.setId("folder-gallery");
        gallery.setPadding(new Insets(4));
        VBox body = new VBox(14, cards, galleryTitle, gallery);
        scroll.setContent(body);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(summary, scroll);
        setSpacing(8);
    }

    /** Nothing measured yet: says what Evaluate will do. */
    void showPending(String text) {
        summary.setText(text);
        cards.getChildren().clear();
        galleryTitle.setText("");
        gallery.getChildren().clear();
    }

    void show(FolderEvaluation e) {
        summary.setText(e.summary());
        cards.getChildren().clear();
        for (FolderEvaluation.ModelResult r : e.results()) {
            cards.getChildren().add(card(r, e));
        }
        galleryTitle.setText("Click a cell to see its pictures as the model saw them");
        gallery.getChildren().clear();
    }

    private VBox card(FolderEvaluation.ModelResult r, FolderEvaluation e) {
        Evaluation ev = r.result().evaluation();
        Label title = new Label(String.format(Locale.ROOT, "%s (step %,d)", r.description(), r.step()));
        title.getStyleClass().add("section-title");
        Label accuracy = new Label(String.format(Locale.ROOT, "accuracy %.4f (%d/%d)   loss %.4f", ev.accuracy(),
                Math.round(ev.accuracy() * ev.count()), ev.count(), ev.meanLoss()));
        accuracy.setId("folder-accuracy-" + r.name());
        accuracy.setStyle("-fx-font-size: 15; -fx-font-weight: bold;");
        Label perKind = new Label(r.result().perKind(e.pictures()));
        perKind.setId("folder-kinds-" + r.name());
        VBox card = new VBox(6, title, accuracy, perKind, new Label("Confusion (row: true, column: predicted)"),
                matrix(r, e));
        card.setId("folder-card-" + r.name());
        card.getStyleClass().add("folder-card");
        card.setPadding(new Insets(8));
        card.setStyle("-fx-border-color: #c8c8c8; -fx-border-radius: 4; -fx-background-color: white;"
                + " -fx-background-radius: 4;");
        return card;
    }

    /** Counts coloured as in the MNIST view: the diagonal green, confusions red by how common. */
    private GridPane matrix(FolderEvaluation.ModelResult r, FolderEvaluation e) {
        String model = r.name();
        int[][] confusion = r.result().evaluation().confusion();
        GridPane grid = new GridPane();
        grid.setHgap(2);
        grid.setVgap(2);
        int n = confusion.length;
        int maxOff = 1;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    maxOff = Math.max(maxOff, confusion[a][b]);
                }
            }
        }
        for (int k = 0; k < n; k++) {
            grid.add(centred(Integer.toString(k)), k + 1, 0);
            grid.add(centred(Integer.toString(k)), 0, k + 1);
        }
        grid.add(centred("right"), n + 1, 0);
        for (int a = 0; a < n; a++) {
            int total = 0;
            for (int b = 0; b < n; b++) {
                int c = confusion[a][b];
                total += c;
                Label cell = centred(c == 0 ? "." : Integer.toString(c));
                cell.setId("folder-cell-" + model + "-" + a + "-" + b);
                if (c > 0) {
                    int actual = a;
                    int predicted = b;
                    cell.setOnMouseClicked(click -> showCell(r, e, actual, predicted));
                    cell.setCursor(javafx.scene.Cursor.HAND);
                }
                double t = a == b ? 0 : Math.min(1, c / (double) maxOff);
                cell.setStyle(a == b ? "-fx-background-color: #d9f0d3;"
                        : c == 0 ? "-fx-background-color: #f4f4f4;"
                        : String.format(Locale.ROOT, "-fx-background-color: rgba(178,24,43,%.2f);", 0.12 + 0.75 * t));
                grid.add(cell, b + 1, a + 1);
            }
            Label right = centred(total == 0 ? "-"
                    : String.format(Locale.ROOT, "%.0f%%", 100.0 * confusion[a][a] / total));
            right.setMinWidth(CELL + 12);
            grid.add(right, n + 1, a + 1);
        }
        return grid;
    }

    /** The pictures of label {@code actual} that the model called {@code predicted}. */
    void showCell(FolderEvaluation.ModelResult r, FolderEvaluation e, int actual, int predicted) {
        var pictures = e.pictures();
        int[] answers = r.result().predicted();
        gallery.getChildren().clear();
        int count = 0;
        for (int i = 0; i < pictures.size(); i++) {
            if (pictures.labels()[i] == actual && answers[i] == predicted) {
                if (count < GALLERY) {
                    gallery.getChildren().add(tile(pictures.inputs().get(i), pictures.files().get(i).getFileName().toString()));
                }
                count++;
            }
        }
        galleryTitle.setText(String.format(Locale.ROOT, "%s: %d picture%s of %d predicted as %d%s", r.description(),
                count, count == 1 ? "" : "s", actual, predicted, count > GALLERY ? " (first " + GALLERY + ")" : ""));
    }

    /** The 28x28 input, dark ink on white, enlarged, over its file name. */
    private static VBox tile(float[] input, String name) {
        int side = DigitPreprocessor.SIZE;
        int[] big = HeatmapRasterizer.enlarge(Panel.inkToArgb(input), side, side, ZOOM, new int[side * ZOOM * side * ZOOM]);
        WritableImage image = new WritableImage(side * ZOOM, side * ZOOM);
        image.getPixelWriter().setPixels(0, 0, side * ZOOM, side * ZOOM, PixelFormat.getIntArgbInstance(), big, 0,
                side * ZOOM);
        Label label = new Label(name.length() > 22 ? name.substring(0, 10) + "\u2026" + name.substring(name.length() - 11) : name);
        label.setStyle("-fx-font-size: 10;");
        label.setTooltip(new javafx.scene.control.Tooltip(name));
        VBox box = new VBox(2, new ImageView(image), label);
        box.getStyleClass().add("folder-picture");
        return box;
    }

    private static Label centred(String text) {
        Label l = new Label(text);
        l.setMinSize(CELL, 24);
        l.setAlignment(Pos.CENTER);
        return l;
    }

    /** The model names shown, in order (tests). */
    List<String> cardIds() {
        return cards.getChildren().stream().map(javafx.scene.Node::getId).toList();
    }
}
