package org.weightstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.TestData;
import org.weightstudio.common.ExitCodes;
import org.weightstudio.data.Augmentation;
import org.weightstudio.persistence.ModelStore;
import org.weightstudio.persistence.SavedModel;

/** {@code --augment} and its ranges on train and snapshot; saved with the model, resumed with it. */
class AugmentOptionsTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeData() throws IOException {
        data = TestData.writeMnistSlice(dir.resolve("small"), 1000, 200);
    }

    @Test
    void augmentAloneTrainsWithTheDefaultRangesAndSavesThem() {
        Path model = dir.resolve("aug.json");
        CliTest.Result r = CliTest.run("train", "--data", data.toString(), "--steps", "50", "--batch", "10",
                "--augment", "--save", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("augmenting: rotation +-15 deg, scale 0.8-1.2, shift +-3 px, pen thicker 0.25"
                + " / thinner 0.167 of the images\n");
        assertThat(ModelStore.load(model).config().augmentation()).isEqualTo(Augmentation.DEFAULTS);
    }

    @Test
    void eachRangeOptionReplacesOneDefaultAndImpliesAugment() {
        Path model = dir.resolve("ranges.json");
        CliTest.Result r = CliTest.run("train", "--data", data.toString(), "--steps", "20", "--batch", "5",
                "--augment-rotate", "30", "--augment-scale", "0.9,1.1", "--save", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ModelStore.load(model).config().augmentation())
                .isEqualTo(Augmentation.DEFAULTS.withRotation(30).withScale(0.9, 1.1));
    }

    @Test
    void aResumedRunKeepsTheSavedRangesAndEqualsAnUninterruptedOne() {
        Path half = dir.resolve("half.json");
        Path whole = dir.resolve("whole.json");
        String[] common = {"--data", data.toString(), "--batch", "10", "--augment-shift", "2"};
        assertThat(CliTest.run(concat(new String[] {"train", "--steps", "60", "--save", half.toString()}, common))
                .code()).isZero();
        CliTest.Result more = CliTest.run("train", "--data", data.toString(), "--load", half.toString(), "--steps",
                "40", "--save", half.toString());
        assertThat(more.code()).as(more.err()).isZero();
        assertThat(more.out()).startsWith("augmenting: ").contains("shift +-2 px");
        assertThat(CliTest.run(concat(new String[] {"train", "--steps", "100", "--save", whole.toString()}, common))
                .code()).isZero();
        SavedModel a = ModelStore.load(half);
        SavedModel b = ModelStore.load(whole);
        assertThat(a.step()).isEqualTo(100);
        assertThat(a.model().weights().data).isEqualTo(b.model().weights().data);
    }

    @Test
    void badRangesAreUsageErrorsNamingTheOption() {
        CliTest.Result reversed = CliTest.run("train", "--data", data.toString(), "--steps", "1", "--augment-scale",
                "1.2,0.8");
        assertThat(reversed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(reversed.err()).contains("--augment").contains("1.2,0.8").doesNotContain("Exception");
        CliTest.Result single = CliTest.run("train", "--data", data.toString(), "--steps", "1", "--augment-pen", "0.5");
        assertThat(single.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(single.err()).contains("--augment-pen takes two numbers");
        CliTest.Result tooLikely = CliTest.run("train", "--data", data.toString(), "--steps", "1", "--augment-pen",
                "0.8,0.5");
        assertThat(tooLikely.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooLikely.err().lines().count()).isEqualTo(1);
    }

    @Test
    void snapshotAugmentsAndRecordsTheRangesInTheSidecar() throws IOException {
        Path out = dir.resolve("snaps");
        CliTest.Result r = CliTest.run("snapshot", "--data", data.toString(), "--steps", "20", "--every", "10",
                "--augment", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("augmenting: ");
        try (var files = Files.list(out)) {
            Path sidecar = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
            assertThat(Files.readString(sidecar)).contains("\"augmentation\": \"--augment-shift 3 --augment-scale 0.8,1.2 "
                    + "--augment-rotate 15 --augment-pen 0.25,0.1667\"");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
