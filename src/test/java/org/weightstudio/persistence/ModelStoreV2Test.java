package org.weightstudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.TestData;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.Tensor;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

/** Model files of format version 2: layers, shapes and named tensors, for any architecture. */
class ModelStoreV2Test {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @TempDir
    Path dir;

    private SavedModel trainedMlp(int steps) {
        TrainingConfig config = TrainingConfig.mlpDefaults().withBatchSize(8);
        Trainer t = new Trainer(Architecture.mlp(28, 28, 10, 16, 8).build(), TestData.mnist().train().head(1000),
                config, 0);
        for (int i = 0; i < steps; i++) {
            t.step();
        }
        return new SavedModel(t.network(), "mnist", DIGITS, 28, 28, config, t.steps(), 0.5);
    }

    @Test
    void anMlpRoundTripsBitForBitAndPredictsTheSame() throws IOException {
        SavedModel saved = trainedMlp(60);
        Path file = dir.resolve("mlp.json");
        ModelStore.save(file, saved);
        SavedModel loaded = ModelStore.load(file);

        assertThat(loaded.architecture().describe()).isEqualTo("mlp 784-16-8-10");
        assertThat(loaded.isOneLayer()).isFalse();
        List<Tensor> a = saved.network().parameters();
        List<Tensor> b = loaded.network().parameters();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).name()).isEqualTo(a.get(i).name());
            assertThat(b.get(i).shape()).isEqualTo(a.get(i).shape());
            assertThat(b.get(i).data()).containsExactly(a.get(i).data());
        }
        ImageSet test = TestData.mnist().test();
        float[] x = new float[784];
        for (int i = 0; i < 100; i++) {
            test.toFloats(i, x);
            assertThat(loaded.network().predict(x)).isEqualTo(saved.network().predict(x));
        }
        assertThat(Files.readString(file)).contains("\"formatVersion\":2").contains("\"dense1.W\"");
    }

    @Test
    void resumingAnMlpFromAFileContinuesAsIfNeverStopped() throws IOException {
        SavedModel half = trainedMlp(40);
        Path file = dir.resolve("half.json");
        ModelStore.save(file, half);
        SavedModel loaded = ModelStore.load(file);
        Network net = loaded.network();
        Trainer resumed = new Trainer(net, TestData.mnist().train().head(1000), loaded.config(), loaded.step());
        for (int i = 0; i < 40; i++) {
            resumed.step();
        }
        Network straight = trainedMlp(80).network();
        for (int i = 0; i < net.parameters().size(); i++) {
            assertThat(net.parameters().get(i).data()).containsExactly(straight.parameters().get(i).data());
        }
    }

    private Path corrupt(Consumer<JsonObject> change) throws IOException {
        Path good = dir.resolve("good.json");
        Files.deleteIfExists(good);
        ModelStore.save(good, trainedMlp(2));
        JsonObject json = JsonParser.parseString(Files.readString(good)).getAsJsonObject();
        change.accept(json);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.toString());
        return bad;
    }

    private static JsonObject tensor(JsonObject json, int i) {
        return json.getAsJsonArray("tensors").get(i).getAsJsonObject();
    }

    @Test
    void badVersion2FilesAreOneLineErrors() throws IOException {
        Path shape = corrupt(j -> {
            JsonArray s = new JsonArray();
            s.add(16);
            s.add(784);
            tensor(j, 0).add("shape", s);
        });
        assertThatThrownBy(() -> ModelStore.load(shape)).isInstanceOf(ModelFileException.class)
                .hasMessage("bad.json: tensor dense1.W has shape 16x784, its layer needs 784x16");

        Path missing = corrupt(j -> j.getAsJsonArray("tensors").remove(3));
        assertThatThrownBy(() -> ModelStore.load(missing)).hasMessage("bad.json: missing tensor \"dense2.b\"");

        Path nan = corrupt(j -> tensor(j, 2).getAsJsonArray("values").set(7, new JsonPrimitive(Double.NaN)));
        assertThatThrownBy(() -> ModelStore.load(nan)).hasMessage("bad.json: dense2.W[7] is NaN, not a finite number");

        Path type = corrupt(j -> j.getAsJsonArray("layers").get(1).getAsJsonObject().addProperty("type", "gelu"));
        assertThatThrownBy(() -> ModelStore.load(type))
                .hasMessage("bad.json: unknown layer type \"gelu\" (layer relu1)");

        Path chain = corrupt(j -> {
            JsonArray in = new JsonArray();
            in.add(17);
            j.getAsJsonArray("layers").get(2).getAsJsonObject().add("input", in);
        });
        assertThatThrownBy(() -> ModelStore.load(chain)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("bad.json: dense2 takes 17 but relu1 gives 16");

        Path short_ = corrupt(j -> tensor(j, 1).getAsJsonArray("values").remove(0));
        assertThatThrownBy(() -> ModelStore.load(short_))
                .hasMessage("bad.json: tensor dense1.b holds 15 values, shape 16 needs 16");

        Path stray = corrupt(j -> {
            JsonObject t = tensor(j, 1).deepCopy();
            t.addProperty("name", "dense9.b");
            j.getAsJsonArray("tensors").add(t);
        });
        assertThatThrownBy(() -> ModelStore.load(stray)).hasMessage("bad.json: tensor \"dense9.b\" belongs to no layer");
    }
}
