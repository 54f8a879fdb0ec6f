package org.weightstudio.render;

import java.util.List;

/**
 * What a snapshot needs to say that a {@link org.weightstudio.training.Frame} does not know.
 *
 * @param dataset         dataset name, e.g. "mnist"
 * @param classNames      class names in label order (titles of the top row); empty for 0..9
 * @param refreshInterval updates between published frames (the CLI's {@code --every})
 */
public record SnapshotInfo(String dataset, List<String> classNames, long refreshInterval) {
    public SnapshotInfo {
        classNames = List.copyOf(classNames);
    }
}
