package org.weightstudio.cli;

import org.weightstudio.data.Dataset;
import org.weightstudio.model.Architecture;
import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code --arch softmax|mlp [--hidden H[,H2]]}: which network a training command builds. */
public final class ArchOptions {
    @Option(names = "--arch", paramLabel = "A",
            description = "Network: softmax (the one-layer net) or mlp (default: ${DEFAULT-VALUE}).")
    String arch = Architecture.SOFTMAX;

    @Option(names = "--hidden", paramLabel = "H[,H2]",
            description = "Hidden layer sizes of the mlp, 1 to 4096 each (default: 64).")
    String hidden;

    /** The architecture for this dataset; a bad name or size is a usage error. */
    public Architecture architecture(Dataset data) {
        if (hidden != null && !Architecture.MLP.equals(arch)) {
            throw new UsageException("--hidden applies to --arch mlp only");
        }
        try {
            return Architecture.parse(arch, hidden, data.train().rows(), data.train().cols(), data.classCount());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public boolean isMlp() {
        return Architecture.MLP.equals(arch);
    }

    /**
     * The training settings: the options given, and for the MLP its own measured defaults
     * ({@link TrainingConfig#mlpDefaults()}) for batch, learning rate and decay not given.
     */
    public TrainingConfig config(TrainingOptions options, ParseResult parse) {
        TrainingConfig given = options.toConfig();
        if (!isMlp()) {
            return given;
        }
        TrainingConfig mlp = TrainingConfig.mlpDefaults();
        // with... keeps everything else given, augmentation included
        return given.withBatchSize(parse.hasMatchedOption("--batch") ? given.batchSize() : mlp.batchSize())
                .withLearningRate(parse.hasMatchedOption("--lr") ? given.learningRate() : mlp.learningRate())
                .withDecay(parse.hasMatchedOption("--decay") ? given.decay() : mlp.decay());
    }
}
