package org.weightstudio.persistence;

import java.util.List;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.TrainingConfig;

/**
 * A model with what is known about how it was made.
 *
 * @param testAccuracy accuracy on the test set when saved, or NaN if not measured
 */
public record SavedModel(SoftmaxModel model, String dataset, List<String> classNames, int imageRows, int imageCols,
        TrainingConfig config, long step, double testAccuracy) {
    public SavedModel {
        classNames = List.copyOf(classNames);
    }
}
