package org.weightstudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.TestData;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

class ModelStoreTest {
    @TempDir
    Path dir;

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private SavedModel trained(TrainingConfig config, int steps) {
        Trainer t = new Trainer(new SoftmaxModel(10, 784), TestData.mnist().train().head(2000), config);
        for (int i = 0; i < steps; i++) {
            t.step();
        }
        return new SavedModel(t.model(), "mnist", DIGITS, 28, 28, config, t.steps(), 0.8);
    }

    @Test
    void reloadedModelPredictsIdenticallyAndKeepsItsStory() throws IOException {
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(5).withLearningRate(0.3).withSeed(9);
        SavedModel saved = trained(config, 100);
        Path file = dir.resolve("m.json");
        ModelStore.save(file, saved);
        SavedModel loaded = ModelStore.load(file);

        assertThat(loaded.model().weights().data).containsExactly(saved.model().weights().data);
        assertThat(loaded.model().bias().data).containsExactly(saved.model().bias().data);
        assertThat(loaded.config()).isEqualTo(config);
        assertThat(loaded.step()).isEqualTo(100);
        assertThat(loaded.testAccuracy()).isEqualTo(0.8);
        ImageSet test = TestData.mnist().test();
        float[] x = new float[784];
        for (int i = 0; i < 200; i++) {
            test.toFloats(i, x);
            assertThat(loaded.model().predict(x)).isEqualTo(saved.model().predict(x));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary files left behind
        }
    }

    @Test
    void trainingResumesFromAFileAsIfNeverStopped() throws IOException {
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(4);
        SavedModel half = trained(config, 150);
        Path file = dir.resolve("half.json");
        ModelStore.save(file, half);
        SavedModel loaded = ModelStore.load(file);
        Trainer resumed = new Trainer(loaded.model(), TestData.mnist().train().head(2000), loaded.config(), loaded.step());
        for (int i = 0; i < 150; i++) {
            resumed.step();
        }
        assertThat(resumed.model().weights().data).containsExactly(trained(config, 300).model().weights().data);
    }

    /** A version-1 file, as the studio wrote them before layers: classes, inputs, weights, bias. */
    private JsonObject version1(SavedModel saved) {
        JsonObject json = new JsonObject();
        json.addProperty("formatVersion", 1);
        json.addProperty("dataset", "mnist");
        json.addProperty("classes", 10);
        json.addProperty("inputs", 784);
        json.addProperty("imageRows", 28);
        json.addProperty("imageCols", 28);
        com.google.gson.Gson gson = new com.google.gson.Gson();
        json.add("weights", gson.toJsonTree(saved.model().weights().data));
        json.add("bias", gson.toJsonTree(saved.model().bias().data));
        JsonObject config = new JsonObject();
        config.addProperty("batchSize", saved.config().batchSize());
        config.addProperty("learningRate", saved.config().learningRate());
        config.addProperty("seed", saved.config().seed());
        json.add("config", config);
        json.addProperty("step", saved.step());
        return json;
    }

    @Test
    void version1FilesStillLoad() throws IOException {
        SavedModel saved = trained(TrainingConfig.defaults().withBatchSize(5).withLearningRate(0.3), 40);
        Path file = Files.writeString(dir.resolve("v1.json"), version1(saved).toString());
        SavedModel loaded = ModelStore.load(file);
        assertThat(loaded.isOneLayer()).isTrue();
        assertThat(loaded.model().weights().data).containsExactly(saved.model().weights().data);
        assertThat(loaded.model().bias().data).containsExactly(saved.model().bias().data);
        assertThat(loaded.step()).isEqualTo(40);
    }

