package org.weightstudio.render;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.weightstudio.persistence.AtomicFiles;

/**
 * PNG files through ImageIO, written atomically. Encodes through an in-memory cache stream so
 * that ImageIO's global cache setting (temporary files in java.io.tmpdir) plays no part.
 */
public final class PngWriter {
    private PngWriter() {
    }

    /** Writes {@code image} to {@code target}, replacing a file already there. */
    public static void write(Path target, RenderedImage image) throws IOException {
        AtomicFiles.write(target, out -> encode(image, out));
    }

    /** Writes {@code image} to {@code target}; fails with FileAlreadyExistsException if it exists. */
    public static void writeNew(Path target, RenderedImage image) throws IOException {
        AtomicFiles.writeNew(target, out -> encode(image, out));
    }

    /** The PNG bytes of {@code image}. */
    public static byte[] encode(RenderedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        encode(image, bytes);
        return bytes.toByteArray();
    }

    /** Encodes {@code image} as PNG onto {@code out}, which is flushed but not closed. */
    public static void encode(RenderedImage image, OutputStream out) throws IOException {
        ImageWriter writer = writerFor("png");
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), null);
        } finally {
            writer.dispose();
        }
        out.flush();
    }

    static ImageWriter writerFor(String format) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no ImageIO writer for " + format);
        }
        return writers.next();
    }
}
