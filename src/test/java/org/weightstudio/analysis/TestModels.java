package org.weightstudio.analysis;

import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

/**
 * A small model shared by the tests of one JVM: 3 epochs over the first 5,000 MNIST training
 * images, batch 100 (150 updates, well under a second), about 88% on the test set.
 */
public final class TestModels {
    private static Dataset mnist;
    private static SoftmaxModel small;

    private TestModels() {
    }

    public static synchronized Dataset mnist() {
        if (mnist == null) {
            mnist = DatasetLoader.loadBundledMnist();
        }
        return mnist;
    }

    /** The first {@code n} test images. */
    public static ImageSet testSlice(int n) {
        return mnist().test().head(n);
    }

    /** A copy of the shared small model (callers may change it). */
    public static synchronized SoftmaxModel small() {
        if (small == null) {
            ImageSet train = mnist().train().head(5000);
            SoftmaxModel model = new SoftmaxModel(10, 784);
            Trainer trainer = new Trainer(model, train, new TrainingConfig(100, 0.5, 0, 1, 42, 0));
            for (int i = 0; i < 3 * trainer.stepsPerEpoch(); i++) {
                trainer.step();
            }
            small = model;
        }
        return small.copy();
    }
}
