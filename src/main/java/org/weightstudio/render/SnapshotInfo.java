package org.weightstudio.render;

import java.util.List;

/**
 * What a snapshot needs to say that a {@link org.weightstudio.training.Frame} does not know.
 *
 * @param dataset         dataset name, e.g. "mnist"
 * @param classNames      class names in label order (titles of the top row); empty for 0..9
 * @param refreshInterval updates between published frames (the CLI's {@code --every})
 * @param clarity         per class, the clarity of the frame's weights (see analysis.Clarity), or
 *                        null when not measured or not defined for the model: the sidecar omits it
 */
public record SnapshotInfo(String dataset, List<String> classNames, long refreshInterval, double[] clarity) {
    public SnapshotInfo {
        classNames = List.copyOf(classNames);
        clarity = clarity == null ? null : clarity.clone();
    }

    /** Without clarity. */
    public SnapshotInfo(String dataset, List<String> classNames, long refreshInterval) {
        this(dataset, classNames, refreshInterval, null);
    }

    /** This info for a frame whose weights have the given per-class clarity (null: none). */
    public SnapshotInfo withClarity(double[] perClass) {
        return new SnapshotInfo(dataset, classNames, refreshInterval, perClass);
    }
}
