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
import org.weightstudio.analysis.Evaluation;

/**
 * The Test set tab's answer for a picture folder: one card per trained model with its accuracy
 * (over all pictures and per kind of picture) and its confusion matrix, side by side so the
 * models compare at a glance.
 */
final class PictureFolderView extends VBox {
    private static final double CELL = 34;

    private final Label summary = new Label();
    private final FlowPane cards = new FlowPane(18, 18);

    PictureFolderView() {
        summary.setId("folder-summary");
        summary.getStyleClass().add("section-title");
        cards.setId("folder-cards");
        cards.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent;");
        getChildren().addAll(summary, scroll);
        setSpacing(8);
    }

    /** Nothing measured yet: says what Evaluate will do. */
    void showPending(String text) {
        summary.setText(text);
        cards.getChildren().clear();
    }

    void show(FolderEvaluation e) {
        summary.setText(e.summary());
        cards.getChildren().clear();
        for (FolderEvaluation.ModelResult r : e.results()) {
            cards.getChildren().add(card(r, e));
        }
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
                matrix(r.name(), ev.confusion()));
        card.setId("folder-card-" + r.name());
        card.getStyleClass().add("folder-card");
        card.setPadding(new Insets(8));
        card.setStyle("-fx-border-color: #c8c8c8; -fx-border-radius: 4; -fx-background-color: white;"
                + " -fx-background-radius: 4;");
        return card;
    }

    /** Counts coloured as in the MNIST view: the diagonal green, confusions red by how common. */
    private static GridPane matrix(String model, int[][] confusion) {
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
