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
                3000, 0.1, "mnist", List.of("0", "1"), 2, 0.05, 0.04, 1e-4, 0.5, 42, 0.01, 500, "robust", 4,
                new float[] {0.5f, 0.5f}, new float[] {0.125f, 0.125f}, 2500, 0.31, accuracy, "0.1.0",
                "2026-11-30T14:15:02", "--augment-shift 3 --augment-scale 0.8,1.2 --augment-rotate 15 --augment-pen 0.25,0.1667",
                99.5, new float[] {0.75f, 0.5f}, new float[] {0.25f, 0.125f},
                new float[] {0.01f, 0f}, new float[] {0.005f, 0f}, 0.65, 0.6, new double[] {0.7, 0.6});
    }

    @Test
    void aSidecarWrittenBeforeClarityAndRobustRangesReadsWithThoseMissing() throws Exception {
        Path file = dir.resolve("old.json");
        String json = sample(0.9).toJson();
        // cut every field added with the robust range and clarity
        json = json.substring(0, json.indexOf(",\n  \"rangePercentile\"")) + "\n}";
        Files.writeString(file, json.replace("robust", "shared"));
        SnapshotSidecar old = SnapshotSidecar.read(file);
        assertThat(old.scaleMode()).isEqualTo("shared");
        assertThat(old.weightRange()).containsExactly(0.5f, 0.5f);
        assertThat(old.rangePercentile()).isNull();
        assertThat(old.weightMax()).isNull();
        assertThat(old.clarityMean()).isNull();
        assertThat(old.clarity()).isNull();
    }

    @Test
    void unmeasuredClarityIsLeftOutOfTheFile() {
        SnapshotSidecar s = sample(0.9);
        SnapshotSidecar none = new SnapshotSidecar(s.formatVersion(), s.image(), s.kind(), s.tile(), s.step(), s.epoch(),
                s.dataset(), s.classNames(), s.batch(), s.learningRate(), s.currentLearningRate(), s.l2(), s.decay(),
                s.seed(), s.initScale(), s.refreshInterval(), "shared", s.scale(), s.weightRange(), s.deltaRange(),
                s.deltaFromStep(), s.loss(), s.accuracy(), s.studioVersion(), s.createdAt(), s.augmentation(), null,
                s.weightMax(),
                s.deltaMax(), s.weightClipped(), s.deltaClipped(), null, null, null);
        assertThat(none.toJson()).doesNotContain("clarity").doesNotContain("rangePercentile").contains("weightMax");
        assertThat(s.toJson()).contains("\"clarityMean\": 0.65").contains("\"rangePercentile\": 99.5");
    }

    @Test
    void roundTripsEveryField() throws Exception {
        SnapshotSidecar s = sample(0.914);
        Path file = dir.resolve("s.json");
        s.writeNew(file);
        SnapshotSidecar back = SnapshotSidecar.read(file);
        assertThat(back).usingRecursiveComparison().isEqualTo(s);
        assertThat(Files.readString(file)).contains("\"formatVersion\": 1").contains("\"studioVersion\": \"0.1.0\"")
                .contains("\"scaleMode\": \"robust\"").contains("\"seed\": 42");
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
