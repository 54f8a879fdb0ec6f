package org.weightstudio;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.data.ImageSet;

/** Fixtures: IDX files written by the tests themselves, and slices of the bundled MNIST. */
public final class TestData {
    private static Dataset mnist;

    private TestData() {
    }

    /** The bundled MNIST, loaded once per test JVM. */
    public static synchronized Dataset mnist() {
        if (mnist == null) {
            mnist = DatasetLoader.load(Path.of("assets/mnist"));
        }
        return mnist;
    }

    public static byte[] idx3(byte[] pixels, int count, int rows, int cols) {
        return idx(0x00000803, new int[] {count, rows, cols}, pixels);
    }

    public static byte[] idx1(byte[] labels) {
        return idx(0x00000801, new int[] {labels.length}, labels);
    }

    public static byte[] idx(int magic, int[] dims, byte[] body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(body);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(bytes)) {
                out.write(raw);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes a dataset folder with the first {@code trainCount}/{@code testCount} MNIST images. */
    public static Path writeMnistSlice(Path dir, int trainCount, int testCount) throws IOException {
        Dataset d = mnist();
        writeSet(dir, "train", d.train().head(trainCount));
        writeSet(dir, "t10k", d.test().head(testCount));
        return dir;
    }

    public static void writeSet(Path dir, String prefix, ImageSet set) throws IOException {
        Files.createDirectories(dir);
        byte[] pixels = new byte[set.size() * set.imageSize()];
        byte[] labels = new byte[set.size()];
        for (int i = 0; i < set.size(); i++) {
            System.arraycopy(set.imageBytes(i), 0, pixels, i * set.imageSize(), set.imageSize());
            labels[i] = (byte) set.label(i);
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), gzip(idx3(pixels, set.size(), set.rows(), set.cols())));
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), gzip(idx1(labels)));
    }
}
