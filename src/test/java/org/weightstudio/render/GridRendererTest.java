package org.weightstudio.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.weightstudio.training.Frame;

class GridRendererTest {
    private static GridPicture render(Frame f, ScaleMode mode, int scale) {
        return SnapshotWriter.renderGrid(f, new GridOptions(mode, scale), TestFrames.info());
    }

    @Test
    void sameFrameGivesIdenticalPixelsAndBytesTwice() throws Exception {
        Frame f = TestFrames.random(7, 3000);
        for (ScaleMode mode : ScaleMode.values()) {
            GridPicture a = render(f, mode, 3);
            GridPicture b = render(TestFrames.random(7, 3000), mode, 3);
            assertThat(a.pixels()).isEqualTo(b.pixels());
            assertThat(PngWriter.encode(a.image())).isEqualTo(PngWriter.encode(b.image()));
        }
    }

    @Test
    void differentWeightsGiveDifferentPixels() {
        assertThat(render(TestFrames.random(7, 3000), ScaleMode.SHARED, 1).pixels())
                .isNotEqualTo(render(TestFrames.random(8, 3000), ScaleMode.SHARED, 1).pixels());
    }

    @Test
    void positiveIsRedNegativeIsBlueZeroIsWhite() {
        GridPicture p = render(TestFrames.signs(), ScaleMode.SHARED, 2);
        int positive = centre(p, p.weightTiles()[0]);
        int negative = centre(p, p.weightTiles()[1]);
        int zero = centre(p, p.weightTiles()[2]);
        assertThat(red(positive)).isGreaterThan(blue(positive) + 100);
        assertThat(blue(negative)).isGreaterThan(red(negative) + 100);
        assertThat(zero & 0xFFFFFF).isEqualTo(0xFFFFFF);
        // The delta row is all zero: white everywhere.
        assertThat(centre(p, p.deltaTiles()[0]) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void tilesAreEnlargedByTheScaleFactorWithCrispSquares() {
        for (int scale : new int[] {1, 2, 4}) {
            GridPicture p = render(TestFrames.random(1, 500), ScaleMode.PER_TILE, scale);
            for (Rectangle r : p.weightTiles()) {
                assertThat(r.width).isEqualTo(28 * scale);
                assertThat(r.height).isEqualTo(28 * scale);
            }
        }
        BufferedImage tile = GridRenderer.renderTile(TestFrames.random(1, 500).weights(), 3, 28, 28, 0.3f, 4);
        assertThat(tile.getWidth()).isEqualTo(112);
        BufferedImage small = GridRenderer.renderTile(TestFrames.random(1, 500).weights(), 3, 28, 28, 0.3f, 1);
        assertThat(small.getWidth()).isEqualTo(28);
        for (int y = 0; y < 112; y++) {
            for (int x = 0; x < 112; x++) {
                assertThat(tile.getRGB(x, y)).isEqualTo(small.getRGB(x / 4, y / 4));
            }
        }
    }

    @Test
    void heightGrowsByTwoTileRowsPerScaleStep() {
        GridPicture one = render(TestFrames.random(1, 500), ScaleMode.SHARED, 1);
        GridPicture four = render(TestFrames.random(1, 500), ScaleMode.SHARED, 4);
        assertThat(four.height() - one.height()).isEqualTo(2 * 28 * 3);
    }

    @Test
    void pngReadsBackWithThePicturesSizeAndPixels() throws Exception {
        GridPicture p = render(TestFrames.random(3, 1000), ScaleMode.SHARED, 4);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngWriter.encode(p.image())));
        assertThat(back.getWidth()).isEqualTo(p.width());
        assertThat(back.getHeight()).isEqualTo(p.height());
        assertThat(back.getRGB(0, 0, p.width(), p.height(), null, 0, p.width())).isEqualTo(p.pixels());
    }

    @Test
    void sharedScaleUsesOneRangePerRowPerTileItsOwn() {
        Frame f = TestFrames.signs();
        GridPicture shared = render(f, ScaleMode.SHARED, 1);
        GridPicture perTile = render(f, ScaleMode.PER_TILE, 1);
        assertThat(shared.weightRanges()).containsOnly(0.5f);
        assertThat(perTile.weightRanges()[0]).isEqualTo(0.5f);
        assertThat(perTile.weightRanges()[2]).isZero();
        assertThat(perTile.weightRanges()[3]).isEqualTo(0.03f);
    }

    /** Gaussian weights of 0.1 and one border pixel at 5.0: the max-abs range is set by that pixel. */
    private static Frame oneOutlier() {
        Frame f = TestFrames.random(9, 3000);
        float[] w = f.weights().clone();
        w[3 * 784] = 5f;
        return TestFrames.frame(3000, w, f.delta());
    }

