package org.weightstudio.ui.draw;

import org.weightstudio.model.Architecture;
import org.weightstudio.model.Classifier;

/**
 * A trained model as the Draw, Robustness and Test set tabs compare it: its short name ("MLP"),
 * its description ("MLP 784-64-10"), its architecture, its parameters (a copy owned by the FX
 * thread: give a worker {@link Classifier#copyClassifier()}) and the step it was trained to.
 */
public record NamedModel(String name, String description, Architecture architecture, Classifier model, long step) {
}
