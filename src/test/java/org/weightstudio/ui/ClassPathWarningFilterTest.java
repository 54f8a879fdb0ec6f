package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Through java.util.logging as JavaFX logs: only the class-path warning is dropped. */
class ClassPathWarningFilterTest {
    private final Logger logger = Logger.getLogger("weightstudio.test.javafx");
    private final List<String> published = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            published.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void attach() {
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        logger.setFilter(null);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(handler);
        logger.setFilter(null);
    }

    @Test
    void dropsTheClassPathWarningAndNothingElse() {
        ClassPathWarningFilter.install(logger);
        logger.warning("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'");
        logger.warning("Unsupported JavaFX configuration: classes were loaded from 'module javafx.graphics'");
        logger.warning("Loading FXML document with JavaFX API of version 22 by JavaFX runtime of version 21");
        logger.severe("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'");

        assertThat(published).containsExactly(
                "WARNING Unsupported JavaFX configuration: classes were loaded from 'module javafx.graphics'",
                "WARNING Loading FXML document with JavaFX API of version 22 by JavaFX runtime of version 21",
                "SEVERE Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'");
    }

    @Test
    void keepsAFilterSetBeforeAndInstallsOnce() {
        logger.setFilter(record -> !record.getMessage().contains("secret"));
        ClassPathWarningFilter.install(logger);
        ClassPathWarningFilter.install(logger);
        logger.log(Level.WARNING, "a secret");
        logger.log(Level.WARNING, "plain");
        logger.warning("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @2'");

        assertThat(published).containsExactly("WARNING plain");
    }
}
