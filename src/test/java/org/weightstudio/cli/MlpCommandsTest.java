package org.weightstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.TestData;
import org.weightstudio.common.ExitCodes;
import org.weightstudio.persistence.ModelStore;
import org.weightstudio.persistence.SnapshotSidecar;

/** train, snapshot, predict and robustness with --arch mlp and several --model files. */
class MlpCommandsTest {
    @TempDir
    Path dir;

    @Test
    void trainsSnapshotsAndComparesAnMlpWithTheOneLayerNet() throws IOException {
        Path data = TestData.writeMnistSlice(dir.resolve("data"), 600, 100);
        Path mlp = dir.resolve("mlp.json");
        Path one = dir.resolve("one.json");
        SnapshotCommandTest.Result train = SnapshotCommandTest.run("train", "--arch", "mlp", "--hidden", "16",
                "--data", data.toString(), "--steps", "60", "--save", mlp.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).containsPattern("samples_per_cpu_s=\\d+ .*arch=mlp:784-16-10");
        assertThat(ModelStore.load(mlp).architecture().describe()).isEqualTo("mlp 784-16-10");
        assertThat(SnapshotCommandTest.run("train", "--data", data.toString(), "--steps", "30", "--save",
                one.toString()).code()).isZero();

        Path pictures = dir.resolve("pics");
        SnapshotCommandTest.Result snap = SnapshotCommandTest.run("snapshot", "--arch", "mlp", "--hidden", "16",
                "--data", data.toString(), "--steps", "40", "--every", "20", "--out", pictures.toString());
        assertThat(snap.code()).as(snap.err()).isZero();
        List<Path> sidecars;
        try (Stream<Path> files = Files.list(pictures)) {
            sidecars = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(sidecars).hasSize(2);
        assertThat(SnapshotSidecar.read(sidecars.get(1)).architecture()).isEqualTo("mlp 784-16-10");

        Path digit = Path.of("assets/handwriting/font-003-nimbus.sans_3.png");
        SnapshotCommandTest.Result predict = SnapshotCommandTest.run("predict", "--model", one.toString(), "--model",
                mlp.toString(), digit.toString());
        assertThat(predict.code()).as(predict.err()).isZero();
        String[] lines = predict.out().split("\n");
        assertThat(lines[0]).isEqualTo("# file\tone (softmax 784-10)\tmlp (mlp 784-16-10)");
        assertThat(lines[1].split("\t")).hasSize(3);

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"formatVersion\": 2, \"layers\": []}");
        SnapshotCommandTest.Result refused = SnapshotCommandTest.run("predict", "--model", bad.toString(),
                digit.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.DATA);
        assertThat(refused.err().strip().lines()).hasSize(1);
    }
}
