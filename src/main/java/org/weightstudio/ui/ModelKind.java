package org.weightstudio.ui;

import org.weightstudio.model.Architecture;
import org.weightstudio.training.TrainingConfig;

/** The models the window can train side by side: the one-layer net, an MLP, a small CNN. */
enum ModelKind {
    ONE_LAYER(Architecture.SOFTMAX, "One-layer"),
    MLP(Architecture.MLP, "MLP"),
    CNN(Architecture.CNN, "CNN");

    /** The architecture kind as the command line and the settings file spell it. */
    final String id;
    final String label;

    ModelKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The kind saved as {@code id}; the one-layer net for anything else (an old or edited settings file). */
    static ModelKind of(String id) {
        for (ModelKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        return ONE_LAYER;
    }

    /** 784-10; 784-hidden-10; conv5x5x8-pool-conv5x5x16-pool-10 (the default CNN of docs/cnn.md). */
    Architecture architecture(int rows, int cols, int classes, int hidden) {
        return switch (this) {
            case ONE_LAYER -> Architecture.softmax(rows, cols, classes);
            case MLP -> Architecture.mlp(rows, cols, classes, hidden);
            case CNN -> Architecture.cnn(rows, cols, classes, Architecture.DEFAULT_FILTERS.clone());
        };
    }

    /**
     * The settings a new model of this kind starts with. The one-layer net takes the form's (the
     * post's batch 2); the MLP and the CNN start from the schedules measured for them
     * ({@link TrainingConfig#mlpDefaults()}, {@link TrainingConfig#cnnDefaults()}, the same as
     * {@code train --arch mlp|cnn}), with the form's seed. Each model keeps its own settings afterwards.
     */
    TrainingConfig startConfig(TrainingConfig form) {
        return switch (this) {
            case ONE_LAYER -> form;
            case MLP -> TrainingConfig.mlpDefaults().withSeed(form.seed());
            case CNN -> TrainingConfig.cnnDefaults().withSeed(form.seed());
        };
    }

    /** "MLP 784-64-10" for labels: the kind's label, then the architecture's sizes. */
    static String describe(Architecture a) {
        String d = a.describe();
        return of(a.kind()).label + (d.startsWith(a.kind()) ? d.substring(a.kind().length()) : " " + d);
    }
}
