package org.weightstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.TestData;

class DatasetLoaderTest {
    @TempDir
    Path dir;

    @Test
    void bundledMnistMatchesPublishedChecksums() throws Exception {
        Path assets = Path.of("assets/mnist");
        List<String> sums = Files.readAllLines(assets.resolve("SHA256SUMS.uncompressed"));
        assertThat(sums).hasSize(4);
        for (String line : sums) {
            String[] parts = line.trim().split("\\s+");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(assets.resolve(parts[1] + ".gz")))) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            assertThat(HexFormat.of().formatHex(sha.digest())).as(parts[1]).isEqualTo(parts[0]);
        }
    }

    @Test
    void bundledMnistHasPublishedShape() {
        Dataset mnist = TestData.mnist();
        assertThat(mnist.train().size()).isEqualTo(60_000);
        assertThat(mnist.test().size()).isEqualTo(10_000);
        assertThat(mnist.inputSize()).isEqualTo(784);
        int[] counts = new int[10];
        for (int i = 0; i < mnist.test().size(); i++) {
            counts[mnist.test().label(i)]++;
        }
        assertThat(counts).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    }

    @Test
    void loadsFashionMnistWithClassNames() throws IOException {
        Path fashion = Path.of("../shared/datasets/fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fashion), "shared datasets present");
        Path copy = TestData.writeMnistSlice(dir.resolve("fm"), 10, 10);
        Files.writeString(copy.resolve("classes.json"), "[\"T-shirt/top\",\"Trouser\",\"Pullover\",\"Dress\","
                + "\"Coat\",\"Sandal\",\"Shirt\",\"Sneaker\",\"Bag\",\"Ankle boot\"]");
        assertThat(DatasetLoader.load(copy).classNames()).startsWith("T-shirt/top", "Trouser").hasSize(10);

        Dataset d = DatasetLoader.load(fashion);
        assertThat(d.train().size()).isEqualTo(60_000);
        assertThat(d.name()).isEqualTo("fashion-mnist");
    }

    @Test
    void countMismatchBetweenImagesAndLabels() throws IOException {
        TestData.writeMnistSlice(dir, 20, 10);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), TestData.gzip(TestData.idx1(new byte[9])));

        assertThatThrownBy(() -> DatasetLoader.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessage("t10k-labels-idx1-ubyte.gz: holds 9 labels but t10k-images-idx3-ubyte.gz holds 10 images");
    }

    @Test
    void labelOutsideTheClassesIsRefused() throws IOException {
        TestData.writeMnistSlice(dir, 20, 10);
        byte[] labels = new byte[10];
        labels[7] = 12;
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), TestData.gzip(TestData.idx1(labels)));

        assertThatThrownBy(() -> DatasetLoader.load(dir))
                .hasMessage("t10k-labels-idx1-ubyte.gz: label 12 at index 7 is outside the 10 classes 0..9");
    }

    @Test
    void missingFileAndBadClassesJson() throws IOException {
        TestData.writeMnistSlice(dir, 20, 10);
        Files.writeString(dir.resolve("classes.json"), "{not json");
        assertThatThrownBy(() -> DatasetLoader.load(dir)).hasMessageStartingWith("classes.json: not valid JSON");

        Files.delete(dir.resolve("classes.json"));
        Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));
        assertThatThrownBy(() -> DatasetLoader.load(dir))
                .hasMessageEndingWith("missing train-images-idx3-ubyte.gz (or train-images-idx3-ubyte)");
    }

    @Test
    void sparseAndDenseViewsAgree() {
        ImageSet test = TestData.mnist().test();
        float[] dense = new float[784];
        int[] index = new int[784];
        float[] value = new float[784];
        test.toFloats(3, dense);
        int nnz = test.toSparse(3, index, value, 0);
        float[] rebuilt = new float[784];
        for (int j = 0; j < nnz; j++) {
            rebuilt[index[j]] = value[j];
        }
        assertThat(rebuilt).containsExactly(dense);
        assertThat(nnz).isBetween(50, 400);
    }
}
