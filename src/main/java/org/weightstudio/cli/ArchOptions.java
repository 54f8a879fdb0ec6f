package org.weightstudio.cli;

import org.weightstudio.data.Dataset;
import org.weightstudio.model.Architecture;
import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code --arch softmax|mlp|cnn [--hidden H[,H2]] [--filters F1,F2]}: which network a training command builds. */
public final class ArchOptions {
    @Option(names = "--arch", paramLabel = "A",
            description = "Network: softmax (the one-layer net), mlp or cnn (default: ${DEFAULT-VALUE}).")
    String arch = Architecture.SOFTMAX;

    @Option(names = "--hidden", paramLabel = "H[,H2]",
            description = "Hidden dense layer sizes, 1 to 4096 each (mlp default: 64; cnn default: none).")
    String hidden;

    @Option(names = "--filters", paramLabel = "F1[,F2]",
            description = "Filters of each 5x5 convolution of the cnn, 1 to 256 each (default: 8,16).")
    String filters;

    /** The architecture for this dataset; a bad name or size is a usage error. */
    public Architecture architecture(Dataset data) {
        if (hidden != null && !Architecture.MLP.equals(arch) && !isCnn()) {
            throw new UsageException("--hidden applies to --arch mlp and cnn only");
        }
        if (filters != null && !isCnn()) {
            throw new UsageException("--filters applies to --arch cnn only");
        }
        try {
            return Architecture.parse(arch, hidden, filters, data.train().rows(), data.train().cols(),
                    data.classCount());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public boolean isMlp() {
        return Architecture.MLP.equals(arch);
    }

    public boolean isCnn() {
        return Architecture.CNN.equals(arch);
    }

    /**
     * The training settings: the options given, and for the MLP and the CNN their own measured
     * defaults ({@link TrainingConfig#mlpDefaults()}, {@link TrainingConfig#cnnDefaults()}) for
     * batch, learning rate and decay not given.
     */
    public TrainingConfig config(TrainingOptions options, ParseResult parse) {
        TrainingConfig given = options.toConfig();
        if (!isMlp() && !isCnn()) {
            return given;
        }
        TrainingConfig mlp = isCnn() ? TrainingConfig.cnnDefaults() : TrainingConfig.mlpDefaults();
        // with... keeps everything else given, augmentation included
        return given.withBatchSize(parse.hasMatchedOption("--batch") ? given.batchSize() : mlp.batchSize())
                .withLearningRate(parse.hasMatchedOption("--lr") ? given.learningRate() : mlp.learningRate())
                .withDecay(parse.hasMatchedOption("--decay") ? given.decay() : mlp.decay());
    }
}
