package org.weightstudio.render;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.weightstudio.persistence.SnapshotSidecar;

/**
 * A snapshot written to disk.
 *
 * @param png      the picture's file
 * @param sidecar  the JSON beside it
 * @param image    the pixels written
 * @param metadata what the sidecar holds
 */
public record SavedSnapshot(Path png, Path sidecar, BufferedImage image, SnapshotSidecar metadata) {
}
