package org.weightstudio.ui.draw;

import java.util.function.Supplier;
import javafx.scene.control.Label;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;

/** The model a worker runs on: a copy, so training can go on while the worker reads it. */
final class ModelSnapshot {
    private ModelSnapshot() {
    }

    /**
     * A copy of the supplied model if it fits the images of {@code testSet}; otherwise null, and
     * {@code status} says why.
     */
    static SoftmaxModel take(Supplier<SoftmaxModel> source, ImageSet testSet, Label status) {
        SoftmaxModel model = source.get();
        if (model == null || model.inputs() != testSet.imageSize()) {
            status.setText(model == null ? "No model yet" : "Model does not fit the test images");
            return null;
        }
        return model.copy();
    }
}
