package org.weightstudio.bench;

import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;

/** The bundled MNIST, loaded once per benchmark fork (JMH runs from the project folder). */
final class Mnist {
    private static Dataset dataset;

    private Mnist() {
    }

    static synchronized Dataset get() {
        if (dataset == null) {
            dataset = DatasetLoader.loadBundledMnist();
        }
        return dataset;
    }
}
