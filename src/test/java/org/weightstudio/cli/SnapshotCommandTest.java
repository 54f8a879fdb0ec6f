package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.persistence.SnapshotSidecar;
import org.weightstudio.render.GridOptions;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.render.SnapshotInfo;
import org.weightstudio.render.SnapshotWriter;
import org.weightstudio.training.Frame;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;
import org.weightstudio.analysis.ClarityTemplates;

class SnapshotCommandTest {
    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path dir;

    /** A 600-image slice of the bundled MNIST, written as raw IDX files: a fast dataset. */
    @BeforeAll
    static void writeSmallDataset() throws IOException {
        Dataset mnist = DatasetLoader.loadBundledMnist();
        data = shared.resolve("mnist-small");
        Files.createDirectories(data);
        writeIdx(data, DatasetLoader.TRAIN_IMAGES, DatasetLoader.TRAIN_LABELS, mnist.train().head(600));
        writeIdx(data, DatasetLoader.TEST_IMAGES, DatasetLoader.TEST_LABELS, mnist.test().head(100));
    }

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Cli.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void writesAPictureAndSidecarEveryKStepsThenTheGif() throws Exception {
        Path out = dir.resolve("D");
        Result r = run("snapshot", "--data", data.toString(), "--steps", "60", "--every", "20", "--out", out.toString(),
                "--gif", out.resolve("training.gif").toString(), "--scale", "1");

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        List<String> names = list(out).stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).filteredOn(n -> n.endsWith(".png")).hasSize(3)
                .allMatch(n -> n.matches("grid-\\d{8}-\\d{6}-step0000[246]0\\.png"));
        assertThat(names).filteredOn(n -> n.endsWith(".json")).hasSize(3);
        assertThat(names).contains("training.gif").hasSize(7);
        assertThat(r.out()).contains("step 20 ", "step 40 ", "step 60 ", "wrote " + out.resolve("training.gif")
                + ": 3 frames, 2 fps");
        try (ImageInputStream in = ImageIO.createImageInputStream(out.resolve("training.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(3);
            reader.dispose();
        }
        Path png40 = list(out).stream().filter(p -> p.toString().endsWith("step000040.png")).findFirst().orElseThrow();
        SnapshotSidecar meta = SnapshotSidecar.read(Path.of(png40.toString().replace(".png", ".json")));
        assertThat(meta.step()).isEqualTo(40);
        assertThat(meta.deltaFromStep()).isEqualTo(20);
        assertThat(meta.refreshInterval()).isEqualTo(20);
        assertThat(meta.dataset()).isEqualTo("mnist-small");
        assertThat(meta.seed()).isEqualTo(TrainingConfig.DEFAULT_SEED);
        // clarity of the weights at step 40, against this data set's templates
        Dataset dataset = DatasetLoader.load(data);
        Trainer trainer = new Trainer(new SoftmaxModel(10, 784), dataset.train(), TrainingConfig.defaults());
        for (int i = 0; i < 40; i++) {
            trainer.step();
        }
        double[] expected = ClarityTemplates.of(dataset.train(), 10).measure(trainer.model().weights().data)
                .orElseThrow().perClass();
        assertThat(meta.clarity()).containsExactly(expected, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(meta.clarityMin()).isEqualTo(java.util.Arrays.stream(expected).min().orElseThrow());
        assertThat(r.out()).containsPattern("step 40 .* clarity_mean 0\\.\\d{4}  wrote ");
    }

    @Test
    void aRobustRunSaysItsPercentileAndClippingInTheSidecar() throws Exception {
        Path out = dir.resolve("R");
        Result r = run("snapshot", "--data", data.toString(), "--steps", "200", "--every", "200", "--out",
                out.toString(), "--scale-mode", "robust", "--scale", "1");
        assertThat(r.code()).as(r.err()).isZero();
        Path json = list(out).stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        SnapshotSidecar meta = SnapshotSidecar.read(json);
        assertThat(meta.scaleMode()).isEqualTo("robust");
        assertThat(meta.rangePercentile()).isEqualTo(99.5);
        float range = meta.weightRange()[0];
        for (int k = 0; k < 10; k++) {
            assertThat(meta.weightRange()[k]).isEqualTo(range);
            assertThat(meta.weightClipped()[k]).isBetween(0f, 1f);
        }
        float max = 0;
        float clipped = 0;
        for (int k = 0; k < 10; k++) {
            max = Math.max(max, meta.weightMax()[k]);
            clipped += meta.weightClipped()[k] / 10;
        }
        // the range leaves the largest weights out, at most half a percent of them
        assertThat(range).isLessThan(max);
        assertThat(clipped).isGreaterThan(0f).isLessThanOrEqualTo(0.005f);
    }

    /**
     * The window's recipe, done by hand: publish a frame every K updates with Frame.capture,
     * loss and accuracy over those updates, and save the paused frame with its own delta. The
     * pixels must equal the command line's picture of the same step.
     */
    @Test
    void theWindowsRecipeGivesTheSamePixelsAsTheCommandLine() throws Exception {
        Path out = dir.resolve("D");
        Result r = run("snapshot", "--data", data.toString(), "--steps", "40", "--every", "20", "--out",
                out.toString(), "--seed", "7", "--scale-mode", "per-tile", "--scale", "2");
        assertThat(r.code()).as(r.err()).isZero();
        Path cliPng = list(out).stream().filter(p -> p.toString().endsWith("step000040.png")).findFirst().orElseThrow();

        Dataset dataset = DatasetLoader.load(data);
        TrainingConfig config = TrainingConfig.defaults().withSeed(7);
        Trainer trainer = new Trainer(new SoftmaxModel(10, 784), dataset.train(), config);
        Frame frame = Frame.capture(trainer, null, Double.NaN, Double.NaN);
        for (int published = 0; published < 2; published++) {
            double loss = 0;
            long correct = 0;
            for (int i = 0; i < 20; i++) {
                trainer.step();
                loss += trainer.lastLoss();
                correct += trainer.lastCorrect();
            }
            frame = Frame.capture(trainer, frame, loss / 20, correct / (20.0 * config.batchSize()));
        }
        var window = new SnapshotWriter(java.time.Clock.systemDefaultZone()).saveGrid(dir.resolve("window"), frame,
                new GridOptions(ScaleMode.PER_TILE, 2), new SnapshotInfo(dataset.name(), dataset.classNames(), 20));

        BufferedImage a = ImageIO.read(cliPng.toFile());
        BufferedImage b = ImageIO.read(window.png().toFile());
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()))
                .isEqualTo(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()));
        assertThat(Files.readAllBytes(window.png())).isEqualTo(Files.readAllBytes(cliPng));
    }

    @Test
    void aFolderUnderAFileIsOneLineAndExit74AndWritesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        Result r = run("snapshot", "--data", data.toString(), "--steps", "4", "--every", "2", "--out",
                file.resolve("sub").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.IO);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("weight-studio: ").contains("file.txt/sub");
        assertThat(list(dir)).containsExactly(file);
    }

    @Test
    void anExistingGifIsRefusedBeforeTraining() throws Exception {
        Path gif = Files.writeString(dir.resolve("t.gif"), "keep");
        Result r = run("snapshot", "--data", data.toString(), "--steps", "4", "--every", "2", "--out",
                dir.resolve("D").toString(), "--gif", gif.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("t.gif: file exists");
        assertThat(Files.readString(gif)).isEqualTo("keep");
        assertThat(list(dir.resolve("D"))).isEmpty();
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(run("snapshot", "--data", data.toString(), "--every", "0").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("snapshot", "--data", data.toString(), "--scale", "0").code()).isEqualTo(ExitCodes.USAGE);
        Result mode = run("snapshot", "--scale-mode", "diagonal");
        assertThat(mode.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(mode.err()).contains("'diagonal' is not a scale mode (use shared, per-tile or robust)");
    }

    @Test
    void aCnnRunWritesItsLayerPicturesWithSidecarsAndTheGif() throws Exception {
        Path out = dir.resolve("C");
        Result r = run("snapshot", "--data", data.toString(), "--arch", "cnn", "--steps", "6", "--every", "2",
                "--batch", "4", "--out", out.toString(), "--gif", out.resolve("cnn.gif").toString(), "--scale", "2");

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        List<Path> pngs = list(out).stream().filter(p -> p.toString().endsWith(".png")).toList();
        assertThat(pngs).hasSize(3);
        assertThat(list(out).stream().filter(p -> p.toString().endsWith(".json"))).hasSize(3);
        BufferedImage first = ImageIO.read(pngs.get(0).toFile());
        for (Path png : pngs) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(first.getWidth());
            assertThat(image.getHeight()).isEqualTo(first.getHeight());
        }
        // ten class tiles of 31x31 (16 pooled 7x7 maps, one pixel apart) at 2 px side by side
        assertThat(first.getWidth()).isGreaterThan(10 * 62);
        assertThat(gifFrames(out.resolve("cnn.gif"))).isEqualTo(3);
        assertThat(r.out()).contains("wrote " + out.resolve("cnn.gif") + ": 3 frames");

        SnapshotSidecar meta = SnapshotSidecar.read(Path.of(pngs.get(1).toString().replace(".png", ".json")));
        assertThat(meta.architecture()).isEqualTo("cnn conv5x5x8-pool-conv5x5x16-pool-10");
        assertThat(meta.step()).isEqualTo(4);
        assertThat(meta.deltaFromStep()).isEqualTo(2);
        assertThat(meta.scaleMode()).isEqualTo("robust");
        assertThat(meta.rangePercentile()).isEqualTo(99.5);
        assertThat(meta.clarity()).isNull();
        assertThat(meta.layers()).extracting(SnapshotSidecar.LayerRanges::tensor)
                .containsExactly("conv1.W", "conv2.W", "dense1.W");
        assertThat(meta.layers()).extracting(l -> l.weightRange().length).containsExactly(8, 1, 10);
        assertThat(meta.weightRange()).isEqualTo(meta.layers().get(0).weightRange());
        for (SnapshotSidecar.LayerRanges l : meta.layers()) {
            assertThat(l.weightRange()[0]).isPositive();
            assertThat(l.deltaRange()[0]).isPositive();
        }

        // the same seed replays the same pictures, byte for byte
        Path again = dir.resolve("C2");
        assertThat(run("snapshot", "--data", data.toString(), "--arch", "cnn", "--steps", "6", "--every", "2",
                "--batch", "4", "--out", again.toString(), "--scale", "2").code()).isZero();
        List<Path> replayed = list(again).stream().filter(p -> p.toString().endsWith(".png")).toList();
        for (int i = 0; i < 3; i++) {
            assertThat(Files.readAllBytes(replayed.get(i))).isEqualTo(Files.readAllBytes(pngs.get(i)));
        }
    }

    @Test
    void aPerTileCnnSidecarGivesEachFilterItsOwnRange() throws Exception {
        Path out = dir.resolve("P");
        Result r = run("snapshot", "--data", data.toString(), "--arch", "cnn", "--filters", "4,6", "--hidden", "12",
                "--steps", "2", "--every", "2", "--batch", "2", "--out", out.toString(), "--scale-mode", "per-tile",
                "--scale", "1");
        assertThat(r.code()).as(r.err()).isZero();
        Path json = list(out).stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        SnapshotSidecar meta = SnapshotSidecar.read(json);
        assertThat(meta.architecture()).isEqualTo("cnn conv5x5x4-pool-conv5x5x6-pool-12-10");
        assertThat(meta.scaleMode()).isEqualTo("per-tile");
        assertThat(meta.rangePercentile()).isNull();
        assertThat(meta.layers()).extracting(SnapshotSidecar.LayerRanges::tensor)
                .containsExactly("conv1.W", "conv2.W", "dense1.W", "dense2.W");
        // per tile, each range is that tile's own largest |w|: nothing clipped
        assertThat(meta.weightRange()).isEqualTo(meta.weightMax()).hasSize(4).doesNotHaveDuplicates();
        assertThat(meta.layers().get(2).weightRange()).hasSize(12);
        for (float c : meta.weightClipped()) {
            assertThat(c).isZero();
        }
    }

    @Test
    void badCnnSizesAreOneLineUsageErrorsAndWriteNoPicture() throws Exception {
        for (String[] bad : List.of(new String[] {"--filters", "0,16"}, new String[] {"--filters", "8,x"},
                new String[] {"--filters", "2,2,2,2,2"}, new String[] {"--hidden", "-3"})) {
            Path out = dir.resolve("bad");
            List<String> args = new java.util.ArrayList<>(List.of("snapshot", "--data", data.toString(), "--arch",
                    "cnn", "--steps", "2", "--every", "2", "--out", out.toString()));
            args.addAll(List.of(bad));
            Result r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("weight-studio: ").doesNotContain("Exception");
            assertThat(Files.exists(out) ? list(out) : List.of()).isEmpty();
        }
        Result mlp = run("snapshot", "--data", data.toString(), "--arch", "mlp", "--filters", "8,16");
        assertThat(mlp.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(mlp.err()).contains("--filters applies to --arch cnn only");
    }

    static int gifFrames(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int n = reader.getNumImages(true);
            reader.dispose();
            return n;
        }
    }

    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    /** Raw (not gzip) IDX: magic 0x0803 / 0x0801, big-endian counts, then the bytes. */
    static void writeIdx(Path dir, String imagesName, String labelsName, ImageSet set) throws IOException {
        try (OutputStream o = Files.newOutputStream(dir.resolve(imagesName));
                DataOutputStream d = new DataOutputStream(o)) {
            d.writeInt(0x00000803);
            d.writeInt(set.size());
            d.writeInt(set.rows());
            d.writeInt(set.cols());
            for (int i = 0; i < set.size(); i++) {
                d.write(set.imageBytes(i));
            }
        }
        try (OutputStream o = Files.newOutputStream(dir.resolve(labelsName));
                DataOutputStream d = new DataOutputStream(o)) {
            d.writeInt(0x00000801);
            d.writeInt(set.size());
            for (int i = 0; i < set.size(); i++) {
                d.writeByte(set.label(i));
            }
        }
    }
}
