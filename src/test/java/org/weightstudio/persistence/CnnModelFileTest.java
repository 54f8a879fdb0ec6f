package org.weightstudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.training.TrainingConfig;

/** A CNN in a version-2 model file: it reloads to the same scores; wrong shapes are one-line errors. */
class CnnModelFileTest {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @TempDir
    Path dir;

    private Path saved() throws IOException {
        Network network = Architecture.cnn(28, 28, 10, new int[] {3, 4}, 6).build();
        network.initialize(11, 0);
        Path file = dir.resolve("cnn.json");
        ModelStore.save(file, new SavedModel(network, "mnist", DIGITS, 28, 28, TrainingConfig.cnnDefaults(), 5, 0.5));
        return file;
    }

    @Test
    void aSavedCnnReloadsWithItsKernelsAndScoresTheSame() throws IOException {
        Path file = saved();
        Network original = Architecture.cnn(28, 28, 10, new int[] {3, 4}, 6).build();
        original.initialize(11, 0);
        Network loaded = ModelStore.load(file).network();

        assertThat(loaded.architecture().describe()).isEqualTo("cnn conv5x5x3-pool-conv5x5x4-pool-6-10");
        assertThat(loaded.parameter("conv2.W").shape().toString()).isEqualTo("4x3x5x5");
        Random random = new Random(4);
        float[] image = new float[784];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextFloat();
        }
        float[] a = new float[10];
        float[] b = new float[10];
        original.scores(image, a);
        loaded.scores(image, b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void aWrongKernelOrFilterShapeIsAOneLineError() throws IOException {
        Path file = saved();
        String json = Files.readString(file);

        Path kernel = dir.resolve("kernel.json");
        Files.writeString(kernel, json.replaceFirst("\"kernel\":\\s*5", "\"kernel\": 4"));
        assertThatThrownBy(() -> ModelStore.load(kernel)).isInstanceOf(ModelFileException.class)
                .hasMessage("kernel.json: conv1: a convolution needs an odd kernel size, not 4");

        Path three = dir.resolve("three.json");
        Files.writeString(three, json.replaceFirst("\"kernel\":\\s*5", "\"kernel\": 3"));
        assertThatThrownBy(() -> ModelStore.load(three)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("three.json: ").hasMessageContaining("conv1.W")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        Path pool = dir.resolve("pool.json");
        Files.writeString(pool, json.replaceFirst("\"output\":\\s*\\[\\s*3,\\s*14,\\s*14\\s*\\]", "\"output\": [3, 13, 14]"));
        assertThatThrownBy(() -> ModelStore.load(pool)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("pool.json: ").hasMessageContaining("pool1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
