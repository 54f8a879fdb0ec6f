package org.weightstudio.training;

import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;

/** How {@link OneLayerPinnedWeightsTest} builds and reads a one-layer trainer. */
final class PinnedRun {
    private PinnedRun() {
    }

    static Trainer trainer(ImageSet data, TrainingConfig config) {
        return new Trainer(new SoftmaxModel(10, 784), data, config);
    }

    static float[] weights(Trainer trainer) {
        return trainer.model().weights().data;
    }

    static float[] bias(Trainer trainer) {
        return trainer.model().bias().data;
    }
}
