package org.weightstudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotSidecarTest {
    @TempDir
    Path dir;

    static SnapshotSidecar sample(Double accuracy) {
        return new SnapshotSidecar(SnapshotSidecar.FORMAT_VERSION, "grid-20261130-141502-step003000.png", "grid", null,
                3000, 0.1, "mnist", List.of("0", "1"), 2, 0.05, 0.04, 1e-4, 0.5, 42, 0.01, 500, "shared", 4,
                new float[] {0.5f, 0.5f}, new float[] {0.125f, 0.125f}, 2500, 0.31, accuracy, "0.1.0",
                "2026-11-30T14:15:02", "--augment-shift 3 --augment-scale 0.8,1.2 --augment-rotate 15 --augment-pen 0.25,0.1667",
                "mlp 784-64-10");
    }

    @Test
    void roundTripsEveryField() throws Exception {
        SnapshotSidecar s = sample(0.914);
        Path file = dir.resolve("s.json");
        s.writeNew(file);
        SnapshotSidecar back = SnapshotSidecar.read(file);
        assertThat(back).usingRecursiveComparison().isEqualTo(s);
        assertThat(Files.readString(file)).contains("\"formatVersion\": 1").contains("\"studioVersion\": \"0.1.0\"")
                .contains("\"scaleMode\": \"shared\"").contains("\"seed\": 42");
    }

    @Test
    void unknownAccuracyIsNullNotNaN() throws Exception {
        assertThat(SnapshotSidecar.finiteOrNull(Double.NaN)).isNull();
        Path file = dir.resolve("s.json");
        sample(null).writeNew(file);
        assertThat(SnapshotSidecar.read(file).accuracy()).isNull();
    }

    @Test
    void anotherFormatVersionIsAOneLineError() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, sample(0.9).toJson().replace("\"formatVersion\": 1", "\"formatVersion\": 9"));
        assertThatThrownBy(() -> SnapshotSidecar.read(file))
                .hasMessage("s.json: formatVersion 9 is not supported (this studio reads 1)");
    }

    @Test
    void garbageIsAOneLineError() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{ not json");
        assertThatThrownBy(() -> SnapshotSidecar.read(file)).hasMessageStartingWith("bad.json: not a valid");
        assertThatThrownBy(() -> SnapshotSidecar.read(dir.resolve("none.json"))).hasMessage("none.json: no such file");
    }

    @Test
    void writeNewNeverOverwrites() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), "keep");
        assertThatThrownBy(() -> sample(0.9).writeNew(file))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("keep");
    }
}
