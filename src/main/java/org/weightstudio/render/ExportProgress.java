package org.weightstudio.render;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Progress and cancellation of a long export: {@code progress} hears the fraction done (0..1)
 * after each picture; {@code cancelled} is asked before each picture, and a true answer stops the
 * export with a {@link CancellationException} after removing everything it wrote.
 */
public record ExportProgress(DoubleConsumer progress, BooleanSupplier cancelled) {
    /** No progress reports, never cancelled (the command line). */
    public static ExportProgress none() {
        return new ExportProgress(f -> { }, () -> false);
    }

    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("export cancelled");
        }
    }

    void done(int finished, int total) {
        progress.accept(total == 0 ? 1.0 : (double) finished / total);
    }
}
