package org.weightstudio.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;

/**
 * Loads the data set on its own thread from the first moment, while JavaFX starts and the window
 * builds, and packs the ink pixels there too: packing 60,000 images on the FX thread (where the
 * trainer is made) held the first picture back by a few hundred milliseconds.
 */
final class DataPreload implements Supplier<Dataset> {
    private final CompletableFuture<Dataset> future = new CompletableFuture<>();

    private DataPreload() {
    }

    /** Starts loading {@code dataDir} (null: the bundled MNIST) on a daemon thread. */
    static DataPreload start(Path dataDir) {
        DataPreload preload = new DataPreload();
        Thread loader = new Thread(() -> {
            try {
                Dataset data = dataDir == null ? DatasetLoader.loadBundledMnist() : DatasetLoader.load(dataDir);
                data.train().sparse();
                data.test().sparse();
                preload.future.complete(data);
            } catch (RuntimeException | Error e) {
                preload.future.completeExceptionally(e);
            }
        }, "weight-studio-preload");
        loader.setDaemon(true);
        loader.start();
        return preload;
    }

    /** Waits for the data; rethrows the loader's own exception (a bad file stays a one-line error). */
    @Override
    public Dataset get() {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
