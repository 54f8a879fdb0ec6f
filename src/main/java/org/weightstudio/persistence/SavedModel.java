package org.weightstudio.persistence;

import java.util.List;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.TrainingConfig;

/**
 * A model of any architecture with what is known about how it was made.
 *
 * @param testAccuracy accuracy on the test set when saved, or NaN if not measured
 */
public record SavedModel(Network network, String dataset, List<String> classNames, int imageRows, int imageCols,
        TrainingConfig config, long step, double testAccuracy) {
    public SavedModel {
        classNames = List.copyOf(classNames);
    }

    /** A one-layer model (its arrays are shared, not copied). */
    public SavedModel(SoftmaxModel model, String dataset, List<String> classNames, int imageRows, int imageCols,
            TrainingConfig config, long step, double testAccuracy) {
        this(Architecture.over(model, imageRows, imageCols), dataset, classNames, imageRows, imageCols, config, step,
                testAccuracy);
    }

    /** Whether this is the one-layer net (softmax regression). */
    public boolean isOneLayer() {
        return network.asSoftmax() != null;
    }

    /** The one-layer model over the network's arrays; only for the one-layer net (see {@link #isOneLayer()}). */
    public SoftmaxModel model() {
        SoftmaxModel m = network.asSoftmax();
        if (m == null) {
            throw new IllegalStateException("a " + network.architecture().describe() + " is not a one-layer model");
        }
        return m;
    }

    public Architecture architecture() {
        return network.architecture();
    }
}
