package org.weightstudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.training.TrainingConfig;

class StudioSettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void savedSettingsComeBack() throws Exception {
        StudioSettingsStore store = new StudioSettingsStore(dir.resolve("sub/settings.json"));
        StudioSettings s = StudioSettings.defaults();
        s.refreshInterval = 250;
        s.pace = 12.5;
        s.learningRate = 0.01;
        s.batchSize = 64;
        s.l2 = 1e-4;
        s.decay = 2.5;
        s.scaleMode = "PER_TILE";
        s.windowWidth = 1200;
        s.snapshotFolder = "/tmp/pictures";
        s.historyFrames = 500;
        store.save(s);
        StudioSettingsStore.Loaded loaded = store.load();
        assertThat(loaded.warning()).isNull();
        assertThat(loaded.settings()).usingRecursiveComparison().isEqualTo(s);
    }

    @Test
    void aBlankSnapshotFolderOrABadHistoryBoundFallBack() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"snapshotFolder\": \" \", \"historyFrames\": 0}");
        StudioSettings s = new StudioSettingsStore(file).load().settings();
        assertThat(s.snapshotFolder).isEqualTo("snapshots");
        assertThat(s.historyFrames).isEqualTo(2000);
    }

    @Test
    void missingFileMeansDefaultsWithoutWarning() {
        StudioSettingsStore.Loaded loaded = new StudioSettingsStore(dir.resolve("none.json")).load();
        assertThat(loaded.warning()).isNull();
        assertThat(loaded.settings()).usingRecursiveComparison().isEqualTo(StudioSettings.defaults());
    }

    @Test
    void corruptFileMeansDefaultsAndOneWarning() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"refreshInterval\": [1, 2");
        StudioSettingsStore.Loaded loaded = new StudioSettingsStore(file).load();
        assertThat(loaded.warning()).contains("settings.json").contains("defaults");
        assertThat(loaded.settings()).usingRecursiveComparison().isEqualTo(StudioSettings.defaults());
    }

    @Test
    void outOfRangeValuesFallBackOneByOne() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"refreshInterval\": 0, \"learningRate\": -1, \"batchSize\": 8, \"scaleMode\": \"WILD\"}");
        StudioSettings s = new StudioSettingsStore(file).load().settings();
        assertThat(s.refreshInterval).isEqualTo(1);
        assertThat(s.learningRate).isEqualTo(0.05);
        assertThat(s.batchSize).isEqualTo(8);
        assertThat(s.scaleMode).isEqualTo(StudioSettings.defaults().scaleMode);
    }

    @Test
    void anOldFileWithoutL2OrDecayGetsTheTrainingDefaultsAndKeepsItsOwnValues() throws Exception {
        Path file = dir.resolve("settings.json");
        // a settings file as written before l2 and decay were settings
        Files.writeString(file, "{\"formatVersion\": 1, \"pace\": 0, \"learningRate\": 0.02, \"batchSize\": 2}");
        StudioSettings s = new StudioSettingsStore(file).load().settings();
        assertThat(s.l2).isEqualTo(TrainingConfig.defaults().l2());
        assertThat(s.decay).isEqualTo(TrainingConfig.defaults().decay());
        assertThat(s.learningRate).isEqualTo(0.02);
        assertThat(s.pace).isZero();
    }

    @Test
    void negativeL2AndDecayFallBack() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"l2\": -1, \"decay\": -0.5}");
        StudioSettings s = new StudioSettingsStore(file).load().settings();
        assertThat(s.l2).isEqualTo(TrainingConfig.DEFAULT_L2);
        assertThat(s.decay).isEqualTo(TrainingConfig.DEFAULT_DECAY);
    }

    @Test
    void freshSettingsTrainWithTheSameValuesAsTheTrainCommand() {
        StudioSettings s = StudioSettings.defaults();
        TrainingConfig d = TrainingConfig.defaults();
        assertThat(new double[] {s.learningRate, s.l2, s.decay, s.batchSize, s.seed})
                .containsExactly(d.learningRate(), d.l2(), d.decay(), d.batchSize(), d.seed());
    }
}