    private Path corrupt(java.util.function.Consumer<JsonObject> change) throws IOException {
        JsonObject json = version1(trained(TrainingConfig.defaults(), 3));
        change.accept(json);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.toString());
        return bad;
    }

    @Test
    void craftedModelsAreRefusedInsteadOfGivingWrongOutput() throws IOException {
        // issue 13 item 9: each of these loaded, then overflowed, printed NaN or ran with a bad shape
        Path step = corrupt(j -> j.addProperty("step", Long.MAX_VALUE));
        assertThatThrownBy(() -> ModelStore.load(step)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("bad.json: step 9223372036854775807 is out of range");
        Path huge = corrupt(j -> j.getAsJsonArray("weights").set(7, new com.google.gson.JsonPrimitive(3e38)));
        assertThatThrownBy(() -> ModelStore.load(huge)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("bad.json: weights[7] is 3.0E38, larger in magnitude than");
        Path hugeBias = corrupt(j -> j.getAsJsonArray("bias").set(1, new com.google.gson.JsonPrimitive(-1e30)));
        assertThatThrownBy(() -> ModelStore.load(hugeBias)).hasMessageStartingWith("bad.json: bias[1] is -1.0E30");
        Path negative = corrupt(j -> {
            j.addProperty("imageRows", -28);
            j.addProperty("imageCols", -28);
        });
        assertThatThrownBy(() -> ModelStore.load(negative)).isInstanceOf(ModelFileException.class)
                .hasMessage("bad.json: image size -28x-28 is not positive");
    }

    @Test
    void aModelFileLargerThanAnyRealModelIsRefusedBeforeReading() throws IOException {
        // issue 13 item 5: a 210 MB file took 3.4 GB of heap; the size alone decides now
        Path big = dir.resolve("big.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(210L << 20); // sparse: no disk space used
        }
        assertThatThrownBy(() -> ModelStore.load(big)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("big.json: 220200960 bytes, larger than the ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void wrongVersionDimensionsMissingFieldsAndNaNAreOneLineErrors() throws IOException {
        Path version = corrupt(j -> j.addProperty("formatVersion", 99));
        assertThatThrownBy(() -> ModelStore.load(version)).isInstanceOf(ModelFileException.class)
                .hasMessage("bad.json: formatVersion 99 is not supported (this studio reads 1 and 2)");

        Path dims = corrupt(j -> j.addProperty("inputs", 785));
        assertThatThrownBy(() -> ModelStore.load(dims)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("bad.json: image size");

        Path weights = corrupt(j -> j.addProperty("classes", 9));
        assertThatThrownBy(() -> ModelStore.load(weights))
                .hasMessage("bad.json: weights hold 7840 values, dimensions 9x784 need 7056");

        Path missing = corrupt(j -> j.remove("bias"));
        assertThatThrownBy(() -> ModelStore.load(missing)).hasMessage("bad.json: missing field \"bias\"");

        Path nan = corrupt(j -> j.getAsJsonArray("weights").set(5, new com.google.gson.JsonPrimitive(Double.NaN)));
        assertThatThrownBy(() -> ModelStore.load(nan)).hasMessage("bad.json: weights[5] is NaN, not a finite number");

        Path augmentation = corrupt(j -> {
            com.google.gson.JsonObject a = new com.google.gson.JsonObject();
            a.addProperty("rotation", -5);
            j.getAsJsonObject("config").add("augmentation", a);
        });
        assertThatThrownBy(() -> ModelStore.load(augmentation)).isInstanceOf(ModelFileException.class)
                .hasMessage("bad.json: config: rotation must be from 0 to 180 degrees, got -5.0");
    }

    @Test
    void notJsonEmptyAndMissingFiles() throws IOException {
        Path text = Files.writeString(dir.resolve("t.json"), "weights: [1, 2");
        assertThatThrownBy(() -> ModelStore.load(text)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("t.json: not a valid model JSON");
        Path empty = Files.writeString(dir.resolve("e.json"), "");
        assertThatThrownBy(() -> ModelStore.load(empty)).hasMessage("e.json: empty file");
        assertThatThrownBy(() -> ModelStore.load(dir.resolve("none.json"))).hasMessage("none.json: no such file");
    }

    @Test
    void failedWriteLeavesThePreviousFileWhole() throws IOException {
        Path file = dir.resolve("keep.json");
        Files.writeString(file, "previous");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of a new".getBytes());
            throw new IOException("disk full");
        })).hasMessage(file + ": disk full");
        assertThat(Files.readString(file)).isEqualTo("previous");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writeNewNeverOverwrites() throws IOException {
        Path file = dir.resolve("a.txt");
        AtomicFiles.writeNew(file, out -> out.write('1'));
        assertThatThrownBy(() -> AtomicFiles.writeNew(file, out -> out.write('2')))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("1");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
