package org.weightstudio.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.chart.XYChart;

/**
 * The series of the loss and accuracy charts: the running training figures and the test
 * evaluations, against the update. Each series keeps at most {@link #MAX_POINTS} points (past
 * that, every other point goes), so the charts stay cheap to draw however long the run.
 *
 * <p>While the trainer runs flat out, new points are {@linkplain #hold(boolean) held} and added
 * together when the next picture is drawn ({@link #flush()}): every change to a chart lays it out
 * and paints it again, and points arriving on their own clocks (training figures twice a second,
 * test results when the evaluator finishes) cost three chart redraws a second where one does.
 * FX thread only.
 */
public final class ChartsViewModel {
    static final int MAX_POINTS = 400;

    private final XYChart.Series<Number, Number> trainLoss = series("training loss (running)");
    private final XYChart.Series<Number, Number> testLoss = series("test loss");
    private final XYChart.Series<Number, Number> trainAccuracy = series("training accuracy (running)");
    private final XYChart.Series<Number, Number> testAccuracy = series("test accuracy");
    private final BooleanProperty logScale = new SimpleBooleanProperty(true);
    private long lastTrainingStep = -1;
    /** Points waiting for the next {@link #flush()}, in order, while held. */
    private final List<Held> held = new ArrayList<>();
    private boolean holding;

    private record Held(XYChart.Series<Number, Number> series, long x, double y) {
    }

    /** Whether the update axis is logarithmic (the default: the first hundred updates stay readable). */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Adds the running training loss and accuracy at {@code step}, once per step. */
    void addTraining(long step, double loss, double accuracy) {
        if (step == lastTrainingStep || step <= 0 || !Double.isFinite(loss)) {
            return;
        }
        add(trainLoss, step, loss);
        add(trainAccuracy, step, accuracy);
        lastTrainingStep = step;
    }

    /** Adds a test evaluation at {@code step}. */
    void addTest(long step, double loss, double accuracy) {
        add(testAccuracy, step, accuracy);
        add(testLoss, step, loss);
    }

    /**
     * Whether new points wait for {@link #flush()} rather than showing at once (the window holds
     * them while the trainer is CPU-bound). Ending the hold shows the points held.
     */
    void hold(boolean hold) {
        if (holding && !hold) {
            flush();
        }
        holding = hold;
    }

    /** Shows the points held (all in the same pulse, so the charts are laid out and painted once). */
    void flush() {
        for (Held h : held) {
            addNow(h.series(), h.x(), h.y());
        }
        held.clear();
    }

    /** Points held and not shown yet (for tests). */
    int heldPoints() {
        return held.size();
    }

    /** The points of the four series, kept for a model while another is shown. */
    record Memory(List<List<XYChart.Data<Number, Number>>> series, long lastTrainingStep) {
        static final Memory EMPTY = new Memory(List.of(List.of(), List.of(), List.of(), List.of()), -1);
    }

    /** The points shown now (for the model being switched away from). */
    Memory save() {
        flush();
        List<List<XYChart.Data<Number, Number>>> kept = new ArrayList<>();
        for (XYChart.Series<Number, Number> s : all()) {
            kept.add(new ArrayList<>(s.getData()));
        }
        return new Memory(kept, lastTrainingStep);
    }

    /** Shows the points kept for another model. */
    void restore(Memory memory) {
        held.clear();
        List<XYChart.Series<Number, Number>> all = all();
        for (int i = 0; i < all.size(); i++) {
            // copies of the points: a point belongs to one series at a time
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            for (XYChart.Data<Number, Number> d : memory.series().get(i)) {
                points.add(new XYChart.Data<>(d.getXValue(), d.getYValue()));
            }
            all.get(i).getData().setAll(points);
        }
        lastTrainingStep = memory.lastTrainingStep();
    }

    /** Empties every series at once (a new run). */
    public void clear() {
        held.clear();
        for (XYChart.Series<Number, Number> s : all()) {
            s.getData().clear();
        }
        lastTrainingStep = -1;
    }

    public List<XYChart.Series<Number, Number>> lossSeries() {
        return List.of(trainLoss, testLoss);
    }

    public List<XYChart.Series<Number, Number>> accuracySeries() {
        return List.of(trainAccuracy, testAccuracy);
    }

    List<XYChart.Series<Number, Number>> all() {
        return List.of(trainLoss, testLoss, trainAccuracy, testAccuracy);
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    private void add(XYChart.Series<Number, Number> s, long x, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        if (holding) {
            held.add(new Held(s, x, y));
        } else {
            addNow(s, x, y);
        }
    }

    /** Adds a point; past the limit, drops every other point first. */
    private static void addNow(XYChart.Series<Number, Number> s, long x, double y) {
        var data = s.getData();
        if (data.size() >= MAX_POINTS) {
            List<XYChart.Data<Number, Number>> kept = new ArrayList<>();
            for (int i = 0; i < data.size(); i += 2) {
                kept.add(data.get(i));
            }
            data.setAll(kept);
        }
        data.add(new XYChart.Data<>(x, y));
    }
}
