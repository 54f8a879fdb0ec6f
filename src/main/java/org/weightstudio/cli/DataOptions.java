package org.weightstudio.cli;

import java.nio.file.Path;
import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;
import picocli.CommandLine.Option;

/** {@code --data DIR}: which dataset folder to use (default: the bundled MNIST). */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Dataset folder with the four IDX files (default: bundled MNIST in assets/mnist).")
    Path dataDir;

    public Dataset load() {
        return dataDir == null ? DatasetLoader.loadBundledMnist() : DatasetLoader.load(dataDir);
    }
}
