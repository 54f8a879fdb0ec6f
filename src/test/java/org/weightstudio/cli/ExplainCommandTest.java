package org.weightstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.analysis.DigitPictures;
import org.weightstudio.common.ExitCodes;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.persistence.ModelStore;
import org.weightstudio.persistence.SavedModel;
import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine;

/** explain for the MLP and the CNN: one picture each, laid out as the model's kind needs. */
class ExplainCommandTest {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Cli.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** A model file of {@code a} with seeded initial weights (untrained: the layout is what is tested). */
    private Path model(String name, Architecture a) throws IOException {
        Network n = a.build();
        n.initialize(7, 0);
        Path file = dir.resolve(name);
        ModelStore.save(file, new SavedModel(n, "mnist", DIGITS, 28, 28, TrainingConfig.defaults(), 0, Double.NaN));
        return file;
    }

    private Path picture(int label) throws IOException {
        BufferedImage image = DigitPictures.generate(5, 10).get(label).image();
        Path file = dir.resolve("digit_" + label + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void anMlpsSheetShowsItsTopHiddenUnitsOrAllOfThem() throws IOException {
        Path mlp = model("mlp.json", Architecture.mlp(28, 28, 10, 24));
        Path digit = picture(3);
        Path png = dir.resolve("mlp.png");
        assertThat(run("explain", digit.toString(), "--model", mlp.toString(), "--out", png.toString()))
                .as(err.toString()).isZero();
        BufferedImage top = ImageIO.read(png.toFile());
        // five 224-pixel cells a row: picture, input and the 8 top units make two rows
        assertThat(top.getWidth()).isEqualTo(16 + 5 * (224 + 16));
        Path all = dir.resolve("all.png");
        assertThat(run("explain", digit.toString(), "--all", "--model", mlp.toString(), "--out", all.toString()))
                .isZero();
        BufferedImage every = ImageIO.read(all.toFile());
        // 2 + 24 panels: six rows instead of two
        assertThat(every.getHeight() - top.getHeight()).isEqualTo(4 * (38 + 224 + 16));
        assertThat(out.toString()).contains("digit_3.png\t", "wrote " + png, "wrote " + all);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aCnnsSheetHasARowOfMapsPerEightFiltersOfEachConvolution() throws IOException {
        Path digit = picture(5);
        Path small = dir.resolve("small.png");
        assertThat(run("explain", digit.toString(), "--model", model("cnn.json", Architecture.cnn(28, 28, 10,
                new int[] {8, 16})).toString(), "--out", small.toString())).as(err.toString()).isZero();
        Path big = dir.resolve("big.png");
        assertThat(run("explain", digit.toString(), "--model", model("big.json", Architecture.cnn(28, 28, 10,
                new int[] {16, 32}, 20)).toString(), "--out", big.toString())).as(err.toString()).isZero();
        BufferedImage a = ImageIO.read(small.toFile());
        BufferedImage b = ImageIO.read(big.toFile());
        assertThat(a.getWidth()).isEqualTo(16 + 8 * (112 + 16));
        // picture row + 1 row of conv1 maps + 2 of conv2; then 1 + 2 + 4
        int row = 38 + 112 + 16;
        assertThat(b.getHeight() - a.getHeight()).isEqualTo(3 * row);
        assertThat(a.getHeight()).isEqualTo(16 + 28 + 4 * row + 54);
    }

    @Test
    void aBadPictureForACnnIsOneLineAndWritesNothing() throws IOException {
        Path cnn = model("cnn.json", Architecture.cnn(28, 28, 10, new int[] {2, 3}));
        Path notPng = Files.writeString(dir.resolve("not.png"), "hello");
        Path png = dir.resolve("x.png");
        assertThat(run("explain", notPng.toString(), "--model", cnn.toString(), "--out", png.toString()))
                .isEqualTo(ExitCodes.DATA);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("not.png").doesNotContain("Exception");
        assertThat(png).doesNotExist();
    }
}
