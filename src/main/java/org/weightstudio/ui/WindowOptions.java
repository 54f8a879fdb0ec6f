package org.weightstudio.ui;

import java.nio.file.Path;
import java.util.List;
import org.weightstudio.training.Pace;
import org.weightstudio.training.TrainingSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Options of the window, for scripted demos and checks:
 * {@code --paused --autostart --quit-after-steps N --snapshot-on-exit FILE.png --data DIR
 * --pace X|unlimited|timelapse --refresh N --report-first-picture}.
 * Opened by a person, the window trains as soon as the data is loaded, as one expects of it;
 * {@code --paused} opens it paused instead (to start with single steps). {@code --autostart}
 * says the default out loud, for scripts.
 *
 * @param autostart      start training as soon as the data is loaded
 * @param quitAfterSteps pause at this step, write the snapshot if asked, and exit 0 (null: never)
 * @param snapshotOnExit PNG file to write the grid to when the window closes (null: none)
 * @param dataDir        dataset folder (null: the bundled MNIST)
 * @param pace           {@code --pace X|unlimited|timelapse} (null: the settings' pace)
 * @param refresh        {@code --refresh N}, updates between pictures (null: the settings' interval)
 * @param reportFirstPicture print one line on stdout when the first picture of the grid is drawn
 *                       (for bench/first_picture.sh, which times the launch from outside)
 * @param model          the model to open on, "softmax", "mlp" or "cnn" (null: the one saved in the settings)
 */
public record WindowOptions(boolean autostart, Long quitAfterSteps, Path snapshotOnExit, Path dataDir, Pace pace,
        Integer refresh, boolean reportFirstPicture, String model) {
    /** Without pace, refresh, model or the start-up report (the options a person gives most). */
    public WindowOptions(boolean autostart, Long quitAfterSteps, Path snapshotOnExit, Path dataDir) {
        this(autostart, quitAfterSteps, snapshotOnExit, dataDir, null, null, false, null);
    }

    public static WindowOptions none() {
        return new WindowOptions(false, null, null, null, null, null, false, null);
    }

    /** Parses the window's arguments; a bad one throws {@link IllegalArgumentException} with a one-line message. */
    public static WindowOptions parse(List<String> args) {
        Parsed parsed = new Parsed();
        try {
            new CommandLine(parsed).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (parsed.quitAfterSteps != null && parsed.quitAfterSteps < 1) {
            throw new IllegalArgumentException("--quit-after-steps must be at least 1, got " + parsed.quitAfterSteps);
        }
        if (parsed.snapshot != null && !parsed.snapshot.getFileName().toString().toLowerCase().endsWith(".png")) {
            throw new IllegalArgumentException("--snapshot-on-exit " + parsed.snapshot + ": the file name must end in .png");
        }
        if (parsed.paused && parsed.autostart) {
            throw new IllegalArgumentException("--paused and --autostart contradict each other: give one");
        }
        if (parsed.arch != null && !parsed.arch.equals("softmax") && !parsed.arch.equals("mlp")
                && !parsed.arch.equals("cnn")) {
            throw new IllegalArgumentException("--arch must be softmax, mlp or cnn, got \"" + parsed.arch + "\"");
        }
        if (parsed.refresh != null && (parsed.refresh < 1 || parsed.refresh > TrainingSession.MAX_REFRESH_INTERVAL)) {
            throw new IllegalArgumentException("--refresh must be a whole number from 1 to 10,000, got " + parsed.refresh);
        }
        Pace pace = parsed.pace == null ? null : Pace.parse(parsed.pace);
        return new WindowOptions(!parsed.paused, parsed.quitAfterSteps, parsed.snapshot, parsed.data, pace,
                parsed.refresh, parsed.reportFirstPicture, parsed.arch);
    }

    @Command(name = "weight-studio")
    static final class Parsed {
        @Option(names = "--autostart")
        boolean autostart;

        @Option(names = "--paused")
        boolean paused;

        @Option(names = "--quit-after-steps", paramLabel = "N")
        Long quitAfterSteps;

        @Option(names = "--snapshot-on-exit", paramLabel = "FILE.png")
        Path snapshot;

        @Option(names = "--data", paramLabel = "DIR")
        Path data;

        @Option(names = "--pace", paramLabel = "X|unlimited|timelapse")
        String pace;

        @Option(names = "--refresh", paramLabel = "N")
        Integer refresh;

        @Option(names = "--report-first-picture")
        boolean reportFirstPicture;

        @Option(names = "--arch", paramLabel = "softmax|mlp|cnn")
        String arch;
    }
}
