package org.weightstudio.ui;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.chart.ValueAxis;

/**
 * The charts' horizontal axis of updates, logarithmic (so the first hundred updates and the
 * millionth are both readable) or linear, with {@link UpdateTicks short labels that never
 * overlap}. Horizontal only.
 *
 * <pre>
 *   log:    x = width * (log10 v - log10 lower) / (log10 upper - log10 lower)
 *   linear: x = width * (v - lower) / (upper - lower)
 * </pre>
 */
final class UpdateAxis extends ValueAxis<Number> {
    private final BooleanProperty log = new SimpleBooleanProperty(true);
    /** The data's extent, so that a switch of scale can range the axis again without new data. */
    private double dataMin = 1;
    private double dataMax = 10;

    UpdateAxis() {
        setAnimated(false);
        setMinorTickVisible(false);
        log.addListener((o, was, on) -> {
            super.invalidateRange(List.of(dataMin, dataMax));
            requestAxisLayout();
        });
    }

    @Override
    public void invalidateRange(List<Number> data) {
        if (!data.isEmpty()) {
            dataMin = data.stream().mapToDouble(Number::doubleValue).min().getAsDouble();
            dataMax = data.stream().mapToDouble(Number::doubleValue).max().getAsDouble();
        }
        super.invalidateRange(data);
    }

    BooleanProperty logProperty() {
        return log;
    }

    private double map(double v) {
        return log.get() ? Math.log10(Math.max(v, 1e-9)) : v;
    }

    @Override
    public double getDisplayPosition(Number value) {
        double lo = map(getLowerBound());
        double hi = map(getUpperBound());
        return getWidth() * (map(value.doubleValue()) - lo) / (hi - lo);
    }

    @Override
    public Number getValueForDisplay(double displayPosition) {
        double lo = map(getLowerBound());
        double hi = map(getUpperBound());
        double m = lo + displayPosition / getWidth() * (hi - lo);
        return log.get() ? Math.pow(10, m) : m;
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        return UpdateTicks.range(minValue, maxValue, log.get());
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        int max = UpdateTicks.maxTicks(length);
        List<Double> ticks = log.get() ? UpdateTicks.log(Math.max(r[0], 1), r[1], max) : UpdateTicks.linear(r[0], r[1], max);
        return List.copyOf(ticks);
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return UpdateTicks.label(value.doubleValue());
    }
}
