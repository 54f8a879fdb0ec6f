package org.weightstudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.weightstudio.analysis.Evaluator;
import org.weightstudio.common.BadInputException;
import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.persistence.ModelStore;
import org.weightstudio.persistence.SavedModel;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

/**
 * The model {@code predict}, {@code explain} and {@code robustness} use when given no
 * {@code --model}: trained once with a fixed recipe on the bundled MNIST and cached in
 * {@code ~/.cache/weight-studio/default-model.json} (or {@code $XDG_CACHE_HOME/weight-studio}, or
 * the folder in the system property {@code weightstudio.cache}).
 *
 * <p>The recipe (batch 100, learning rate 0.5 decaying as 1/(1 + epochs), 10 epochs, seed 42,
 * zero init) reaches about 92% test accuracy in a few seconds; among the recipes tried it did
 * best on our own drawn and typeset digits (see docs/draw.md).
 */
final class DefaultModel {
    static final TrainingConfig RECIPE = new TrainingConfig(100, 0.5, 0, 1, 42, 0);
    static final int EPOCHS = 10;
    static final String FILE_NAME = "default-model.json";

    private DefaultModel() {
    }

    static Path cacheFile() {
        String property = System.getProperty("weightstudio.cache");
        if (property != null) {
            return Path.of(property, FILE_NAME);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("weight-studio").resolve(FILE_NAME);
    }

    /** The cached default model if it is there and valid, else a freshly trained (and cached) one. */
    static SavedModel obtain(PrintWriter err) {
        Path file = cacheFile();
        if (Files.isRegularFile(file)) {
            String problem = problemWith(file);
            if (problem == null) {
                err.println("weight-studio: using the cached default model " + file);
                err.flush();
                return ModelStore.load(file);
            }
            err.println("weight-studio: ignoring the cached default model " + file + " (" + problem + ")");
        }
        return trainAndCache(file, err);
    }

    /** Why the cached file will not do, or null if it will. */
    private static String problemWith(Path file) {
        try {
            SavedModel saved = ModelStore.load(file);
            if (saved.model().classes() != 10 || saved.model().inputs() != 784) {
                return "it is not a 10-class 28x28 model";
            }
            if (!saved.config().equals(RECIPE) || saved.step() != (long) EPOCHS * (60_000 / RECIPE.batchSize())) {
                return "it was not made with the current default recipe";
            }
            return null;
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    private static SavedModel trainAndCache(Path file, PrintWriter err) {
        err.println("weight-studio: no --model given; training the default model on the bundled MNIST: --epochs "
                + EPOCHS + " --batch " + RECIPE.batchSize() + " --lr " + RECIPE.learningRate() + " --decay "
                + RECIPE.decay() + " --seed " + RECIPE.seed() + " (a few seconds)");
        err.flush();
        Dataset mnist = DatasetLoader.loadBundledMnist();
        SoftmaxModel model = new SoftmaxModel(mnist.classCount(), mnist.inputSize());
        Trainer trainer = new Trainer(model, mnist.train(), RECIPE);
        long steps = (long) EPOCHS * trainer.stepsPerEpoch();
        for (long i = 0; i < steps; i++) {
            trainer.step();
        }
        double accuracy = Evaluator.evaluate(model, mnist.test()).accuracy();
        SavedModel saved = new SavedModel(model, mnist.name(), mnist.classNames(), 28, 28, RECIPE, trainer.steps(),
                accuracy);
        try {
            ModelStore.save(file, saved);
            err.printf(java.util.Locale.ROOT, "weight-studio: default model test accuracy %.4f, cached in %s%n",
                    accuracy, file);
        } catch (IOException | RuntimeException e) {
            err.println("weight-studio: could not cache the default model in " + file + " (" + e.getMessage()
                    + "); continuing without the cache");
        }
        err.flush();
        return saved;
    }
}
