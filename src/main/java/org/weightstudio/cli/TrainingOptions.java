package org.weightstudio.cli;

import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine.Option;

/** The hyper-parameter options shared by every command that trains. */
public final class TrainingOptions {
    @Option(names = "--batch", paramLabel = "N", description = "Images per update (default: ${DEFAULT-VALUE}).")
    int batch = TrainingConfig.DEFAULT_BATCH;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = TrainingConfig.DEFAULT_LEARNING_RATE;

    @Option(names = "--l2", paramLabel = "X",
            description = "L2 weight decay: adds X * |W|^2 / 2 to the loss, pulling weights towards 0; 0 = off "
                    + "(default: ${DEFAULT-VALUE}).")
    double l2 = TrainingConfig.DEFAULT_L2;

    @Option(names = "--decay", paramLabel = "X",
            description = "Learning-rate decay per epoch: the rate after e epochs is lr / (1 + X * e), e counted "
                    + "in fractions of an epoch; 0 = constant (default: ${DEFAULT-VALUE}, which keeps the "
                    + "templates digit-shaped over long runs).")
    double decay = TrainingConfig.DEFAULT_DECAY;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of shuffle and init (default: ${DEFAULT-VALUE}).")
    long seed = TrainingConfig.DEFAULT_SEED;

    @Option(names = "--init-scale", paramLabel = "X",
            description = "Std. deviation of random initial weights; 0 = zero init (default: ${DEFAULT-VALUE}).")
    double initScale = TrainingConfig.DEFAULT_INIT_SCALE;

    /** The config these options describe; a bad value is a usage error naming the option. */
    public TrainingConfig toConfig() {
        try {
            return new TrainingConfig(batch, learningRate, l2, decay, seed, initScale);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
