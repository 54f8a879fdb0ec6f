package org.weightstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.weightstudio.analysis.DigitPreprocessor;
import org.weightstudio.analysis.Evaluation;
import org.weightstudio.analysis.LabelledPictures;
import org.weightstudio.common.ExitCodes;
import org.weightstudio.persistence.ModelStore;
import org.weightstudio.persistence.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weight-studio evaluate --images DIR [--model FILE]...}: accuracy and confusion matrix of
 * each model on a folder of digit pictures labelled by file name, through the same preprocessing
 * as {@code predict}. Every picture is read before any model: a bad picture or a name without a
 * label stops the command (exit 65) naming the file, so a figure is never from part of a folder.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measure models on a folder of digit pictures labelled by file name (NAME_L.png shows L):",
            "accuracy per model, per kind of picture (the name up to its first '-') and a confusion matrix."})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--images", paramLabel = "DIR", required = true,
            description = "Folder of .png/.jpg/.jpeg pictures, each named NAME_L.ext with L its label.")
    Path images;

    @Option(names = "--model", paramLabel = "FILE",
            description = "A model saved by 'train --save'; repeat to compare (default: the cached default model).")
    List<Path> models = new ArrayList<>();

    @Mixin
    PreprocessingOptions preprocessing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DigitPreprocessor.Mode mode = preprocessing.mode();
        LabelledPictures pictures = LabelledPictures.read(images, mode);
        List<SavedModel> loaded = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (models.isEmpty()) {
            loaded.add(ModelOptions.requireDigitSize(DefaultModel.obtain(spec.commandLine().getErr()), "default model"));
            names.add("default model");
        }
        for (Path file : models) {
            loaded.add(ModelOptions.requireDigitSize(ModelStore.load(file), file.toString()));
            names.add(file.toString());
        }
        for (SavedModel saved : loaded) {
            pictures.requireClasses(saved.network().classes());
        }
        out.printf(Locale.ROOT, "%d pictures in %s (%s), preprocessing %s%n", pictures.size(), images,
                pictures.kindCounts(), PreprocessingOptions.name(mode));
        for (int m = 0; m < loaded.size(); m++) {
            LabelledPictures.Result result = pictures.evaluate(loaded.get(m).network());
            printResult(out, names.get(m), pictures, result, loaded.get(m).classNames());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printResult(PrintWriter out, String name, LabelledPictures pictures,
            LabelledPictures.Result result, List<String> classNames) {
        Evaluation e = result.evaluation();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%n%s: accuracy=%.4f (%d/%d)  loss %.4f",
                name, e.accuracy(), Math.round(e.accuracy() * e.count()), e.count(), e.meanLoss()));
        String perKind = result.perKind(pictures);
        if (!perKind.isEmpty()) {
            line.append("  ").append(perKind);
        }
        out.println(line);
        out.print(confusionText(e.confusion(), classNames));
    }

    /** The confusion matrix as text: a row per true class, a column per prediction, then the row's accuracy. */
    static String confusionText(int[][] confusion, List<String> classNames) {
        int width = 4;
        for (String n : classNames) {
            width = Math.max(width, n.length() + 1);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("true\\predicted\n");
        sb.append(pad("", width));
        for (String n : classNames) {
            sb.append(pad(n, width));
        }
        sb.append("   right\n");
        for (int actual = 0; actual < confusion.length; actual++) {
            sb.append(pad(classNames.get(actual), width));
            int total = 0;
            for (int predicted = 0; predicted < confusion.length; predicted++) {
                int c = confusion[actual][predicted];
                total += c;
                sb.append(pad(c == 0 ? "." : Integer.toString(c), width));
            }
            sb.append(total == 0 ? "       -" : String.format(Locale.ROOT, "  %5.1f%%", 100.0 * confusion[actual][actual] / total));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
