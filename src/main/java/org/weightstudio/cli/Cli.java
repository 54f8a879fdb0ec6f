package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Set;
import org.weightstudio.common.BadInputException;
import org.weightstudio.common.Messages;
import org.weightstudio.persistence.StudioVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless entry point. User errors print one line on stderr and exit with a sysexits code;
 * only a bug (exit 70) shows a stack trace, and only when WEIGHTSTUDIO_DEBUG is set.
 */
@Command(name = "weight-studio", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Watch a one-layer neural network learn MNIST. Without a command, opens the studio window.",
        footer = {"", "Window options (instead of a command): --paused  --autostart  --quit-after-steps N  "
                + "--snapshot-on-exit FILE.png  --data DIR", "  --pace X|unlimited|timelapse (updates per second; "
                + "a fresh window uses the time-lapse)  --refresh N (updates between pictures)"},
        subcommands = {TrainCommand.class, SnapshotCommand.class, PredictCommand.class, EvaluateCommand.class, ExplainCommand.class,
            RobustnessCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Cli {
    /** Words that make the launcher run the command line instead of the window. */
    public static boolean handles(String firstArg) {
        return !firstArg.startsWith("-") || Set.of("-h", "--help", "-V", "--version").contains(firstArg);
    }

    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Cli());
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler(Cli::executionError);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.SOFTWARE);
        return cl;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("weight-studio: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int executionError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int code;
        String message;
        if (e instanceof UsageException) {
            code = ExitCodes.USAGE;
            message = e.getMessage();
        } else if (e instanceof BadInputException) {
            code = ExitCodes.DATA;
            message = e.getMessage();
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            code = ExitCodes.IO;
            message = Messages.withFile(e instanceof UncheckedIOException u ? u.getCause() : e);
        } else {
            code = ExitCodes.SOFTWARE;
            message = "internal error: " + e + " (set WEIGHTSTUDIO_DEBUG=1 for the stack trace)";
            if (System.getenv("WEIGHTSTUDIO_DEBUG") != null) {
                e.printStackTrace(err);
            }
        }
        err.println("weight-studio: " + message);
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"weight-studio " + StudioVersion.current()};
        }
    }
}
