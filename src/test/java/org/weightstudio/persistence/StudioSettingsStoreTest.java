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
    void theAugmentedModelsComeBackAndAnOldFileAugmentsNone() throws Exception {
        StudioSettingsStore store = new StudioSettingsStore(dir.resolve("settings.json"));
        StudioSettings s = StudioSettings.defaults();
        s.augment = new String[] {"mlp", "cnn"};
        store.save(s);
        assertThat(store.load().settings().augment).containsExactly("mlp", "cnn");

        // written before the window had an Augment box
        Files.writeString(store.file(), "{\"formatVersion\": 1, \"batchSize\": 4}");
        StudioSettingsStore.Loaded old = store.load();
        assertThat(old.warning()).isNull();
        assertThat(old.settings().augment).isEmpty();
        assertThat(old.settings().batchSize).isEqualTo(4);
    }

    @Test
    void anAugmentListNamingNoModelOrOfTheWrongTypeFallsBackAlone() throws Exception {
        Path file = dir.resolve("settings.json");
        for (String bad : new String[] {"[\"mlp\", \"rnn\"]", "true", "[\"cnn\", \"cnn\"]", "[null]"}) {
            Files.writeString(file, "{\"augment\": " + bad + ", \"batchSize\": 4}");
            StudioSettingsStore.Loaded loaded = new StudioSettingsStore(file).load();
            assertThat(loaded.settings().augment).as(bad).isEmpty();
            assertThat(loaded.settings().batchSize).as(bad).isEqualTo(4);
            assertThat(loaded.warning()).as(bad).contains("augment");
        }
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

    @Test
    void aValueOfTheWrongTypeFallsBackAloneAndTheRestIsKept() throws Exception {
        // issue 13 item 2: this file came back as all defaults
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"refreshInterval\":\"fast\",\"batchSize\":10,\"seed\":7,\"pace\":true,"
                + "\"learningRate\":{\"a\":1},\"scaleMode\":\"PER_TILE\",\"testEvery\":1e40,\"windowWidth\":1200}");
        StudioSettingsStore.Loaded loaded = new StudioSettingsStore(file).load();
        StudioSettings s = loaded.settings();
        assertThat(s.batchSize).isEqualTo(10);
        assertThat(s.seed).isEqualTo(7);
        assertThat(s.scaleMode).isEqualTo("PER_TILE");
        assertThat(s.windowWidth).isEqualTo(1200);
        assertThat(s.refreshInterval).isEqualTo(1);
        assertThat(s.pace).isEqualTo(org.weightstudio.training.Pace.TIME_LAPSE_SETTING);
        assertThat(s.learningRate).isEqualTo(0.05);
        assertThat(s.testEvery).isEqualTo(5000);
        assertThat(loaded.warning()).contains("settings.json").contains("refreshInterval").contains("pace")
                .contains("learningRate").contains("testEvery").doesNotContain("\n");
        assertThat(backups()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadAtAllIsKeptAsABackupBeforeAnythingIsWritten() throws Exception {
        Path file = dir.resolve("settings.json");
        String truncated = "{\"refreshInterval\": 25, \"batchSize\": 1";
        Files.writeString(file, truncated);
        StudioSettingsStore store = new StudioSettingsStore(file);
        StudioSettingsStore.Loaded loaded = store.load();
        assertThat(loaded.warning()).contains("settings.json.bad-");
        assertThat(backups()).hasSize(1);
        assertThat(Files.readString(backups().get(0))).isEqualTo(truncated);
        store.save(loaded.settings());
        assertThat(Files.readString(backups().get(0))).isEqualTo(truncated);
    }

    @Test
    void aPathOrNumberThatWouldCrashAStartFallsBackWithAWarning() throws Exception {
        // issue 13 item 4: a NUL in snapshotFolder threw InvalidPathException on every start
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"snapshotFolder\":\"a\\u0000b\",\"batchSize\":2000000000,"
                + "\"historyFrames\":100000000,\"historyHeapPercent\":99,\"windowHeight\":\"NaN\"}");
        StudioSettingsStore.Loaded loaded = new StudioSettingsStore(file).load();
        StudioSettings s = loaded.settings();
        assertThat(s.snapshotFolder).isEqualTo("snapshots");
        assertThat(s.batchSize).isEqualTo(2);
        assertThat(s.historyFrames).isEqualTo(2000);
        assertThat(s.historyHeapPercent).isEqualTo(25);
        assertThat(s.windowHeight).isEqualTo(StudioSettings.defaults().windowHeight);
        assertThat(loaded.warning()).contains("snapshotFolder").doesNotContain("\n").doesNotContain("\u0000");
    }

    @Test
    void anArrayOrNumberInsteadOfAnObjectIsUnreadable() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "[1, 2]");
        StudioSettingsStore.Loaded loaded = new StudioSettingsStore(file).load();
        assertThat(loaded.settings()).usingRecursiveComparison().isEqualTo(StudioSettings.defaults());
        assertThat(loaded.warning()).contains("not a settings object");
        assertThat(backups()).hasSize(1);
    }

    private java.util.List<Path> backups() throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("settings.json.bad-")).toList();
        }
    }
}
