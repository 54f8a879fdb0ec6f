package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.weightstudio.analysis.DigitPreprocessor;
import org.weightstudio.analysis.PictureReader;
import org.weightstudio.analysis.Prediction;
import org.weightstudio.common.BadInputException;
import org.weightstudio.persistence.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weight-studio predict IMAGE...}: one tab-separated line per picture: file, predicted
 * class, its probability, and the top three as class:probability.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict the digit in each picture (PNG or JPEG, any size, dark on light or light on dark).",
            "Prints one tab-separated line per picture: FILE, CLASS, CONFIDENCE, TOP3 (class:probability)."})
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    PreprocessingOptions preprocessing;

    @Parameters(arity = "1..*", paramLabel = "IMAGE",
            description = "Pictures of single digits; a folder stands for its .png, .jpg and .jpeg files, by name.")
    List<Path> images;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DigitPreprocessor.Mode mode = preprocessing.mode();
        // Read every picture before the model, so a bad file fails fast, before any training;
        // keep only the 28x28 inputs, so a thousand large pictures cost 3 MB, not gigabytes.
        List<Path> files = expand(images);
        List<float[]> inputs = new ArrayList<>();
        for (Path image : files) {
            inputs.add(DigitPreprocessor.prepare(PictureReader.read(image), mode));
        }
        List<SavedModel> models = modelOptions.loadAll(spec.commandLine().getErr());
        if (models.size() == 1) {
            SavedModel saved = models.get(0);
            for (int i = 0; i < files.size(); i++) {
                Prediction p = Prediction.of(saved.network(), inputs.get(i));
                out.println(line(files.get(i), p, saved.classNames()));
            }
        } else {
            compare(out, files, inputs, models, modelOptions.names());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** One column per model: "CLASS CONFIDENCE" of each, after a header naming the models. */
    private static void compare(PrintWriter out, List<Path> files, List<float[]> inputs, List<SavedModel> models,
            List<String> names) {
        StringBuilder header = new StringBuilder("# file");
        for (int m = 0; m < models.size(); m++) {
            header.append('\t').append(names.get(m)).append(" (").append(models.get(m).architecture().describe())
                    .append(')');
        }
        out.println(header);
        for (int i = 0; i < files.size(); i++) {
            StringBuilder row = new StringBuilder(files.get(i).toString());
            for (SavedModel model : models) {
                Prediction p = Prediction.of(model.network(), inputs.get(i));
                row.append('\t').append(model.classNames().get(p.best()))
                        .append(String.format(Locale.ROOT, " %.3f", p.confidence()));
            }
            out.println(row);
        }
    }

    /** The arguments with each folder replaced by its picture files, sorted by name. */
    static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : arguments) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> listing = Files.list(p)) {
                List<Path> pictures = listing.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)"))
                        .sorted().toList();
                if (pictures.isEmpty()) {
                    throw new BadInputException(p + ": folder holds no .png, .jpg or .jpeg files");
                }
                files.addAll(pictures);
            }
        }
        return files;
    }

    static String line(Path file, Prediction p, List<String> names) {
        StringBuilder top = new StringBuilder();
        for (int k : p.top(3)) {
            if (top.length() > 0) {
                top.append(' ');
            }
            top.append(names.get(k)).append(':').append(String.format(Locale.ROOT, "%.3f", p.probabilities()[k]));
        }
        return String.format(Locale.ROOT, "%s\t%s\t%.3f\t%s", file, names.get(p.best()), p.confidence(), top);
    }
}
