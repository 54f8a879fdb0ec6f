package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.within;

import org.weightstudio.TestData;
import org.weightstudio.analysis.Clarity;
import org.weightstudio.analysis.ClarityTemplates;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.training.TrainingConfig;
import org.weightstudio.persistence.ModelStore;
import picocli.CommandLine;

class CliTest {
    @TempDir
    static Path dir;
    static Path data;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void writeData() throws IOException {
        data = TestData.writeMnistSlice(dir.resolve("small"), 2000, 500);
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

    @Test
    void trainPrintsProgressAndSummaryAndSaves() {
        Path model = dir.resolve("model.json");
        Result r = run("train", "--data", data.toString(), "--steps", "400", "--batch", "10", "--lr", "0.3",
                "--eval-every", "100", "--save", model.toString());

        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(Arrays.stream(lines).filter(l -> l.startsWith("step "))).hasSize(4);
        assertThat(lines[0]).matches("step 100  epoch 0\\.50  loss \\d\\.\\d{4}  \\d+ samples/s  test_accuracy=0\\.\\d{4}");
        assertThat(r.out()).containsPattern("done steps=400 .* test_accuracy=0\\.(8|9)\\d{3}");
        assertThat(ModelStore.load(model).step()).isEqualTo(400);

        Result more = run("train", "--data", data.toString(), "--load", model.toString(), "--steps", "100");
        assertThat(more.code()).as(more.err()).isZero();
        assertThat(more.out()).contains("done steps=500 ").contains("batch=10 lr=0.3 ");
    }

    @Test
    void trainEndsWithTheClarityOfTheTemplatesItSaved() {
        Path model = dir.resolve("clarity.json");
        Result r = run("train", "--data", data.toString(), "--steps", "500", "--save", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String done = Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith("done ")).findFirst().orElseThrow();
        // no flags: the window's defaults
        TrainingConfig d = TrainingConfig.defaults();
        assertThat(done).contains("batch=" + d.batchSize() + " lr=" + d.learningRate() + " decay=" + d.decay()
                + " l2=" + d.l2() + " ");

        Clarity expected = ClarityTemplates.of(DatasetLoader.load(data).train(), 10)
                .measure(ModelStore.load(model).model().weights().data).orElseThrow();
        assertThat(field(done, "clarity_mean")).isCloseTo(expected.mean(), within(5e-5));
        assertThat(field(done, "clarity_min")).isCloseTo(expected.min(), within(5e-5));
        for (int k = 0; k < 10; k++) {
            assertThat(field(done, "clarity_" + k)).as("class %d", k).isCloseTo(expected.of(k), within(5e-5));
        }
        // 500 updates on 2,000 images already draw digits
        assertThat(expected.mean()).isGreaterThan(0.3);
    }

    private static double field(String line, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + name + "=(-?\\d\\.\\d{4})\\b").matcher(line);
        assertThat(m.find()).as("%s in %s", name, line).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void truncatedDataIsExit65WithOneLine() throws IOException {
        Path bad = TestData.writeMnistSlice(dir.resolve("truncated"), 100, 50);
        Path images = bad.resolve("train-images-idx3-ubyte.gz");
        byte[] raw = TestData.idx3(new byte[100 * 784], 100, 28, 28);
        Files.write(images, TestData.gzip(Arrays.copyOf(raw, 16 + 41 * 784)));

        Result r = run("train", "--data", bad.toString(), "--steps", "1");

        assertThat(r.code()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err()).isEqualTo("weight-studio: train-images-idx3-ubyte.gz: truncated: header declares 100 "
                + "images of 28x28, file holds 41\n");
    }

    @Test
    void mislabelledDataIsExit65() throws IOException {
        Path bad = TestData.writeMnistSlice(dir.resolve("mislabelled"), 100, 50);
        byte[] labels = new byte[100];
        labels[3] = (byte) 200;
        Files.write(bad.resolve("train-labels-idx1-ubyte.gz"), TestData.gzip(TestData.idx1(labels)));

        Result r = run("train", "--data", bad.toString(), "--steps", "1");

        assertThat(r.code()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err()).contains("label 200 at index 3").hasLineCount(1);
    }

    @Test
    void modelWithWrongDimensionsIsExit65() throws IOException {
        Path model = dir.resolve("dims.json");
        Files.writeString(model, "{\"formatVersion\":1,\"classes\":2,\"inputs\":4,\"weights\":[1,2,3,4,5,6,7,8],"
                + "\"bias\":[0,0],\"step\":0,\"config\":{}}");

        Result r = run("train", "--data", data.toString(), "--load", model.toString(), "--steps", "1");

        assertThat(r.code()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err()).isEqualTo("weight-studio: dims.json: model is 2x4 but dataset small needs 10x784\n");
    }

    @Test
    void usageErrorsAreExit64() {
        Result unknown = run("train", "--bogus");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).startsWith("weight-studio: Unknown option: '--bogus'");

        Result lr = run("train", "--data", data.toString(), "--lr", "-1");
        assertThat(lr.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(lr.err()).isEqualTo("weight-studio: learning rate must be a positive number, got -1.0\n");

        Result both = run("train", "--epochs", "1", "--steps", "2");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);

        Result batch = run("train", "--data", data.toString(), "--batch", "5000");
        assertThat(batch.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(batch.err()).contains("--batch 5000 is larger than the 2000 training images");
    }

    @Test
    void unwritableSaveTargetIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Result r = run("train", "--data", data.toString(), "--steps", "5", "--save", file.resolve("m.json").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).startsWith("weight-studio: ").hasLineCount(1);
    }

    @Test
    void helpAndVersion() {
        Result version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("weight-studio ");
        Result help = run("train", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--batch=N", "--eval-every=S", "--save=FILE");
    }

    @Test
    void launcherRoutesCommandsAndWindowOptions() {
        assertThat(Cli.handles("train")).isTrue();
        assertThat(Cli.handles("--version")).isTrue();
        assertThat(Cli.handles("--autostart")).isFalse();
    }
}
