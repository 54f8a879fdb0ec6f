package org.weightstudio.ui;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Drops exactly one JavaFX log line: "Unsupported JavaFX configuration: classes were loaded from
 * 'unnamed module ...'", which JavaFX logs once at start when its classes come from the class path.
 *
 * <p>Why a filter and not a module layer: {@code target/weight-studio.jar} is one shaded jar on
 * purpose (one file, {@code java -jar}), so JavaFX is on the class path there by design; OpenJFX
 * calls that configuration unsupported because it does not test it, and the studio's tests run
 * that way. The app image, {@code mvn javafx:run} and the tests' own runtime are the module-path
 * ways. The filter is installed only when JavaFX really is in an unnamed module, matches only that
 * message at WARNING, and passes every other record (and defers to a filter set before it), so a
 * real JavaFX warning or error still reaches stderr.
 */
final class ClassPathWarningFilter implements Filter {
    static final String MESSAGE = "Unsupported JavaFX configuration: classes were loaded from 'unnamed module";

    /** JavaFX's logger ("javafx"), held strongly: java.util.logging keeps loggers only weakly, with their filters. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private final Filter previous;

    ClassPathWarningFilter(Filter previous) {
        this.previous = previous;
    }

    /** Installs the filter on JavaFX's logger if JavaFX was loaded from the class path. */
    static void installIfOnClassPath() {
        if (!Application.class.getModule().isNamed()) {
            install(JAVAFX);
        }
    }

    static void install(Logger logger) {
        if (!(logger.getFilter() instanceof ClassPathWarningFilter)) {
            logger.setFilter(new ClassPathWarningFilter(logger.getFilter()));
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        boolean thatWarning = record.getLevel() == Level.WARNING
                && record.getMessage() != null
                && record.getMessage().startsWith(MESSAGE);
        return !thatWarning && (previous == null || previous.isLoggable(record));
    }
}
