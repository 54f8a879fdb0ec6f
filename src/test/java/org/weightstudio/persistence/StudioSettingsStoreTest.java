package org.weightstudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aFreshWindowGetsTheTimeLapseButAFileSavedWithUnlimitedKeepsIt() throws Exception {
        StudioSettingsStore missing = new StudioSettingsStore(dir.resolve("none/settings.json"));
        assertThat(missing.load().settings().pace).isEqualTo(org.weightstudio.training.Pace.TIME_LAPSE_SETTING);
        Path file = dir.resolve("settings.json");
        // a file written before the time-lapse existed: pace 0 was, and stays, unlimited
        Files.writeString(file, "{\"formatVersion\": 1, \"refreshInterval\": 1, \"pace\": 0}");
        StudioSettings old = new StudioSettingsStore(file).load().settings();
        assertThat(old.pace).isEqualTo(0);
        assertThat(org.weightstudio.training.Pace.fromSetting(old.pace).isUnlimited()).isTrue();
        Files.writeString(file, "{\"pace\": -7}");
        assertThat(new StudioSettingsStore(file).load().settings().pace)
                .isEqualTo(org.weightstudio.training.Pace.TIME_LAPSE_SETTING);
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
        assertThat(s.scaleMode).isEqualTo("SHARED");
    }
}
