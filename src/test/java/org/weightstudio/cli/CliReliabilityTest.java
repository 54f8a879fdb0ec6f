package org.weightstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.TestData;
import org.weightstudio.analysis.DigitPictures;
import org.weightstudio.analysis.TestModels;
import org.weightstudio.common.ExitCodes;
import org.weightstudio.persistence.ModelStore;
import org.weightstudio.persistence.SavedModel;
import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine;

/** Issue 13 items 1, 7, 8, 10 and 11 as the commands meet them. */
class CliReliabilityTest {
    @TempDir
    static Path shared;
    static Path data;
    static Path model;
    static Path picture;
    /** A place no one can write, not even root: /proc takes no new files. */
    static final Path UNWRITABLE = Path.of("/proc/weight-studio-test");

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void fixtures() throws IOException {
        data = TestData.writeMnistSlice(shared.resolve("small"), 2000, 500);
        model = shared.resolve("small.json");
        ModelStore.save(model, new SavedModel(TestModels.small(), "mnist", TestModels.mnist().classNames(), 28, 28,
                new TrainingConfig(100, 0.5, 0, 1, 42, 0), 150, Double.NaN));
        picture = shared.resolve("seven.png");
        ImageIO.write(DigitPictures.generate(5, 10).get(7).image(), "png", picture.toFile());
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertOneLine(Result r, int code) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("weight-studio: ").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void divergenceInTheLastUpdateIsAnErrorNotNaNWithExit0() {
        Path save = dir.resolve("m.json");
        Result r = run("train", "--data", data.toString(), "--lr", "1e300", "--steps", "1", "--save", save.toString());
        assertOneLine(r, ExitCodes.DATA);
        assertThat(r.err()).contains("diverged").contains("--lr");
        assertThat(r.out()).doesNotContain("NaN");
        assertThat(save).doesNotExist();
    }

    @Test
    void aHugeL2IsBlamedOnL2BeforeTraining() {
        Result r = run("train", "--data", data.toString(), "--l2", "1e30", "--steps", "5");
        assertOneLine(r, ExitCodes.USAGE);
        assertThat(r.err()).contains("--l2 1.0E30");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void saveThroughASymlinkKeepsTheLinkAndAFifoIsRefusedUntouched() throws Exception {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("dotfiles")).resolve("model.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        Result r = run("train", "--data", data.toString(), "--steps", "10", "--save", link.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(ModelStore.load(real).step()).isEqualTo(10);

        Path fifo = dir.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
        Result device = run("train", "--data", data.toString(), "--steps", "10", "--save", fifo.toString());
        assertOneLine(device, ExitCodes.IO);
        assertThat(device.err()).contains(fifo.toString()).contains("not a regular file");
        assertThat(device.out()).as("refused before training").isEmpty();
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void everyOutputLocationIsCheckedBeforeTheLongWork() {
        Result train = run("train", "--data", data.toString(), "--steps", "10", "--save", UNWRITABLE + "/m.json");
        assertOneLine(train, ExitCodes.IO);
        assertThat(train.out()).isEmpty();

        Result gif = run("snapshot", "--data", data.toString(), "--steps", "20", "--every", "10",
                "--out", dir.resolve("pics").toString(), "--gif", UNWRITABLE + ".gif");
        assertOneLine(gif, ExitCodes.IO);
        assertThat(gif.err()).contains(UNWRITABLE + ".gif");
        assertThat(gif.out()).as("no picture before the check").isEmpty();

        Result snapOut = run("snapshot", "--data", data.toString(), "--steps", "20", "--every", "10",
                "--out", UNWRITABLE.toString());
        assertOneLine(snapOut, ExitCodes.IO);

        Result robustness = run("robustness", "--model", model.toString(), "--limit", "50", "--out", UNWRITABLE.toString());
        assertOneLine(robustness, ExitCodes.IO);
        assertThat(robustness.out()).as("no sweep before the check").isEmpty();

        Result explain = run("explain", "--model", model.toString(), picture.toString(), "--out", UNWRITABLE + ".png");
        assertOneLine(explain, ExitCodes.IO);
    }

    @Test
    void aTabOrNewlineInAFileNameIsEscapedInPredictsColumns() throws Exception {
        Path tabbed = Files.copy(picture, dir.resolve("a\tb\nc.png"));
        Result r = run("predict", "--model", model.toString(), tabbed.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(1);
        String[] columns = r.out().strip().split("\t");
        assertThat(columns).hasSize(4);
        assertThat(columns[0]).endsWith("a\\tb\\nc.png");
    }

    @Test
    void aModelWithAHugeStepCannotBeTrainedOnIntoOverflow() throws Exception {
        Path crafted = dir.resolve("crafted.json");
        Files.writeString(crafted, Files.readString(model).replace("\"step\":150", "\"step\":9223372036854775807"));
        assertThat(Files.readString(crafted)).contains("9223372036854775807");
        Result r = run("train", "--data", data.toString(), "--load", crafted.toString(), "--steps", "1");
        assertOneLine(r, ExitCodes.DATA);
        assertThat(r.err()).contains("crafted.json: step");
    }
}
