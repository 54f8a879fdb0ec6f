package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.common.BadInputException;

class PictureReaderTest {
    @TempDir
    Path dir;

    static BufferedImage drawing(int type, Color paper, Color ink) {
        BufferedImage image = new BufferedImage(120, 90, type);
        Graphics2D g = image.createGraphics();
        if (paper != null) {
            g.setColor(paper);
            g.fillRect(0, 0, 120, 90);
        }
        g.setColor(ink);
        g.fillRect(50, 20, 12, 50);
        g.dispose();
        return image;
    }

    private Path write(String name, BufferedImage image, String format) throws IOException {
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        return file;
    }

    @Test
    void readsGreyColourAndJpegPicturesAsLuminance() throws IOException {
        for (Path file : new Path[] {
            write("grey.png", drawing(BufferedImage.TYPE_BYTE_GRAY, Color.WHITE, Color.BLACK), "png"),
            write("rgb.png", drawing(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK), "png"),
            write("photo.jpg", drawing(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK), "jpg"),
        }) {
            GreyImage image = PictureReader.read(file);
            assertThat(image.width()).as(file.toString()).isEqualTo(120);
            assertThat(image.height()).isEqualTo(90);
            assertThat(image.at(5, 5)).isCloseTo(1f, within(0.03f));
            assertThat(image.at(55, 40)).isCloseTo(0f, within(0.03f));
        }
    }

    @Test
    void greyPngKeepsItsStoredValues() throws IOException {
        GreyImage image = PictureReader.read(write("mid.png",
                drawing(BufferedImage.TYPE_BYTE_GRAY, Color.WHITE, new Color(128, 128, 128)), "png"));
        assertThat(image.at(55, 40)).isCloseTo(128 / 255f, within(1e-6f));
    }

    @Test
    void transparencyIsCompositedOnWhite() throws IOException {
        // Black ink on fully transparent pixels (whose hidden colour is black too).
        BufferedImage image = drawing(BufferedImage.TYPE_INT_ARGB, null, Color.BLACK);
        GreyImage grey = PictureReader.read(write("alpha.png", image, "png"));
        assertThat(grey.at(5, 5)).isEqualTo(1f);
        assertThat(grey.at(55, 40)).isEqualTo(0f);
        assertThat(DigitPreprocessor.detectPolarity(grey)).isEqualTo(Polarity.DARK_ON_LIGHT);
    }

    @Test
    void notAPictureIsOneLineNamingTheFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "these are not pixels\n");
        assertBad(text, "not a picture");
        assertBad(Files.write(dir.resolve("empty.png"), new byte[0]), "empty file");
        assertBad(dir.resolve("missing.png"), "no such file");
        assertBad(dir, "not a regular file");
    }

    @Test
    void blankPictureIsRejected() throws IOException {
        BufferedImage white = drawing(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.WHITE);
        assertBad(write("white.png", white, "png"), "blank");
    }

    @Test
    void truncatedPngAndJpegAreRejected() throws IOException {
        Path png = write("full.png", drawing(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK), "png");
        byte[] bytes = Files.readAllBytes(png);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));
        assertBad(cut, "cut.png");
        Path jpg = write("full.jpg", drawing(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK), "jpg");
        byte[] jpeg = Files.readAllBytes(jpg);
        assertBad(Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2)), "cut.jpg");
    }

    @Test
    void absurdDimensionsAreRejectedBeforeDecoding() throws IOException {
        BufferedImage wide = new BufferedImage(PictureReader.MAX_SIDE + 1, 2, BufferedImage.TYPE_BYTE_GRAY);
        assertBad(write("wide.png", wide, "png"), "at most 8000");
    }

    @Test
    void largePicturesAreDecodedSubsampled() throws IOException {
        BufferedImage big = new BufferedImage(4100, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 4100, 300);
        g.setColor(Color.BLACK);
        g.fillRect(2000, 50, 60, 200);
        g.dispose();
        GreyImage image = PictureReader.read(write("big.png", big, "png"));
        assertThat(image.width()).isLessThanOrEqualTo(PictureReader.DECODE_SIDE);
        assertThat(DigitPreprocessor.isBlank(image)).isFalse();
    }

    @Test
    void everyTruncationOfAPngIsABadInputError() throws IOException {
        BufferedImage image = drawing(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] bytes = out.toByteArray();
        // every cut up to the last 13 bytes (IEND), stepping through the file
        for (int cut = 1; cut < bytes.length - 13; cut += 7) {
            Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, cut));
            assertThatThrownBy(() -> PictureReader.read(file)).as("cut at %d", cut)
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith(file.toString());
        }
    }

    private static void assertBad(Path file, String problem) {
        assertThatThrownBy(() -> PictureReader.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
