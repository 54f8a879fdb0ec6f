package org.weightstudio.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.weightstudio.data.ImageSet;
import org.weightstudio.training.Frame;

/**
 * The inputs of the last update beside the grid: each image with its label and the model's
 * prediction (made before the update), so a person sees which digits a delta is made of. Shows
 * the first {@value #SHOWN} of a larger batch.
 */
final class BatchView extends VBox {
    static final int SHOWN = 8;
    private static final String TITLE = "Last update's inputs";
    private static final int SCALE = 3;

    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");

    private final ImageSet images;
    private final List<Row> rows = new ArrayList<>();
    private final Label more = new Label();
    private final Label title = new Label(TITLE);
    private final int[] grey;

    /** Two images per row used in turn, so that painting never touches the image being rendered. */
    private record Row(HBox box, ImageView view, WritableImage[] images, Label text, int[] shown) {
        WritableImage next() {
            shown[0] = 1 - shown[0];
            return images[shown[0]];
        }
    }

    BatchView(ImageSet images) {
        this.images = images;
        this.grey = new int[images.imageSize()];
        title.getStyleClass().add("section-title");
        title.setId("batchTitle");
        // ", augmented" does not fit the panel's width on one line
        title.setWrapText(true);
        getChildren().add(title);
        for (int i = 0; i < SHOWN; i++) {
            WritableImage[] pair = {new WritableImage(images.cols(), images.rows()),
                new WritableImage(images.cols(), images.rows())};
            ImageView view = new ImageView(pair[0]);
            view.setSmooth(false);
            view.setFitWidth(images.cols() * SCALE);
            view.setFitHeight(images.rows() * SCALE);
            Label text = new Label();
            text.getStyleClass().add("batch-text");
            HBox box = new HBox(8, view, text);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setVisible(false);
            box.setManaged(false);
            rows.add(new Row(box, view, pair, text, new int[1]));
            getChildren().add(box);
        }
        more.getStyleClass().add("batch-more");
        getChildren().add(more);
        getStyleClass().add("batch-view");
        setSpacing(4);
        setMinWidth(200);
        setPrefWidth(200);
    }

    void show(Frame frame) {
        int n = frame.batchImages().length;
        // say so when the model saw augmented copies, not the training images as stored
        title.setText(frame.batchPixels() != null ? TITLE + ", augmented" : TITLE);
        for (int i = 0; i < SHOWN; i++) {
            Row row = rows.get(i);
            boolean used = i < n;
            row.box().setVisible(used);
            row.box().setManaged(used);
            if (used) {
                WritableImage next = row.next();
                paint(frame, i, next);
                row.view().setImage(next);
                int label = frame.batchLabels()[i];
                int predicted = frame.batchPredictions()[i];
                row.text().setText("label " + label + "\npredicted " + predicted);
                row.text().pseudoClassStateChanged(WRONG, label != predicted);
            }
        }
        more.setText(n > SHOWN ? "+ " + (n - SHOWN) + " more in the batch" : n == 0 ? "(no update yet)" : "");
    }

    /**
     * Ink as light on dark, the way MNIST is usually shown: the augmented pixels the model saw
     * when the update was augmented, else the training image itself.
     */
    private void paint(Frame frame, int i, WritableImage target) {
        byte[] augmented = frame.batchPixels();
        int index = frame.batchImages()[i];
        for (int p = 0; p < grey.length; p++) {
            int v = augmented != null ? augmented[i * grey.length + p] & 0xFF : images.pixel(index, p);
            grey[p] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        target.getPixelWriter().setPixels(0, 0, images.cols(), images.rows(), PixelFormat.getIntArgbInstance(), grey,
                0, images.cols());
    }
}
