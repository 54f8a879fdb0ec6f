package org.weightstudio;

import org.weightstudio.cli.Cli;
import org.weightstudio.ui.StudioApp;

/**
 * Routes to the command line (a command word, --help or --version) or to the window (no
 * arguments, or only window options). Not an Application subclass, so that the shaded jar starts
 * on a plain class path, and so that headless commands never load JavaFX.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.handles(args[0])) {
            System.exit(Cli.run(args));
        }
        StudioApp.open(args);
    }
}
