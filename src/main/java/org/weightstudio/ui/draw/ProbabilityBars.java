package org.weightstudio.ui.draw;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One horizontal bar per class showing its probability; the top class's bar is highlighted. */
final class ProbabilityBars extends VBox {
    private final ProgressBar[] bars;
    private final Label[] values;

    ProbabilityBars(List<String> classNames) {
        super(3);
        bars = new ProgressBar[classNames.size()];
        values = new Label[classNames.size()];
        for (int k = 0; k < bars.length; k++) {
            Label name = new Label(classNames.get(k));
            name.setMinWidth(18);
            bars[k] = new ProgressBar(0);
            bars[k].setPrefWidth(160);
            bars[k].setId("bar-" + k);
            values[k] = new Label("");
            values[k].setMinWidth(48);
            HBox row = new HBox(6, name, bars[k], values[k]);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
    }

    /** Shows {@code p} (null clears the bars) and highlights class {@code best}. */
    void show(float[] p, int best) {
        for (int k = 0; k < bars.length; k++) {
            double v = p == null ? 0 : p[k];
            bars[k].setProgress(v);
            values[k].setText(p == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * v));
            bars[k].setStyle(k == best && p != null ? "-fx-accent: #b2182b;" : "-fx-accent: #2166ac;");
        }
    }

    double value(int k) {
        return bars[k].getProgress();
    }
}
