package org.weightstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.TestData;

class IdxReaderTest {
    @TempDir
    Path dir;

    private static byte[] pixels(int count) {
        byte[] p = new byte[count * 4 * 3];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (i * 7);
        }
        return p;
    }

    @Test
    void readsRawAndGzipImagesAlike() throws IOException {
        byte[] raw = TestData.idx3(pixels(5), 5, 4, 3);
        Path plain = Files.write(dir.resolve("a-idx3-ubyte"), raw);
        Path gz = Files.write(dir.resolve("a-idx3-ubyte.gz"), TestData.gzip(raw));

        IdxReader.Images a = IdxReader.readImages(plain);
        IdxReader.Images b = IdxReader.readImages(gz);

        assertThat(a.count()).isEqualTo(5);
        assertThat(a.rows()).isEqualTo(4);
        assertThat(a.cols()).isEqualTo(3);
        assertThat(a.pixels()).isEqualTo(pixels(5)).isEqualTo(b.pixels());
    }

    @Test
    void truncatedFileNamesFileAndCounts() throws IOException {
        byte[] raw = TestData.idx3(pixels(5), 5, 4, 3);
        byte[] cut = Arrays.copyOf(raw, 16 + 2 * 12 + 5);
        Path file = Files.write(dir.resolve("train-images-idx3-ubyte.gz"), TestData.gzip(cut));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DatasetException.class)
                .hasMessage("train-images-idx3-ubyte.gz: truncated: header declares 5 images of 4x3, "
                        + "file holds 2 and part of one more");
    }

    @Test
    void trailingBytesAreAnError() throws IOException {
        byte[] raw = TestData.idx1(new byte[] {1, 2, 3});
        byte[] longer = Arrays.copyOf(raw, raw.length + 1);
        Path file = Files.write(dir.resolve("labels"), longer);

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("labels: trailing bytes");
    }

    @Test
    void wrongMagicTypeAndDimensionsAreNamed() throws IOException {
        Path notIdx = Files.write(dir.resolve("x"), "hello world, not idx".getBytes());
        Path floats = Files.write(dir.resolve("f"), TestData.idx(0x00000D01, new int[] {1}, new byte[4]));
        Path labelsAsImages = Files.write(dir.resolve("l"), TestData.idx1(new byte[] {1}));

        assertThatThrownBy(() -> IdxReader.readLabels(notIdx)).hasMessageStartingWith("x: not an IDX file");
        assertThatThrownBy(() -> IdxReader.readLabels(floats)).hasMessage("f: element type 0x0D, expected unsigned bytes (0x08)");
        assertThatThrownBy(() -> IdxReader.readImages(labelsAsImages))
                .hasMessage("l: has 1 dimensions, expected 3 (images)");
    }

    @Test
    void absurdHeaderIsRefusedBeforeAllocating() throws IOException {
        Path file = Files.write(dir.resolve("huge"), TestData.idx(0x00000803, new int[] {2_000_000, 1000, 1000}, new byte[0]));

        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("more than the 1024 MiB");
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);

        assertThatThrownBy(() -> IdxReader.readLabels(empty)).hasMessage("empty: empty or shorter than an IDX header");
        assertThatThrownBy(() -> IdxReader.readLabels(dir.resolve("nope"))).hasMessage("nope: no such file");
    }

    @Test
    void corruptGzipIsAnError() throws IOException {
        byte[] gz = TestData.gzip(TestData.idx1(new byte[100]));
        gz[gz.length / 2] ^= 0x5A;
        gz[gz.length / 2 + 1] ^= 0x5A;
        Path file = Files.write(dir.resolve("c.gz"), gz);

        assertThatThrownBy(() -> IdxReader.readLabels(file)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("c.gz: ");
    }
}
