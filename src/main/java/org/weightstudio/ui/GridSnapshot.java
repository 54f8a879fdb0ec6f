package org.weightstudio.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.weightstudio.render.PngWriter;
import org.weightstudio.persistence.AtomicFiles;

/**
 * Writes a node as it is shown to a PNG file: a JavaFX snapshot, its pixels copied by hand into
 * a {@link BufferedImage} (no javafx-swing), written with ImageIO through {@link AtomicFiles} so
 * that a failure never leaves half a file.
 */
final class GridSnapshot {
    private GridSnapshot() {
    }

    /** Must run on the FX thread. */
    static void write(Node node, Rectangle2D area, Path file) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        if (area != null && area.getWidth() > 0 && area.getHeight() > 0) {
            params.setViewport(area);
        }
        WritableImage shot = node.snapshot(params, null);
        BufferedImage image = toBufferedImage(shot);
        // PngWriter encodes through a memory cache: ImageIO.write(image, "png", out) would use a
        // temporary cache file whose StreamCloser prints a NullPointerException on a full disk.
        AtomicFiles.write(file, out -> PngWriter.encode(image, out));
    }

    static BufferedImage toBufferedImage(WritableImage shot) {
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        int[] argb = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, argb, 0, w);
        return image;
    }
}
