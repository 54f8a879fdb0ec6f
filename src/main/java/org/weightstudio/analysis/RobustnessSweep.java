package org.weightstudio.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Classifier;
import org.weightstudio.model.SoftmaxModel;

/**
 * Test-set accuracy as a function of each perturbation: the blog post's claim ("it fails as soon
 * as a digit is smaller, shifted, or drawn with another pen") turned into curves. Every point
 * perturbs the same images the same way, so the curves differ only by the perturbation; at the
 * neutral value the images are unchanged and the accuracy is the plain test accuracy.
 */
public final class RobustnessSweep {
    /** Images between two checks of the cancellation flag and two progress reports. */
    private static final int CHUNK = 500;

    /** Told how many image evaluations are done out of the total. Called on the sweeping thread. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    /** One point of a curve. */
    public record Point(double amount, double accuracy) {
    }

    /** Accuracy against the amount of one perturbation. */
    public record Curve(PerturbationKind kind, List<Point> points) {
        public Curve {
            points = List.copyOf(points);
        }
    }

    /**
     * @param baseline accuracy on the unperturbed images
     * @param images   how many test images each point evaluates
     */
    public record Result(double baseline, int images, List<Curve> curves) {
        public Result {
            curves = List.copyOf(curves);
        }
    }

    private final Classifier model;
    private final ImageSet set;
    private final int limit;
    private final Perturbations perturbations;
    private final float[] x;
    private final float[] xp;
    private final float[] z;

    /** A sweep over the first {@code limit} images of {@code set}. */
    public RobustnessSweep(Classifier model, ImageSet set, int limit) {
        if (model.inputs() != set.imageSize()) {
            throw new IllegalArgumentException("model takes " + model.inputs() + " inputs, images have "
                    + set.imageSize() + " pixels");
        }
        this.model = model;
        this.set = set;
        this.limit = Math.min(limit, set.size());
        this.perturbations = new Perturbations(set.cols(), set.rows());
        this.x = new float[set.imageSize()];
        this.xp = new float[set.imageSize()];
        this.z = new float[model.classes()];
    }

    /** Sweeps every kind in {@code kinds} over its {@link PerturbationKind#sweepValues()}. */
    public Result run(List<PerturbationKind> kinds, Progress progress, BooleanSupplier cancelled) {
        long total = limit;
        for (PerturbationKind k : kinds) {
            total += (long) k.sweepValues().length * limit;
        }
        long[] done = {0};
        double baseline = accuracy(PerturbationSettings.IDENTITY, progress, cancelled, done, total);
        List<Curve> curves = new ArrayList<>();
        for (PerturbationKind kind : kinds) {
            List<Point> points = new ArrayList<>();
            for (double amount : kind.sweepValues()) {
                points.add(new Point(amount, accuracy(kind.alone(amount), progress, cancelled, done, total)));
            }
            curves.add(new Curve(kind, points));
        }
        return new Result(baseline, limit, curves);
    }

    /** Accuracy on the images perturbed by {@code settings}. */
    public double accuracy(PerturbationSettings settings) {
        return accuracy(settings, (d, t) -> { }, () -> false, new long[1], limit);
    }

    private double accuracy(PerturbationSettings settings, Progress progress, BooleanSupplier cancelled,
            long[] done, long total) {
        int correct = 0;
        for (int i = 0; i < limit; i++) {
            if (i % CHUNK == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("robustness sweep cancelled");
                }
                if (i > 0) {
                    progress.update(done[0] + i, total);
                }
            }
            set.toFloats(i, x);
            perturbations.apply(settings, x, xp);
            model.scores(xp, z);
            if (SoftmaxModel.argmax(z, 0, z.length) == set.label(i)) {
                correct++;
            }
        }
        done[0] += limit;
        progress.update(done[0], total);
        return limit == 0 ? 0 : (double) correct / limit;
    }
}
