package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.weightstudio.analysis.ClarityTemplates;
import org.weightstudio.analysis.Evaluation;
import org.weightstudio.analysis.Evaluator;
import org.weightstudio.common.BadInputException;
import org.weightstudio.data.Dataset;
import org.weightstudio.model.Network;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.persistence.AtomicFiles;
import org.weightstudio.persistence.ModelStore;
import org.weightstudio.persistence.SavedModel;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weight-studio train}: trains a network of any architecture headless and reports test accuracy and speed. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network (the one-layer net, an MLP or a CNN) headless, print progress and the test accuracy.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Mixin
    ArchOptions arch;

    static final class Length {
        @Option(names = "--epochs", paramLabel = "E", description = "Epochs to train (default: 1).")
        Double epochs;

        @Option(names = "--steps", paramLabel = "S", description = "Updates to train, instead of --epochs.")
        Long steps;
    }

    @ArgGroup(exclusive = true)
    Length length;

    @Option(names = "--eval-every", paramLabel = "S",
            description = "Evaluate on the test set every S updates (default: five times a run).")
    Long evalEvery;

    @Option(names = "--threads", paramLabel = "T", description = "Training threads: 1 (default), or 2 to split each"
            + " batch of a CNN over two cores (a run then repeats bit for bit with 2 threads, with slightly other"
            + " sums than with 1; samples_per_cpu_s counts the CPU time of both).")
    int threads = 1;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model as JSON.")
    Path save;

    @Option(names = "--load", paramLabel = "FILE",
            description = "Continue training a saved model (its settings apply unless given here).")
    Path load;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (threads != 1 && threads != 2) {
            throw new UsageException("--threads must be 1 or 2, got " + threads);
        }
        if (save != null) {
            AtomicFiles.checkWritable(save);
        }
        Dataset dataset = data.load();
        SavedModel start = load == null ? null : ModelStore.load(load);
        TrainingConfig config = TrainingOptions.checkStable(start == null
                ? arch.config(training, spec.commandLine().getParseResult())
                : mergedConfig(start.config()));
        Network model = start == null ? arch.architecture(dataset).build() : start.network();
        if (start != null && (model.inputs() != dataset.inputSize() || model.classes() != dataset.classCount())) {
            throw new BadInputException(load.getFileName() + ": model is " + model.classes() + "x" + model.inputs()
                    + " but dataset " + dataset.name() + " needs " + dataset.classCount() + "x" + dataset.inputSize());
        }
        if (config.batchSize() > dataset.train().size()) {
            throw new UsageException("--batch " + config.batchSize() + " is larger than the "
                    + dataset.train().size() + " training images");
        }
        TrainingOptions.checkAugmentable(config, dataset.train().rows(), dataset.train().cols());
        if (threads == 2 && !model.splitsBatches()) {
            throw new UsageException("--threads 2 needs a network with a dense first layer (--arch cnn), not a "
                    + model.architecture().describe());
        }
        try (Trainer trainer = new Trainer(model, dataset.train(), config, start == null ? 0 : start.step())) {
            trainer.setThreads(threads);
            return train(trainer, model, dataset, config, out);
        }
    }

    private int train(Trainer trainer, Network model, Dataset dataset, TrainingConfig config, PrintWriter out)
            throws java.io.IOException {
        if (!config.augmentation().isOff()) {
            out.println(TrainingOptions.describe(config.augmentation()));
        }
        long total = totalSteps(trainer);
        long every = evalEvery != null ? evalEvery : Math.max(1, total / 5);
        if (every < 1) {
            throw new UsageException("--eval-every must be at least 1, got " + every);
        }

        long trainNanos = 0;
        long cpuNanos = 0;
        double lossSum = 0;
        long lossCount = 0;
        Evaluation last = null;
        for (long done = 0; done < total; ) {
            long chunk = Math.min(every, total - done);
            long t0 = System.nanoTime();
            long c0 = ProcessCpu.nanos();
            for (long i = 0; i < chunk; i++) {
                trainer.step();
                lossSum += trainer.lastLoss();
            }
            trainNanos += System.nanoTime() - t0;
            cpuNanos += ProcessCpu.nanos() - c0;
            done += chunk;
            lossCount += chunk;
            // the loss of an update is taken before it, so the last update's harm shows in W only
            if (!Double.isFinite(lossSum) || !model.isFinite()) {
                throw diverged(trainer.steps(), config);
            }
            last = Evaluator.evaluate(model, dataset.test());
            if (!Double.isFinite(last.meanLoss())) {
                throw diverged(trainer.steps(), config);
            }
            out.printf(Locale.ROOT, "step %d  epoch %.2f  loss %.4f  %.0f samples/s  test_accuracy=%.4f%n",
                    trainer.steps(), trainer.epochs(), lossSum / lossCount,
                    samplesPerSecond(done, config.batchSize(), trainNanos), last.accuracy());
            out.flush();
            lossSum = 0;
            lossCount = 0;
        }
        if (last == null) {
            last = Evaluator.evaluate(model, dataset.test());
        }
        // Clarity: how digit-shaped each class's weights are (omitted for a model without one
        // image-sized template per class).
        SoftmaxModel templates = model.asSoftmax();
        String clarity = templates == null ? ""
                : ClarityTemplates.of(dataset.train(), dataset.classCount()).measure(templates.weights().data)
                        .map(c -> " " + c.fields()).orElse("");
        out.printf(Locale.ROOT,
                "done steps=%d epochs=%.2f batch=%d lr=%s decay=%s l2=%s train_seconds=%.2f train_cpu_seconds=%.2f "
                        + "samples_per_s=%.0f samples_per_cpu_s=%.0f test_loss=%.4f test_accuracy=%.4f arch=%s%s%n",
                trainer.steps(), trainer.epochs(), config.batchSize(), config.learningRate(), config.decay(),
                config.l2(), trainNanos / 1e9, cpuNanos / 1e9, samplesPerSecond(total, config.batchSize(), trainNanos),
                samplesPerSecond(total, config.batchSize(), cpuNanos), last.meanLoss(), last.accuracy(),
                model.architecture().describe().replace(' ', ':'), clarity);
        if (save != null) {
            ModelStore.save(save, new SavedModel(model, dataset.name(), dataset.classNames(), dataset.train().rows(),
                    dataset.train().cols(), config, trainer.steps(), last.accuracy()));
            out.println("saved " + save);
        }
        return ExitCodes.OK;
    }

    /** The one-line error of a run whose weights or loss stopped being finite numbers. */
    static BadInputException diverged(long step, TrainingConfig config) {
        return new BadInputException("training diverged at step " + step
                + " (loss or weights not finite): lower --lr (now " + config.learningRate() + ")");
    }

    private long totalSteps(Trainer trainer) {
        if (length != null && length.steps != null) {
            if (length.steps < 1) {
                throw new UsageException("--steps must be at least 1, got " + length.steps);
            }
            return length.steps;
        }
        double epochs = length != null && length.epochs != null ? length.epochs : 1.0;
        if (!(epochs > 0) || epochs > 10_000) {
            throw new UsageException("--epochs must be between 0 and 10000, got " + epochs);
        }
        return Math.max(1, Math.round(epochs * trainer.stepsPerEpoch()));
    }

    /** The saved model's settings, overridden by any option given on this command line. */
    private TrainingConfig mergedConfig(TrainingConfig saved) {
        TrainingConfig given = training.toConfig();
        var parse = spec.commandLine().getParseResult();
        return new TrainingConfig(
                parse.hasMatchedOption("--batch") ? given.batchSize() : saved.batchSize(),
                parse.hasMatchedOption("--lr") ? given.learningRate() : saved.learningRate(),
                parse.hasMatchedOption("--l2") ? given.l2() : saved.l2(),
                parse.hasMatchedOption("--decay") ? given.decay() : saved.decay(),
                parse.hasMatchedOption("--seed") ? given.seed() : saved.seed(),
                saved.initScale(),
                training.augmentationGiven() ? given.augmentation() : saved.augmentation());
    }

    private static double samplesPerSecond(long steps, int batch, long nanos) {
        return nanos == 0 ? 0 : steps * (double) batch / (nanos / 1e9);
    }
}
