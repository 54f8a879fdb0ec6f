package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.weightstudio.analysis.DigitPreprocessor.Mode;

class DigitPreprocessorTest {

    /** A "7" of the given height drawn near the top-left corner of a 280x280 picture. */
    private static GreyImage seven(int size, Color paper, Color ink) {
        return seven(size, size / 10f, paper, ink);
    }

    private static GreyImage seven(int size, float pen, Color paper, Color ink) {
        BufferedImage image = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(paper);
        g.fillRect(0, 0, 280, 280);
        g.setColor(ink);
        g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {20, 20 + size * 6 / 10, 20 + size / 4}, new int[] {30, 30, 30 + size}, 3);
        g.dispose();
        return PictureReader.toGrey(image);
    }

    private static int[] inkBox(float[] x) {
        int minX = 28;
        int minY = 28;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < 28; y++) {
            for (int i = 0; i < 28; i++) {
                if (x[y * 28 + i] > 0) {
                    minX = Math.min(minX, i);
                    maxX = Math.max(maxX, i);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return new int[] {minX, minY, maxX, maxY};
    }

    @Test
    void centreOfMassLandsOnTheMiddleOfTheField() {
        for (int size : new int[] {40, 90, 200}) {
            float[] x = DigitPreprocessor.prepare(seven(size, Color.WHITE, Color.BLACK), Mode.MNIST);
            double[] com = DigitPreprocessor.centreOfMass(x, 28, 28);
            assertThat(com[0]).as("x centre of mass, size %d", size).isCloseTo(14.0, within(0.05));
            assertThat(com[1]).as("y centre of mass, size %d", size).isCloseTo(14.0, within(0.05));
        }
    }

    @Test
    void boundingBoxIsFittedIntoTwentyByTwentyKeepingAspectRatio() {
        for (int size : new int[] {40, 90, 200}) {
            int[] box = inkBox(DigitPreprocessor.prepare(seven(size, Color.WHITE, Color.BLACK), Mode.MNIST));
            int w = box[2] - box[0] + 1;
            int h = box[3] - box[1] + 1;
            // 20 pixels, plus one where the sub-pixel centring spreads the edge over two rows.
            assertThat(h).as("height, size %d", size).isBetween(20, 21);
            // The 7 is about 0.6 as wide as it is tall (plus the pen), whatever its size.
            assertThat(w).as("width, size %d", size).isBetween(12, 17);
        }
    }

    @Test
    void penNormalizationBringsThinAndThickPensToMnistWidth() {
        for (float pen : new float[] {2, 6, 30}) {
            InkImage ink = DigitPreprocessor.penNormalized(InkImage.of(seven(200, pen, Color.WHITE, Color.BLACK)));
            double width = PenNormalizer.strokeWidth(ink.values(), ink.width(), ink.height());
            assertThat(width).as("pen %s", pen).isBetween(PenNormalizer.MNIST_WIDTH - 2.5, PenNormalizer.MNIST_WIDTH + 2.5);
        }
        float[] thin = DigitPreprocessor.prepare(seven(200, 2, Color.WHITE, Color.BLACK), Mode.MNIST_PEN);
        double[] com = DigitPreprocessor.centreOfMass(thin, 28, 28);
        assertThat(com[0]).isCloseTo(14.0, within(1.0));
        assertThat(com[1]).isCloseTo(14.0, within(1.0));
    }

    @Test
    void strokeWidthOfABarIsAboutItsWidth() {
        float[] v = new float[100 * 100];
        for (int y = 10; y < 90; y++) {
            for (int x = 40; x < 50; x++) {
                v[y * 100 + x] = 1f;
            }
        }
        // 2A/P = 2 * 800 / (2 * 80 + 2 * 10) = 8.9
        assertThat(PenNormalizer.strokeWidth(v, 100, 100)).isCloseTo(8.89, within(0.01));
    }

    @Test
    void placementShiftsByFractionsAndCopiesWholePixelShiftsExactly() {
        float[] v = {0, 1, 0, 0.5f};
        float[] whole = DigitPreprocessor.place(v, 2, 2, 3, 5);
        assertThat(whole[5 * 28 + 4]).isEqualTo(1f);
        assertThat(whole[6 * 28 + 4]).isEqualTo(0.5f);
        float[] half = DigitPreprocessor.place(v, 2, 2, 3.5, 5);
        assertThat(half[5 * 28 + 4]).isEqualTo(0.5f);
        assertThat(half[5 * 28 + 5]).isEqualTo(0.5f);
        double total = 0;
        for (float f : half) {
            total += f;
        }
        assertThat(total).isCloseTo(1.5, within(1e-6));
    }

    @Test
    void aThinBarStaysThin() {
        float[] lum = new float[200 * 200];
        java.util.Arrays.fill(lum, 1f);
        for (int y = 40; y < 160; y++) {
            for (int x = 100; x < 112; x++) {
                lum[y * 200 + x] = 0f;
            }
        }
        // 20 x 2 after fitting; the half-pixel centring spreads each side over one more pixel.
        int[] box = inkBox(DigitPreprocessor.prepare(new GreyImage(200, 200, lum), Mode.MNIST));
        assertThat(box[3] - box[1] + 1).isBetween(20, 21);
        assertThat(box[2] - box[0] + 1).isBetween(2, 3);
    }

    @Test
    void detectsPolarityAndGivesTheSameInputEitherWay() {
        GreyImage dark = seven(120, Color.WHITE, Color.BLACK);
        GreyImage light = seven(120, Color.BLACK, Color.WHITE);
        assertThat(DigitPreprocessor.detectPolarity(dark)).isEqualTo(Polarity.DARK_ON_LIGHT);
        assertThat(DigitPreprocessor.detectPolarity(light)).isEqualTo(Polarity.LIGHT_ON_DARK);
        float[] a = DigitPreprocessor.prepare(dark, Mode.MNIST);
        float[] b = DigitPreprocessor.prepare(light, Mode.MNIST);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], within(0.02f));
        }
        assertThat(max(a)).isGreaterThan(0.9f);
    }

    @Test
    void greyPaperCountsAsPaper() {
        float[] onWhite = DigitPreprocessor.prepare(seven(120, Color.WHITE, Color.BLACK), Mode.MNIST);
        float[] onGrey = DigitPreprocessor.prepare(seven(120, new Color(200, 200, 200), new Color(60, 60, 60)), Mode.MNIST);
        for (int i = 0; i < onWhite.length; i++) {
            assertThat(onGrey[i]).isCloseTo(onWhite[i], within(0.03f));
        }
        assertThat(onGrey[0]).isZero();
    }

    @Test
    void blankPicturesHaveNoInk() {
        float[] white = new float[50 * 40];
        java.util.Arrays.fill(white, 1f);
        GreyImage blank = new GreyImage(50, 40, white);
        assertThat(DigitPreprocessor.isBlank(blank)).isTrue();
        assertThat(DigitPreprocessor.isBlank(new GreyImage(50, 40, new float[50 * 40]))).isTrue();
        assertThat(max(DigitPreprocessor.prepare(blank, Mode.MNIST))).isZero();
        assertThat(DigitPreprocessor.isBlank(seven(60, Color.WHITE, Color.BLACK))).isFalse();
    }

    @Test
    void rawModeShrinksTheWholePictureAndLeavesTheDigitWhereItWas() {
        float[] x = DigitPreprocessor.prepare(seven(60, Color.WHITE, Color.BLACK), Mode.RAW);
        int[] box = inkBox(x);
        // Drawn in the top-left 90x100 pixels of 280: about the top-left 9x10 of 28.
        assertThat(box[2]).isLessThan(10);
        assertThat(box[3]).isLessThan(11);
        double[] com = DigitPreprocessor.centreOfMass(x, 28, 28);
        assertThat(com[0]).isLessThan(8);
    }

    private static float max(float[] v) {
        float m = 0;
        for (float f : v) {
            m = Math.max(m, f);
        }
        return m;
    }
}
