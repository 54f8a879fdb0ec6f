package org.weightstudio.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.weightstudio.persistence.AtomicFiles;
import org.weightstudio.render.LineChart;
import org.weightstudio.render.PngWriter;

/**
 * Writes a robustness sweep as files: per perturbation, {@code robustness-<id>.csv} (amount,
 * accuracy) and {@code robustness-<id>.png} (a line chart with the unperturbed accuracy as a
 * flat line). Shared by the {@code robustness} command and the window's Export button, so both
 * write the same files. Each file is written atomically.
 */
public final class RobustnessReport {
    private RobustnessReport() {
    }

    /** Writes every curve of {@code result} into {@code dir}; returns the number of files written. */
    public static int write(RobustnessSweep.Result result, Path dir) throws IOException {
        for (RobustnessSweep.Curve curve : result.curves()) {
            writeCurve(curve, result.baseline(), dir);
        }
        return result.curves().size() * 2;
    }

    private static void writeCurve(RobustnessSweep.Curve curve, double baseline, Path dir) throws IOException {
        String id = curve.kind().id();
        StringBuilder csv = new StringBuilder(id + ",accuracy\n");
        List<RobustnessSweep.Point> points = curve.points();
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i).amount();
            ys[i] = points.get(i).accuracy();
            csv.append(String.format(Locale.ROOT, "%s,%.4f%n", amount(xs[i]), ys[i]));
        }
        AtomicFiles.writeString(dir.resolve("robustness-" + id + ".csv"), csv.toString());
        PngWriter.write(dir.resolve("robustness-" + id + ".png"), LineChart.draw(
                "Test accuracy under " + id, curve.kind().label(), "test accuracy", xs, ys, baseline,
                String.format(Locale.ROOT, "unperturbed %.3f", baseline), 640, 400));
    }

    /**
     * Several models' sweeps of the same kinds and amounts: per kind one CSV with a column per
     * model and one PNG with a curve per model. Returns the number of files written.
     */
    public static int writeComparison(List<RobustnessSweep.Result> results, List<String> names, Path dir)
            throws IOException {
        List<RobustnessSweep.Curve> first = results.get(0).curves();
        for (int c = 0; c < first.size(); c++) {
            String id = first.get(c).kind().id();
            List<RobustnessSweep.Point> points = first.get(c).points();
            double[] xs = new double[points.size()];
            List<double[]> series = new java.util.ArrayList<>();
            StringBuilder csv = new StringBuilder(id);
            for (String name : names) {
                csv.append(',').append(name);
            }
            csv.append('\n');
            for (RobustnessSweep.Result r : results) {
                series.add(new double[points.size()]);
            }
            for (int i = 0; i < points.size(); i++) {
                xs[i] = points.get(i).amount();
                csv.append(amount(xs[i]));
                for (int m = 0; m < results.size(); m++) {
                    double y = results.get(m).curves().get(c).points().get(i).accuracy();
                    series.get(m)[i] = y;
                    csv.append(String.format(Locale.ROOT, ",%.4f", y));
                }
                csv.append('\n');
            }
            AtomicFiles.writeString(dir.resolve("robustness-" + id + ".csv"), csv.toString());
            PngWriter.write(dir.resolve("robustness-" + id + ".png"), LineChart.drawCurves(
                    "Test accuracy under " + id, first.get(c).kind().label(), "test accuracy", xs, series, names,
                    640, 400));
        }
        return first.size() * 2;
    }

    /** "2" for whole amounts, "0.75" otherwise. */
    public static String amount(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
