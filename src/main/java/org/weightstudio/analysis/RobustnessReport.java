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

    /** "2" for whole amounts, "0.75" otherwise. */
    public static String amount(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
