package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.analysis.DigitPictures;
import org.weightstudio.analysis.TestModels;
import org.weightstudio.persistence.ModelStore;
import org.weightstudio.persistence.SavedModel;
import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine;

/** predict, explain and robustness, run in-process on the small test model and our own pictures. */
class DigitCommandsTest {
    @TempDir
    Path dir;
    private Path model;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void saveSmallModel() throws IOException {
        model = dir.resolve("small.json");
        ModelStore.save(model, new SavedModel(TestModels.small(), "mnist", TestModels.mnist().classNames(), 28, 28,
                new TrainingConfig(100, 0.5, 0, 1, 42, 0), 150, Double.NaN));
    }

    private int run(String... args) {
        CommandLine cl = Cli.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path picture(String name, int label) throws IOException {
        BufferedImage image = DigitPictures.generate(5, 10).get(label).image();
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    @Test
    void predictPrintsOneLinePerPicture() throws IOException {
        Path a = picture("a.png", 3);
        Path b = picture("b.png", 7);
        assertThat(run("predict", "--model", model.toString(), a.toString(), b.toString())).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        String[] fields = lines.get(0).split("\t");
        assertThat(fields).hasSize(4);
        assertThat(fields[0]).isEqualTo(a.toString());
        assertThat(fields[1]).matches("[0-9]");
        assertThat(Double.parseDouble(fields[2])).isBetween(0.0, 1.0);
        assertThat(fields[3].split(" ")).hasSize(3).allMatch(s -> s.matches("[0-9]:[01]\\.[0-9]{3}"));
        assertThat(fields[3]).startsWith(fields[1] + ":" + fields[2]);
        assertThat(run("predict", "--raw", "--model", model.toString(), a.toString())).isZero();
    }

    /** The 20 pictures in src/test/resources/digits: PNG and JPEG, dark on light, light on dark, transparent. */
    private static List<String> fixtures() throws IOException {
        Path folder;
        try {
            folder = Path.of(DigitCommandsTest.class.getResource("/digits").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        try (var files = Files.list(folder)) {
            return files.map(Path::toString).sorted().toList();
        }
    }

    private int correct(String... modeArgs) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("predict", "--model", model.toString()));
        args.addAll(List.of(modeArgs));
        args.addAll(fixtures());
        out.getBuffer().setLength(0);
        assertThat(run(args.toArray(String[]::new))).isZero();
        int right = 0;
        for (String line : out.toString().lines().toList()) {
            String[] f = line.split("\t");
            if (DigitPictures.labelOf(Path.of(f[0]).getFileName().toString()) == Integer.parseInt(f[1])) {
                right++;
            }
        }
        return right;
    }

    @Test
    void ourFixturePicturesAreReadInEveryFormAndMostlyRecognised() throws IOException {
        assertThat(fixtures()).hasSize(20);
        int pen = correct();
        int raw = correct("--raw");
        System.out.printf("fixtures (small test model): mnist-pen %d/20, raw %d/20%n", pen, raw);
        assertThat(pen).isGreaterThanOrEqualTo(12);
        assertThat(pen - raw).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aFolderStandsForItsPictures() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("set"));
        ImageIO.write(DigitPictures.generate(5, 10).get(2).image(), "png", folder.resolve("b.png").toFile());
        ImageIO.write(DigitPictures.generate(5, 10).get(3).image(), "jpg", folder.resolve("a.JPG").toFile());
        Files.writeString(folder.resolve("notes.txt"), "not a picture, and not picked up");
        assertThat(run("predict", "--model", model.toString(), folder.toString())).isZero();
        assertThat(out.toString().lines().map(l -> l.split("\t")[0]).toList())
                .containsExactly(folder.resolve("a.JPG").toString(), folder.resolve("b.png").toString());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run("predict", "--model", model.toString(), empty.toString())).isEqualTo(ExitCodes.DATA);
        assertThat(errLines().get(0)).contains("empty").contains("no .png");
    }

    @Test
    void aFileThatIsNotAPictureExitsWith65AndOneLine() throws IOException {
        Path text = Files.writeString(dir.resolve("digit.png"), "hello");
        assertThat(run("predict", "--model", model.toString(), text.toString())).isEqualTo(ExitCodes.DATA);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).contains("digit.png").contains("not a picture");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBlankPictureExitsWith65() throws IOException {
        BufferedImage white = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 280, 280);
        g.dispose();
        Path file = dir.resolve("blank.png");
        ImageIO.write(white, "png", file.toFile());
        // No --model: the picture is checked before any model is trained or loaded.
        assertThat(run("predict", file.toString())).isEqualTo(ExitCodes.DATA);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).contains("blank.png").contains("blank");
    }

    @Test
    void aTruncatedPngExitsWith65() throws IOException {
        Path full = picture("full.png", 4);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertThat(run("predict", "--model", model.toString(), full.toString(), cut.toString())).isEqualTo(ExitCodes.DATA);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).contains("cut.png");
        assertThat(run("explain", "--model", model.toString(), cut.toString(), "--out", dir.resolve("x.png").toString()))
                .isEqualTo(ExitCodes.DATA);
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void explainWritesOnePicture() throws IOException {
        Path a = picture("a.png", 2);
        Path png = dir.resolve("out/explain.png");
        assertThat(run("explain", a.toString(), "--model", model.toString(), "--out", png.toString())).isZero();
        BufferedImage sheet = ImageIO.read(png.toFile());
        assertThat(sheet.getWidth()).isGreaterThan(4 * 224);
        Path all = dir.resolve("all.png");
        assertThat(run("explain", a.toString(), "--all", "--model", model.toString(), "--out", all.toString())).isZero();
        assertThat(ImageIO.read(all.toFile()).getHeight()).isGreaterThan(sheet.getHeight());
    }

    @Test
    void robustnessWritesACsvAndAPlotPerPerturbation() throws IOException {
        Path out = dir.resolve("robust");
        assertThat(run("robustness", "--model", model.toString(), "--limit", "100", "--out", out.toString())).isZero();
        for (String id : new String[] {"shift-x", "shift-y", "scale", "thickness", "rotation"}) {
            List<String> csv = Files.readAllLines(out.resolve("robustness-" + id + ".csv"));
            assertThat(csv.get(0)).isEqualTo(id + ",accuracy");
            assertThat(csv.size()).isGreaterThan(5);
            assertThat(ImageIO.read(out.resolve("robustness-" + id + ".png").toFile())).isNotNull();
        }
        assertThat(Files.readAllLines(out.resolve("robustness-shift-x.csv"))).contains("0," + firstAccuracy());
    }

    /** The unperturbed accuracy as the command printed it, to 4 decimals. */
    private String firstAccuracy() {
        String line = this.out.toString().lines().filter(l -> l.startsWith("unperturbed")).findFirst().orElseThrow();
        return line.split(" ")[3];
    }

    @Test
    void aBadModelFileExitsWith65() throws IOException {
        Path a = picture("a.png", 1);
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"formatVersion\": 1}");
        assertThat(run("predict", "--model", bad.toString(), a.toString())).isEqualTo(ExitCodes.DATA);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).contains("bad.json");
    }
}
