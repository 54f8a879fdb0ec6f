package org.weightstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.TestData;
import org.weightstudio.common.ExitCodes;

/** {@code evaluate --images DIR --model ...}: accuracy per model and a confusion matrix; bad folders are one line, exit 65. */
class EvaluateCommandTest {
    @TempDir
    static Path dir;
    static Path good;
    static Path weak;
    static Path pictures;

    @BeforeAll
    static void trainTwoModelsAndDrawPictures() throws IOException {
        Path data = TestData.writeMnistSlice(dir.resolve("small"), 2000, 200);
        good = dir.resolve("good.json");
        weak = dir.resolve("weak.json");
        assertThat(CliTest.run("train", "--data", data.toString(), "--epochs", "3", "--batch", "10", "--lr", "0.3",
                "--save", good.toString()).code()).isZero();
        assertThat(CliTest.run("train", "--data", data.toString(), "--steps", "1", "--batch", "1", "--lr", "0.01",
                "--save", weak.toString()).code()).isZero();
        pictures = Files.createDirectories(dir.resolve("pictures"));
        for (int d = 0; d < 10; d++) {
            digit(pictures.resolve("font-" + d + "_" + d + ".png"), d, 40);
            digit(pictures.resolve("big-" + d + "_" + d + ".png"), d, 90);
        }
    }

    /** A typeset digit, dark on white, 100x100. */
    static void digit(Path file, int d, int size) throws IOException {
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, size));
        g.drawString(Integer.toString(d), 20, 90);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void printsAccuracyPerModelAndKindAndAConfusionMatrix() {
        CliTest.Result r = CliTest.run("evaluate", "--images", pictures.toString(), "--model", good.toString(),
                "--model", weak.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("20 pictures in " + pictures + " (big 10, font 10), preprocessing mnist-pen\n");
        String goodLine = r.out().lines().filter(l -> l.startsWith(good.toString())).findFirst().orElseThrow();
        String weakLine = r.out().lines().filter(l -> l.startsWith(weak.toString())).findFirst().orElseThrow();
        assertThat(goodLine).matches(".*: accuracy=0\\.\\d{4} \\(\\d+/20\\)  loss \\d+\\.\\d{4}  big 0\\.\\d{4} \\(\\d+/10\\)"
                + "  font \\d\\.\\d{4} \\(\\d+/10\\)");
        assertThat(accuracy(goodLine)).isGreaterThan(accuracy(weakLine));
        // two matrices, each a header and ten rows whose counts add up to the pictures
        assertThat(r.out().lines().filter(l -> l.equals("true\\predicted"))).hasSize(2);
        long rowsOfTwo = r.out().lines().filter(l -> l.matches("\\s+\\d( +(\\d+|\\.)){10}\\s+\\d+\\.\\d%")).count();
        assertThat(rowsOfTwo).isEqualTo(20);
    }

    private static double accuracy(String line) {
        return Double.parseDouble(line.replaceAll(".*accuracy=(\\S+) .*", "$1"));
    }

    @Test
    void aNameWithoutALabelIsOneLineNamingTheFileAndExit65() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("unlabelled"));
        digit(folder.resolve("a_1.png"), 1, 60);
        digit(folder.resolve("seven.png"), 7, 60);
        CliTest.Result r = CliTest.run("evaluate", "--images", folder.toString(), "--model", good.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err()).isEqualTo("weight-studio: " + folder.resolve("seven.png")
                + ": no label in the file name (expected NAME_L.png, L the class, e.g. scan-12_7.png)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBrokenPictureAnEmptyFolderOrAMissingOneIsExit65() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("broken"));
        digit(folder.resolve("a_1.png"), 1, 60);
        Files.write(folder.resolve("b_2.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        CliTest.Result broken = CliTest.run("evaluate", "--images", folder.toString(), "--model", good.toString());
        assertThat(broken.code()).isEqualTo(ExitCodes.DATA);
        assertThat(broken.err()).startsWith("weight-studio: " + folder.resolve("b_2.png") + ": ");
        assertThat(broken.err().lines().count()).isEqualTo(1);

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(CliTest.run("evaluate", "--images", empty.toString()).err()).contains("holds no .png");
        CliTest.Result missing = CliTest.run("evaluate", "--images", dir.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.DATA);
        assertThat(missing.err()).contains("nowhere: no such folder");
    }

    @Test
    void aLabelTheModelHasNoClassForIsExit65() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("eleven"));
        digit(folder.resolve("x_11.png"), 1, 60);
        CliTest.Result r = CliTest.run("evaluate", "--images", folder.toString(), "--model", good.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err()).contains("x_11.png: label 11 but the model has only 10 classes");
        assertThat(r.out()).isEmpty();
    }
}
