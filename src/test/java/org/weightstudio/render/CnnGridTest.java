package org.weightstudio.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.weightstudio.persistence.SnapshotSidecar;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.Tensor;
import org.weightstudio.training.Frame;
import org.weightstudio.training.TensorFrame;
import org.weightstudio.training.TrainingConfig;

/** The CNN's picture: one section per layer, laid out as the window lays it out. */
class CnnGridTest {
    private static final Architecture DEFAULT_CNN = Architecture.cnn(28, 28, 10, new int[] {8, 16});

    /**
     * A frame of {@code a} whose every weight and delta is a seeded random value at least 0.05
     * away from zero (so no pixel rounds to white), the sign random too.
     */
    static Frame frame(Architecture a, long seed) {
        Random r = new Random(seed);
        Network net = a.build();
        List<TensorFrame> tensors = new ArrayList<>();
        for (Tensor t : net.parameters()) {
            float[] values = new float[t.shape().size()];
            float[] delta = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = awayFromZero(r);
                delta[i] = awayFromZero(r) / 10;
            }
            tensors.add(new TensorFrame(t.name(), t.shape(), values, delta));
        }
        return new Frame(600, 0.32, 0, 28, 28, new float[0], new float[0], new float[0], 400, 0.4, 0.87, new int[0],
                new int[0], new int[0], TrainingConfig.cnnDefaults(), a.describe(), tensors);
    }

    private static float awayFromZero(Random r) {
        float magnitude = 0.05f + (float) Math.abs(r.nextGaussian()) * 0.2f;
        return r.nextBoolean() ? magnitude : -magnitude;
    }

    private static GridPicture render(Frame f, ScaleMode mode, int scale) {
        return SnapshotWriter.renderGrid(f, new GridOptions(mode, scale), TestFrames.info());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 29, 4242})
    void eachFilterPixelIsRedForAPositiveWeightAndBlueForANegativeOne(long seed) {
        System.out.println("CnnGridTest seed " + seed);
        Frame f = frame(DEFAULT_CNN, seed);
        TensorFrame conv1 = f.tensor("conv1.W");
        for (ScaleMode mode : ScaleMode.values()) {
            GridPicture p = render(f, mode, 4);
            assertThat(p.weightTiles()).hasSize(8);
            for (int filter = 0; filter < 8; filter++) {
                for (int i = 0; i < 25; i++) {
                    int at = filter * 25 + i;
                    assertSign(p, p.weightTiles()[filter], i / 5, i % 5, conv1.values()[at], "seed " + seed + " " + mode
                            + " filter " + filter + " weight " + i);
                    assertSign(p, p.deltaTiles()[filter], i / 5, i % 5, conv1.delta()[at], "seed " + seed + " " + mode
                            + " filter " + filter + " delta " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 77})
    void theMosaicAndClassTilesFollowTheSignsTooAndTheirGapsAreGrey(long seed) {
        System.out.println("CnnGridTest seed " + seed);
        Frame f = frame(DEFAULT_CNN, seed);
        GridPicture p = render(f, ScaleMode.SHARED, 2);
        // conv2.W is 16 filters x 8 maps x 5 x 5; block (filter, map) at rows filter*6.., columns map*6..
        LayerScale conv2 = p.layers().get(1);
        Rectangle mosaic = conv2.weightTiles()[0];
        int cell = mosaic.width / (8 * 6 - 1);
        float[] w2 = f.tensor("conv2.W").values();
        for (int filter = 0; filter < 16; filter++) {
            for (int map = 0; map < 8; map++) {
                for (int i = 0; i < 25; i++) {
                    assertSign(p, mosaic, cell, filter * 6 + i / 5, map * 6 + i % 5, w2[(filter * 8 + map) * 25 + i],
                            "conv2 filter " + filter + " map " + map + " weight " + i);
                }
            }
        }
        int gap = p.image().getRGB(mosaic.x + 5 * cell + cell / 2, mosaic.y + cell / 2) & 0xFFFFFF;
        assertThat(gap).isEqualTo(0xD8D8D8);
        // dense1.W is 784 x 10 (input i = (map * 7 + y) * 7 + x); class k's tile shows map m at block (m / 4, m % 4)
        LayerScale dense = p.layers().get(2);
        float[] w3 = f.tensor("dense1.W").values();
        for (int k = 0; k < 10; k++) {
            Rectangle tile = dense.weightTiles()[k];
            int c = tile.width / 31;
            for (int i = 0; i < 784; i += 13) {
                int m = i / 49;
                int y = i % 49 / 7;
                int x = i % 7;
                assertSign(p, tile, c, (m / 4) * 8 + y, (m % 4) * 8 + x, w3[i * 10 + k], "class " + k + " input " + i);
            }
        }
    }

    private static void assertSign(GridPicture p, Rectangle tile, int row, int col, float value, String what) {
        assertSign(p, tile, tile.width / 5, row, col, value, what);
    }

    private static void assertSign(GridPicture p, Rectangle tile, int cell, int row, int col, float value,
            String what) {
        int rgb = p.image().getRGB(tile.x + col * cell + cell / 2, tile.y + row * cell + cell / 2);
        int red = rgb >> 16 & 0xFF;
        int blue = rgb & 0xFF;
        if (value > 0) {
            assertThat(red).as(what).isGreaterThan(blue);
        } else {
            assertThat(blue).as(what).isGreaterThan(red);
        }
    }

    @Test
    void filtersAreEnlargedFiveTimesTheScaleAndTheSectionsAreTheWindows() {
        Frame f = frame(DEFAULT_CNN, 3);
        for (int scale : new int[] {1, 2, 4}) {
            GridPicture p = render(f, ScaleMode.ROBUST, scale);
            for (Rectangle r : p.weightTiles()) {
                assertThat(r.width).isEqualTo(25 * scale);
                assertThat(r.height).isEqualTo(25 * scale);
            }
        }
        GridPicture p = render(f, ScaleMode.ROBUST, 4);
        assertThat(p.layers()).extracting(LayerScale::tensor).containsExactly("conv1.W", "conv2.W", "dense1.W");
        // 8 filter tiles, one mosaic of conv2's 16 x 8 kernels, one tile per class
        assertThat(p.layers()).extracting(l -> l.weights().ranges().length).containsExactly(8, 1, 10);
        assertThat(LayerTiles.of(f)).isEqualTo(LayerTiles.of(DEFAULT_CNN));
        Architecture big = Architecture.cnn(28, 28, 10, new int[] {16, 32}, 128);
        assertThat(LayerTiles.of(frame(big, 3))).isEqualTo(LayerTiles.of(big));
        assertThat(LayerTiles.of(big)).extracting(LayerTiles.Section::tensor)
                .containsExactly("conv1.W", "conv2.W", "dense1.W", "dense2.W");
    }

    @Test
    void aPerTileScaleGivesEachFilterItsOwnRangeAndARobustOneShares() {
        Frame f = frame(DEFAULT_CNN, 5);
        GridPicture perTile = render(f, ScaleMode.PER_TILE, 2);
        RowScale filters = perTile.layers().get(0).weights();
        float[] conv1 = f.tensor("conv1.W").values();
        for (int k = 0; k < 8; k++) {
            assertThat(filters.ranges()[k]).isEqualTo(HeatmapRasterizer.maxAbs(conv1, k * 25, 25));
        }
        assertThat(filters.ranges()).doesNotHaveDuplicates();
        GridPicture robust = render(f, ScaleMode.ROBUST, 2);
        for (LayerScale l : robust.layers()) {
            float[] r = l.weights().ranges();
            for (float v : r) {
                assertThat(v).isEqualTo(r[0]);
            }
        }
        assertThat(robust.weightScale()).isSameAs(robust.layers().get(0).weights());
    }

    /** The window's Snapshot passes the template-layer delta it shows: for a CNN an empty one. */
    @Test
    void savingACnnFrameAsTheWindowDoesWritesThePictureAndEachSectionsRanges(@TempDir Path dir) throws Exception {
        Frame f = frame(DEFAULT_CNN, 12);
        SavedSnapshot saved = new SnapshotWriter(java.time.Clock.systemDefaultZone()).saveGrid(dir, f, new float[0],
                123, new GridOptions(ScaleMode.SHARED, 2), TestFrames.info());
        assertThat(javax.imageio.ImageIO.read(saved.png().toFile()).getWidth())
                .isEqualTo(render(f, ScaleMode.SHARED, 2).width());
        SnapshotSidecar meta = SnapshotSidecar.read(saved.sidecar());
        assertThat(meta.deltaFromStep()).as("the frame's own delta, since its previous step").isEqualTo(400);
        assertThat(meta.architecture()).isEqualTo(DEFAULT_CNN.describe());
        assertThat(meta.layers()).hasSize(3);
        // shared: one range per section and row, the largest |w| of the section
        float[] conv2 = f.tensor("conv2.W").values();
        assertThat(meta.layers().get(1).weightRange()[0]).isEqualTo(HeatmapRasterizer.maxAbs(conv2, 0, conv2.length));
    }

    @Test
    void theSameFrameGivesTheSamePixelsAndTheCaptionItsDelta() {
        Frame f = frame(DEFAULT_CNN, 9);
        assertThat(render(f, ScaleMode.SHARED, 3).pixels()).isEqualTo(render(frame(DEFAULT_CNN, 9), ScaleMode.SHARED,
                3).pixels());
        assertThat(render(f, ScaleMode.SHARED, 3).pixels()).isNotEqualTo(render(frame(DEFAULT_CNN, 10),
                ScaleMode.SHARED, 3).pixels());
        // a CNN's picture shows each tensor's own delta: since the frame's previous step
        GridPicture p = SnapshotWriter.renderGrid(f, new float[0], 0, GridOptions.defaults(), TestFrames.info());
        assertThat(p.caption().deltaFromStep()).isEqualTo(400);
    }
}
