package org.weightstudio.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (idx1 labels, idx3 images), gzip-compressed or raw. The
 * header is checked before anything is allocated, the body is read into a buffer that grows as
 * bytes arrive (never larger than what the file holds), and the file must hold exactly the bytes
 * its header declares.
 */
public final class IdxReader {
    /** Type code of unsigned bytes, the only element type MNIST-style files use. */
    private static final int UNSIGNED_BYTE = 0x08;
    /** A header that asks for more than this is corrupt, not a data set we can hold. */
    static final long MAX_BYTES = 1L << 30;
    private static final int MAX_SIDE = 4096;
    /** The body buffer's first size; it grows as bytes arrive. */
    private static final int FIRST_BUFFER = 1 << 20;

    private IdxReader() {
    }

    /** Images of an idx3 file. */
    public record Images(byte[] pixels, int count, int rows, int cols) {
    }

    public static byte[] readLabels(Path file) {
        return read(file, 1, (in, dims) -> readBody(file, in, dims[0], 1, dims[0] + " labels")).pixels;
    }

    public static Images readImages(Path file) {
        Body body = read(file, 3, (in, dims) -> {
            long perImage = (long) dims[1] * dims[2];
            if (dims[1] > MAX_SIDE || dims[2] > MAX_SIDE) {
                throw error(file, "images of " + dims[1] + "x" + dims[2] + " are larger than " + MAX_SIDE + " pixels a side");
            }
            String what = dims[0] + " images of " + dims[1] + "x" + dims[2];
            return readBody(file, in, dims[0], perImage, what);
        });
        return new Images(body.pixels, body.dims[0], body.dims[1], body.dims[2]);
    }

    private record Body(byte[] pixels, int[] dims) {
    }

    @FunctionalInterface
    private interface BodyReader {
        Body read(DataInputStream in, int[] dims) throws IOException;
    }

    private static Body read(Path file, int expectedDims, BodyReader bodyReader) {
        try (DataInputStream in = new DataInputStream(open(file))) {
            int[] dims = readHeader(file, in, expectedDims);
            Body body = bodyReader.read(in, dims);
            if (in.read() != -1) {
                throw error(file, "trailing bytes after the " + dims[0] + " items its header declares");
            }
            return new Body(body.pixels, dims);
        } catch (NoSuchFileException e) {
            throw error(file, "no such file");
        } catch (ZipException e) {
            throw error(file, "corrupt gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw error(file, "truncated inside its header or gzip stream");
        } catch (IOException e) {
            throw error(file, "cannot read: " + e.getMessage());
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    }

    private static int[] readHeader(Path file, DataInputStream in, int expectedDims) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw error(file, "empty or shorter than an IDX header");
        }
        int zeros = magic >>> 16;
        int type = (magic >>> 8) & 0xFF;
        int dimCount = magic & 0xFF;
        if (zeros != 0) {
            throw error(file, String.format("not an IDX file (magic number 0x%08X)", magic));
        }
        if (type != UNSIGNED_BYTE) {
            throw error(file, String.format("element type 0x%02X, expected unsigned bytes (0x08)", type));
        }
        if (dimCount != expectedDims) {
            throw error(file, "has " + dimCount + " dimensions, expected " + expectedDims
                    + (expectedDims == 1 ? " (labels)" : " (images)"));
        }
        int[] dims = new int[dimCount];
        for (int d = 0; d < dimCount; d++) {
            dims[d] = in.readInt();
            if (dims[d] <= 0) {
                throw error(file, "dimension " + d + " is " + dims[d] + ", must be positive");
            }
        }
        return dims;
    }

    private static Body readBody(Path file, DataInputStream in, int count, long perItem, String what)
            throws IOException {
        long total = count * perItem;
        if (total > MAX_BYTES) {
            throw error(file, "header declares " + what + ", " + total + " bytes, more than the "
                    + (MAX_BYTES >> 20) + " MiB a data file may hold");
        }
        byte[] data = readUpTo(in, (int) total);
        int got = data.length;
        if (got < total) {
            throw error(file, "truncated: header declares " + what + ", file holds " + (got / perItem)
                    + (got % perItem == 0 ? "" : " and part of one more"));
        }
        return new Body(data, new int[] {count});
    }

    /**
     * Up to {@code declared} bytes of {@code in}: the buffer starts at most {@link #FIRST_BUFFER}
     * and doubles as bytes arrive, so a header that lies about its size costs only what the file
     * really holds (a 1 KB file declaring a gigabyte allocates about a megabyte).
     */
    private static byte[] readUpTo(InputStream in, int declared) throws IOException {
        byte[] buffer = new byte[Math.min(declared, FIRST_BUFFER)];
        int got = 0;
        while (true) {
            int n = in.readNBytes(buffer, got, buffer.length - got);
            got += n;
            if (got < buffer.length || got == declared) {
                break;
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(declared, 2L * buffer.length));
        }
        return got == buffer.length ? buffer : Arrays.copyOf(buffer, got);
    }

    static DatasetException error(Path file, String problem) {
        return new DatasetException(file.getFileName() + ": " + problem);
    }
}
