package org.weightstudio.cli;

import java.util.Locale;
import org.weightstudio.analysis.DigitPreprocessor.Mode;
import picocli.CommandLine.Option;

/** {@code --raw} and {@code --mode}: how a picture becomes the 28x28 model input. */
public final class PreprocessingOptions {
    @Option(names = "--raw", description = "Shrink the whole picture to 28x28, as a naive drawing app does "
            + "(same as --mode raw).")
    boolean raw;

    @Option(names = "--mode", paramLabel = "MODE", description = "mnist-pen (default): MNIST's recipe (ink box into "
            + "20x20, centre of mass at the centre of 28x28) with the pen width brought to MNIST's; mnist: the recipe "
            + "alone; raw: the whole picture shrunk.")
    String mode;

    Mode mode() {
        if (raw) {
            if (mode != null && !mode.equalsIgnoreCase("raw")) {
                throw new UsageException("--raw contradicts --mode " + mode);
            }
            return Mode.RAW;
        }
        if (mode == null) {
            return Mode.MNIST_PEN;
        }
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "mnist-pen" -> Mode.MNIST_PEN;
            case "mnist" -> Mode.MNIST;
            case "raw" -> Mode.RAW;
            default -> throw new UsageException("--mode must be mnist-pen, mnist or raw, got '" + mode + "'");
        };
    }

    /** The mode as written on the command line. */
    static String name(Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
