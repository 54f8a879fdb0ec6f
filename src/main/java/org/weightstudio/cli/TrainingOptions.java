package org.weightstudio.cli;

import org.weightstudio.data.Augmentation;
import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine.Option;

/** The hyper-parameter options shared by every command that trains. */
public final class TrainingOptions {
    @Option(names = "--batch", paramLabel = "N", description = "Images per update (default: ${DEFAULT-VALUE}; with --arch mlp or cnn: "
            + TrainingConfig.LAYERED_BATCH + ").")
    int batch = TrainingConfig.DEFAULT_BATCH;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: ${DEFAULT-VALUE}; with --arch mlp or cnn: "
            + TrainingConfig.LAYERED_LEARNING_RATE + ").")
    double learningRate = TrainingConfig.DEFAULT_LEARNING_RATE;

    @Option(names = "--l2", paramLabel = "X",
            description = "L2 weight decay: adds X * |W|^2 / 2 to the loss, pulling weights towards 0; 0 = off "
                    + "(default: ${DEFAULT-VALUE}).")
    double l2 = TrainingConfig.DEFAULT_L2;

    @Option(names = "--decay", paramLabel = "X",
            description = "Learning-rate decay per epoch: the rate after e epochs is lr / (1 + X * e), e counted "
                    + "in fractions of an epoch; 0 = constant (default: ${DEFAULT-VALUE}, which keeps the "
                    + "templates digit-shaped over long runs; with --arch mlp: " + TrainingConfig.MLP_DECAY
                    + ", cnn: " + TrainingConfig.CNN_DECAY + ").")
    double decay = TrainingConfig.DEFAULT_DECAY;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of shuffle and init (default: ${DEFAULT-VALUE}).")
    long seed = TrainingConfig.DEFAULT_SEED;

    @Option(names = "--init-scale", paramLabel = "X",
            description = "Std. deviation of random initial weights; 0 = zero init (default: ${DEFAULT-VALUE}).")
    double initScale = TrainingConfig.DEFAULT_INIT_SCALE;

    @Option(names = "--augment", description = "Augment every training image, drawn anew at each visit: rotation "
            + "+-15 degrees, scale 0.8-1.2, shift +-3 px, pen one pixel thicker for 1/4 of the images and thinner "
            + "for 1/6. Each --augment-* option below changes one range and implies --augment.")
    boolean augment;

    @Option(names = "--augment-rotate", paramLabel = "DEG", description = "Largest rotation either way, in degrees.")
    Double augmentRotate;

    @Option(names = "--augment-scale", paramLabel = "MIN,MAX", split = ",", description = "Range of the scale factor.")
    double[] augmentScale;

    @Option(names = "--augment-shift", paramLabel = "PX", description = "Largest shift along x and along y, in pixels.")
    Double augmentShift;

    @Option(names = "--augment-pen", paramLabel = "THICKER,THINNER", split = ",",
            description = "Chances that the pen is one pixel thicker, or thinner, all round.")
    double[] augmentPen;

    /** The config these options describe; a bad value is a usage error naming the option. */
    public TrainingConfig toConfig() {
        try {
            return checkStable(new TrainingConfig(batch, learningRate, l2, decay, seed, initScale, augmentation()));
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

    /** True when any augmentation option was given. */
    boolean augmentationGiven() {
        return augment || augmentRotate != null || augmentScale != null || augmentShift != null || augmentPen != null;
    }

    /** The ranges given: the defaults with each --augment-* option applied; OFF without any. */
    Augmentation augmentation() {
        if (!augmentationGiven()) {
            return Augmentation.OFF;
        }
        try {
            Augmentation a = Augmentation.DEFAULTS;
            if (augmentRotate != null) {
                a = a.withRotation(augmentRotate);
            }
            if (augmentScale != null) {
                double[] v = pair("--augment-scale", augmentScale);
                a = a.withScale(v[0], v[1]);
            }
            if (augmentShift != null) {
                a = a.withShift(augmentShift);
            }
            if (augmentPen != null) {
                double[] v = pair("--augment-pen", augmentPen);
                a = a.withPen(v[0], v[1]);
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--augment: " + e.getMessage());
        }
    }

    private static double[] pair(String option, double[] values) {
        if (values.length != 2) {
            throw new UsageException(option + " takes two numbers separated by a comma, got " + values.length);
        }
        return values;
    }

    /** A usage error when {@code config} augments images too large for the augmenter's 16-bit packing. */
    static void checkAugmentable(TrainingConfig config, int rows, int cols) {
        if (!config.augmentation().isOff() && (long) rows * cols > org.weightstudio.data.SparseImages.MAX_NARROW_PIXELS) {
            throw new UsageException("--augment takes images of up to " + org.weightstudio.data.SparseImages.MAX_NARROW_PIXELS
                    + " pixels; these are " + rows + "x" + cols);
        }
    }

    /** One line saying which ranges a run augments with. */
    static String describe(Augmentation a) {
        return "augmenting: " + a.describe();
    }
}
