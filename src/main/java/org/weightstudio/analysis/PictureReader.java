package org.weightstudio.analysis;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.io.InputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.weightstudio.common.BadInputException;
import org.weightstudio.common.Messages;

/**
 * Reads a picture file (PNG, JPEG, or anything else ImageIO decodes) of any size as a
 * {@link GreyImage}: colour becomes luminance, transparency is composited on white. Every
 * problem is a {@link BadInputException} with one line naming the file.
 */
public final class PictureReader {
    /** Larger sides are not pictures of a digit but mistakes or decompression bombs. */
    public static final int MAX_SIDE = 8000;
    /**
     * Pictures larger than this on a side are decoded subsampled (every k-th pixel), so an
     * 8000x8000 file costs 16 MB rather than 256 MB; a digit that large has strokes many pixels
     * wide, which subsampling keeps.
     */
    static final int DECODE_SIDE = 2000;

    private PictureReader() {
    }

    /** The picture in {@code file} as grey; throws if it is not a readable, non-blank picture. */
    public static GreyImage read(Path file) {
        GreyImage image = decode(file);
        if (DigitPreprocessor.isBlank(image)) {
            throw new BadInputException(file + ": blank picture (no ink: a single flat colour)");
        }
        return image;
    }

    /** The picture in {@code file} as grey, blank or not. */
    public static GreyImage decode(Path file) {
        try {
            // readAttributes, not Files.exists: an unreadable folder is not a missing file
            if (!Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).isRegularFile()) {
                throw new BadInputException(file + ": not a regular file");
            }
            if (Files.size(file) == 0) {
                throw new BadInputException(file + ": empty file (0 bytes)");
            }
            // Opened by hand: ImageIO.createImageInputStream(File) returns null for a file it
            // cannot open, which surfaced as "input == null!" instead of the reason.
            try (InputStream raw = Files.newInputStream(file);
                 ImageInputStream in = new MemoryCacheImageInputStream(raw)) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw new BadInputException(file + ": not a picture ImageIO can read (expected PNG or JPEG)");
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    GreyImage image = decode(file, reader);
                    requireComplete(file, reader.getFormatName());
                    return image;
                } finally {
                    reader.dispose();
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (java.nio.file.FileSystemException e) {
            throw new BadInputException(file + ": cannot read (" + Messages.reason(e) + ")");
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(file + ": cannot decode the picture, truncated or corrupt ("
                    + Messages.reason(e) + ")");
        }
    }

    /**
     * ImageIO decodes a PNG cut after its last pixel data without complaint; but a file without
     * its closing IEND chunk was cut short, and what else is missing we cannot know.
     */
    private static void requireComplete(Path file, String format) throws IOException {
        if (!format.equalsIgnoreCase("png")) {
            return;
        }
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int tail = (int) Math.min(64, size);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(tail);
            channel.position(size - tail);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading
            }
            String text = new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!text.contains("IEND")) {
                throw new BadInputException(file + ": truncated PNG (no IEND chunk at the end)");
            }
        }
    }

    private static GreyImage decode(Path file, ImageReader reader) throws IOException {
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w < 1 || h < 1) {
            throw new BadInputException(file + ": picture is " + w + "x" + h + " pixels, nothing to read");
        }
        if (w > MAX_SIDE || h > MAX_SIDE) {
            throw new BadInputException(file + ": picture is " + w + "x" + h + " pixels; at most " + MAX_SIDE
                    + " a side is accepted");
        }
        String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
        // A truncated JPEG decodes with a warning and grey padding; take the warning as the error.
        String[] warning = {null};
        reader.addIIOReadWarningListener((source, message) -> warning[0] = message);
        ImageReadParam param = reader.getDefaultReadParam();
        int k = (Math.max(w, h) + DECODE_SIDE - 1) / DECODE_SIDE;
        if (k > 1) {
            param.setSourceSubsampling(k, k, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (warning[0] != null) {
            throw new BadInputException(file + ": " + format + " picture is damaged (" + warning[0] + ")");
        }
        return toGrey(image);
    }

    /**
     * Luminance of every pixel, l = 0.299 R + 0.587 G + 0.114 B on the stored (gamma-encoded)
     * values, composited on white: l' = a l + (1 - a). Grey pictures are read from their raster
     * directly, because going through getRGB would pass them through a linear-to-sRGB conversion.
     */
    public static GreyImage toGrey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] lum = new float[w * h];
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean grey = image.getColorModel() instanceof ComponentColorModel
                && image.getColorModel().getColorSpace().getNumComponents() == 1 && (bands == 1 || bands == 2);
        if (grey) {
            float maxGrey = (1 << image.getColorModel().getComponentSize(0)) - 1;
            float maxAlpha = bands == 2 ? (1 << image.getColorModel().getComponentSize(1)) - 1 : 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float l = raster.getSample(x, y, 0) / maxGrey;
                    float a = bands == 2 ? raster.getSample(x, y, 1) / maxAlpha : 1f;
                    lum[y * w + x] = a * l + (1 - a);
                }
            }
            return new GreyImage(w, h, lum);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                float a = (argb >>> 24) / 255f;
                float l = (0.299f * (argb >> 16 & 0xFF) + 0.587f * (argb >> 8 & 0xFF) + 0.114f * (argb & 0xFF)) / 255f;
                lum[y * w + x] = a * l + (1 - a);
            }
        }
        return new GreyImage(w, h, lum);
    }
}
