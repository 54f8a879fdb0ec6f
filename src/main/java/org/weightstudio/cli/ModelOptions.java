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
            description = "Model JSON saved by 'train --save' (default: the cached default model, trained on first use).")
    Path model;

    /** The model, which must take 28x28 pictures. Messages about the default go to {@code err}. */
    SavedModel load(PrintWriter err) {
        SavedModel saved = model == null ? DefaultModel.obtain(err) : ModelStore.load(model);
        return requireDigitSize(saved, model == null ? "default model" : model.toString());
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
