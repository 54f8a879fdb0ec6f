package org.weightstudio.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.weightstudio.persistence.AtomicFiles;

/** Writes a picture as PNG atomically: a crash leaves the old file or none, never half of one. */
final class PngOutput {
    private PngOutput() {
    }

    static void write(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
