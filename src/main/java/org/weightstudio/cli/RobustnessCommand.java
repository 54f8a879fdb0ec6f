package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.weightstudio.analysis.PerturbationKind;
import org.weightstudio.analysis.RobustnessReport;
import org.weightstudio.analysis.RobustnessSweep;
import org.weightstudio.common.BadInputException;
import org.weightstudio.data.Dataset;
import java.util.List;
import org.weightstudio.model.Network;
import org.weightstudio.persistence.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weight-studio robustness --out DIR}: test accuracy as each perturbation grows, as a CSV
 * and a PNG line chart per perturbation.
 */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = {"Measure test accuracy while shifting, scaling, thickening/thinning and rotating the test digits.",
            "Writes robustness-<perturbation>.csv and .png into DIR (shift-x, shift-y, scale, thickness, rotation)."})
public final class RobustnessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the CSV and PNG files.")
    Path outDir;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N test images (default: all).")
    Integer limit;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 1) {
            throw new UsageException("--limit must be at least 1, got " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataset dataset = data.load();
        List<SavedModel> models = modelOptions.loadAll(err);
        for (SavedModel saved : models) {
            Network model = saved.network();
            if (model.inputs() != dataset.inputSize() || model.classes() != dataset.classCount()) {
                throw new BadInputException("model is " + model.classes() + "x" + model.inputs() + " but dataset "
                        + dataset.name() + " needs " + dataset.classCount() + "x" + dataset.inputSize());
            }
        }
        int n = limit == null ? dataset.test().size() : Math.min(limit, dataset.test().size());
        if (models.size() > 1) {
            return compare(out, err, models, dataset, n);
        }
        RobustnessSweep sweep = new RobustnessSweep(models.get(0).network(), dataset.test(), n);
        int[] lastTenth = {-1};
        RobustnessSweep.Result result = sweep.run(Arrays.asList(PerturbationKind.values()), (done, total) -> {
            int tenth = (int) (10 * done / total);
            if (tenth != lastTenth[0]) {
                lastTenth[0] = tenth;
                err.printf(Locale.ROOT, "robustness: %d%%%n", 10 * tenth);
                err.flush();
            }
        }, () -> Thread.currentThread().isInterrupted());
        out.printf(Locale.ROOT, "unperturbed test accuracy %.4f on %d images%n", result.baseline(), result.images());
        for (RobustnessSweep.Curve curve : result.curves()) {
            out.println(summary(curve));
        }
        int files = RobustnessReport.write(result, outDir);
        out.println("wrote " + files + " files to " + outDir);
        out.flush();
        return ExitCodes.OK;
    }

    /** Every model swept over the same images; one CSV and one PNG per kind with a curve per model. */
    private int compare(PrintWriter out, PrintWriter err, List<SavedModel> models, Dataset dataset, int n)
            throws IOException {
        List<String> names = modelOptions.names();
        List<RobustnessSweep.Result> results = new java.util.ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            err.printf(Locale.ROOT, "robustness: model %s%n", names.get(m));
            err.flush();
            RobustnessSweep.Result r = new RobustnessSweep(models.get(m).network(), dataset.test(), n)
                    .run(Arrays.asList(PerturbationKind.values()), (done, total) -> { },
                            () -> Thread.currentThread().isInterrupted());
            results.add(r);
            out.printf(Locale.ROOT, "%s (%s): unperturbed test accuracy %.4f on %d images%n", names.get(m),
                    models.get(m).architecture().describe(), r.baseline(), r.images());
            for (RobustnessSweep.Curve curve : r.curves()) {
                out.println("  " + summary(curve));
            }
        }
        int files = RobustnessReport.writeComparison(results, names, outDir);
        out.println("wrote " + files + " files to " + outDir);
        out.flush();
        return ExitCodes.OK;
    }

    /** e.g. "shift-x: 0.912 at 0, 0.271 at -8 (worst)". */
    private static String summary(RobustnessSweep.Curve curve) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-10s", curve.kind().id()));
        for (RobustnessSweep.Point p : curve.points()) {
            s.append(String.format(Locale.ROOT, " %s:%.3f", RobustnessReport.amount(p.amount()), p.accuracy()));
        }
        return s.toString();
    }
}
