package org.weightstudio.ui;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Options of the window, for scripted demos and checks:
 * {@code --paused --autostart --quit-after-steps N --snapshot-on-exit FILE.png --data DIR
 * --report-first-picture}.
 * Opened by a person, the window trains as soon as the data is loaded, as one expects of it;
 * {@code --paused} opens it paused instead (to start with single steps). {@code --autostart}
 * says the default out loud, for scripts.
 *
 * @param autostart      start training as soon as the data is loaded
 * @param quitAfterSteps pause at this step, write the snapshot if asked, and exit 0 (null: never)
 * @param snapshotOnExit PNG file to write the grid to when the window closes (null: none)
 * @param dataDir        dataset folder (null: the bundled MNIST)
 * @param reportFirstPicture print one line on stdout when the first picture of the grid is drawn
 *                       (for bench/first_picture.sh, which times the launch from outside)
 */
public record WindowOptions(boolean autostart, Long quitAfterSteps, Path snapshotOnExit, Path dataDir,
                            boolean reportFirstPicture) {
    /** Without the start-up report (the options a person gives). */
    public WindowOptions(boolean autostart, Long quitAfterSteps, Path snapshotOnExit, Path dataDir) {
        this(autostart, quitAfterSteps, snapshotOnExit, dataDir, false);
    }

    public static WindowOptions none() {
        return new WindowOptions(false, null, null, null);
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
        return new WindowOptions(!parsed.paused, parsed.quitAfterSteps, parsed.snapshot, parsed.data,
                parsed.reportFirstPicture);
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

        @Option(names = "--report-first-picture")
        boolean reportFirstPicture;
    }
}