    @Test
    void aRobustRangeIgnoresAnOutlierAndMarksTheClipping() {
        GridPicture shared = render(oneOutlier(), ScaleMode.SHARED, 2);
        GridPicture robust = render(oneOutlier(), ScaleMode.ROBUST, 2);
        assertThat(shared.weightRanges()).containsOnly(5f);
        // 99.5th percentile of |N(0, 0.1)| is about 0.28
        assertThat(robust.weightRanges()[0]).isBetween(0.22f, 0.34f);
        assertThat(robust.weightScale().maximum()).isEqualTo(5f);
        assertThat(robust.weightScale().clippedShare()).isGreaterThan(0f).isLessThanOrEqualTo(0.005f);

        // the same ordinary pixels, drawn with far more colour
        Rectangle t = robust.weightTiles()[0];
        assertThat(saturation(robust.image(), t)).isGreaterThan(5 * saturation(shared.image(), shared.weightTiles()[0]));

        // arrows (dark ink) beside the bar under the robust weight row, none under the shared one
        assertThat(darkPixels(robust.image(), 0, barTop(robust), robust.width(), GridRenderer.BAR_HEIGHT))
                .isGreaterThan(20);
        assertThat(darkPixels(shared.image(), 0, barTop(shared), shared.width(), GridRenderer.BAR_HEIGHT)).isZero();
        assertThat(GridRenderer.clippingLabel(robust.weightScale())).matches("clipped 0\\.\\d\\d%, max 5\\.00");
    }

    @Test
    void aRowWithNothingClippedHasNoMarking() {
        // signs(): every non-zero tile constant, so the percentile is the maximum; delta all zero
        GridPicture robust = render(TestFrames.signs(), ScaleMode.ROBUST, 2);
        assertThat(robust.weightScale().clippedShare()).isZero();
        assertThat(darkPixels(robust.image(), 0, barTop(robust), robust.width(), GridRenderer.BAR_HEIGHT)).isZero();
        assertThat(GridRenderer.noteLine(robust.caption(), ScaleMode.ROBUST)).contains("99.5th percentile");
    }

    /** The top of the colour bar under the weight row (layout: tile, 8 px, bar). */
    private static int barTop(GridPicture p) {
        Rectangle t = p.weightTiles()[0];
        return t.y + t.height + 8;
    }

    /** Mean of max(r,g,b) - min(r,g,b) over a tile: how much colour it has. */
    private static double saturation(BufferedImage image, Rectangle r) {
        double sum = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                int c = image.getRGB(x, y);
                int red = red(c);
                int green = (c >> 8) & 0xFF;
                int blue = blue(c);
                sum += Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue));
            }
        }
        return sum / (r.width * r.height);
    }

    @Test
    void longClassNamesWidenColumnsWithoutOverlapOrClipping() {
        Frame f = TestFrames.random(2, 100);
        List<String> names = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot");
        GridPicture p = SnapshotWriter.renderGrid(f, new GridOptions(ScaleMode.SHARED, 1),
                new SnapshotInfo("fashion-mnist", names, 100));
        assertThat(p.caption().deltaTitle(0)).isEqualTo("delta_T-shirt/top");
        for (int t = 0; t < 9; t++) {
            // Column pitch is at least the widest title; tiles stay inside the picture.
            assertThat(p.weightTiles()[t + 1].x - p.weightTiles()[t].x).isGreaterThan(100);
        }
        Rectangle last = p.deltaTiles()[9];
        assertThat(last.x + last.width).isLessThan(p.width());
        assertThat(last.y + last.height).isLessThan(p.height());
    }

    @Test
    void captionSaysStepEpochLearningRateBatchAndAccuracy() {
        GridCaption c = GridCaption.of(TestFrames.random(1, 3000), 2500, "mnist", List.of());
        assertThat(GridRenderer.captionLine(c))
                .isEqualTo("mnist   step 3000   epoch 0.10   lr 0.05 (now 0.025)   batch 2   train accuracy 91.4%");
        assertThat(GridRenderer.noteLine(c, ScaleMode.SHARED))
                .contains("delta = W(step 3000) - W(step 2500)").contains("shared");
        assertThat(c.weightTitle(3)).isEqualTo("3");
        assertThat(c.deltaTitle(3)).isEqualTo("delta_3");
    }

    @Test
    void titlesAreDrawnAboveEveryTile() {
        GridPicture p = render(TestFrames.signs(), ScaleMode.SHARED, 2);
        for (Rectangle[] row : new Rectangle[][] {p.weightTiles(), p.deltaTiles()}) {
            for (Rectangle r : row) {
                assertThat(darkPixels(p.image(), r.x, r.y - 18, r.width, 16)).as("title above tile at %s", r)
                        .isGreaterThan(5);
            }
        }
    }

    @Test
    void numbersAreShortAndReadable() {
        assertThat(GridRenderer.number(0)).isEqualTo("0");
        assertThat(GridRenderer.number(0.5782708)).isEqualTo("0.578");
        assertThat(GridRenderer.number(0.000012345)).isEqualTo("1.23e-05");
        assertThat(GridRenderer.setting(0.05)).isEqualTo("0.05");
        assertThat(GridRenderer.setting(1)).isEqualTo("1");
        assertThat(GridRenderer.setting(1e-4)).isEqualTo("1.000e-04");
        assertThat(GridRenderer.captionLine(new GridCaption("m", java.util.List.of(), 1, 0.5, 0.05, 0.0491882, 2, 0.5, 0)))
                .contains("lr 0.05 (now 0.04919)");
    }

    private static int darkPixels(BufferedImage image, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = image.getRGB(x, y);
                if (red(rgb) < 128 && blue(rgb) < 128) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int centre(GridPicture p, Rectangle r) {
        return p.image().getRGB(r.x + r.width / 2, r.y + r.height / 2);
    }

    private static int red(int rgb) {
        return rgb >> 16 & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }
}
