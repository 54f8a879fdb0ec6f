package org.weightstudio.cli;

import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine.Option;

/** The hyper-parameter options shared by every command that trains. */
public final class TrainingOptions {
    @Option(names = "--batch", paramLabel = "N", description = "Images per update (default: ${DEFAULT-VALUE}).")
    int batch = TrainingConfig.DEFAULT_BATCH;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = TrainingConfig.DEFAULT_LEARNING_RATE;

    @Option(names = "--l2", paramLabel = "X", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    double l2 = 0;

    @Option(names = "--decay", paramLabel = "X",
            description = "Learning-rate decay per epoch: lr / (1 + X * epochs) (default: ${DEFAULT-VALUE}).")
    double decay = 0;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of shuffle and init (default: ${DEFAULT-VALUE}).")
    long seed = TrainingConfig.DEFAULT_SEED;

    @Option(names = "--init-scale", paramLabel = "X",
            description = "Std. deviation of random initial weights; 0 = zero init (default: ${DEFAULT-VALUE}).")
    double initScale = 0;

    /** The config these options describe; a bad value is a usage error naming the option. */
    public TrainingConfig toConfig() {
        try {
            return checkStable(new TrainingConfig(batch, learningRate, l2, decay, seed, initScale));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Refuses a weight decay that alone makes the weights grow: each update multiplies W by
     * (1 - lr * l2), whose magnitude stays below 1 only for 0 <= lr * l2 < 2. Returns config.
     */
    static TrainingConfig checkStable(TrainingConfig config) {
        double shrink = config.learningRate() * config.l2();
        if (shrink >= 2) {
            throw new UsageException("--l2 " + config.l2() + " with --lr " + config.learningRate()
                    + " diverges: each update multiplies the weights by 1 - lr*l2 = " + (1 - shrink)
                    + "; choose lr*l2 below 2");
        }
        return config;
    }
}
