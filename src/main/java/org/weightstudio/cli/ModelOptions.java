package org.weightstudio.cli;

import org.weightstudio.common.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.weightstudio.common.BadInputException;
import org.weightstudio.persistence.ModelStore;
import org.weightstudio.persistence.SavedModel;
import picocli.CommandLine.Option;

/** {@code --model FILE}: the model to use; without it, the cached or freshly trained default. */
public final class ModelOptions {
    @Option(names = "--model", paramLabel = "FILE",
            description = "Model JSON saved by 'train --save', any architecture; repeat to compare models "
                    + "(default: the cached default model, trained on first use).")
    java.util.List<Path> models;

    /** The (first) model, which must take 28x28 pictures. Messages about the default go to {@code err}. */
    SavedModel load(PrintWriter err) {
        Path model = models == null || models.isEmpty() ? null : models.get(0);
        SavedModel saved = model == null ? DefaultModel.obtain(err) : ModelStore.load(model);
        return requireDigitSize(saved, model == null ? "default model" : model.toString());
    }

    /** Every model given (or the default), each checked like {@link #load}. */
    java.util.List<SavedModel> loadAll(PrintWriter err) {
        if (models == null || models.size() < 2) {
            return java.util.List.of(load(err));
        }
        java.util.List<SavedModel> all = new java.util.ArrayList<>();
        for (Path m : models) {
            all.add(requireDigitSize(ModelStore.load(m), m.toString()));
        }
        return all;
    }

    /** Column names for the models: their file names without ".json" ("default" for the default). */
    java.util.List<String> names() {
        if (models == null || models.isEmpty()) {
            return java.util.List.of("default");
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Path m : models) {
            names.add(m.getFileName().toString().replaceFirst("\\.json$", ""));
        }
        return names;
    }

    /** {@code saved}, if it takes 28x28 images as digit pictures become; else a one-line error about {@code name}. */
    static SavedModel requireDigitSize(SavedModel saved, String name) {
        if (saved.imageRows() != 28 || saved.imageCols() != 28) {
            throw new BadInputException(name + ": takes " + saved.imageRows() + "x" + saved.imageCols()
                    + " images; digit pictures need a 28x28 model");
        }
        return saved;
    }
}
