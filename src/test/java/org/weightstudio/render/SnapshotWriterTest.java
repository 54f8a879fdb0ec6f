package org.weightstudio.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.persistence.SnapshotSidecar;
import org.weightstudio.training.Frame;

class SnapshotWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T14:15:02Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void savesTheGridAndItsSidecarUnderATimeAndStepName() throws Exception {
        Frame f = TestFrames.random(5, 3000);
        GridOptions options = new GridOptions(ScaleMode.PER_TILE, 2);
        SavedSnapshot saved = new SnapshotWriter(CLOCK).saveGrid(dir, f, options, TestFrames.info());

        assertThat(saved.png().getFileName().toString()).isEqualTo("grid-20261130-141502-step003000.png");
        assertThat(saved.sidecar().getFileName().toString()).isEqualTo("grid-20261130-141502-step003000.json");
        BufferedImage back = ImageIO.read(saved.png().toFile());
        GridPicture expected = SnapshotWriter.renderGrid(f, options, TestFrames.info());
        assertThat(back.getRGB(0, 0, back.getWidth(), back.getHeight(), null, 0, back.getWidth()))
                .isEqualTo(expected.pixels());

        SnapshotSidecar meta = SnapshotSidecar.read(saved.sidecar());
        assertThat(meta.image()).isEqualTo("grid-20261130-141502-step003000.png");
        assertThat(meta.step()).isEqualTo(3000);
        assertThat(meta.deltaFromStep()).isEqualTo(2500);
        assertThat(meta.scaleMode()).isEqualTo("per-tile");
        assertThat(meta.scale()).isEqualTo(2);
        assertThat(meta.weightRange()).containsExactly(expected.weightRanges());
        assertThat(meta.accuracy()).isEqualTo(0.914);
        assertThat(meta.refreshInterval()).isEqualTo(500);
        assertThat(meta.createdAt()).isEqualTo("2026-11-30T14:15:02");
    }

    @Test
    void aSecondSnapshotOfTheSameStepAndSecondGetsASuffix() throws Exception {
        SnapshotWriter writer = new SnapshotWriter(CLOCK);
        Frame f = TestFrames.random(5, 3000);
        SavedSnapshot first = writer.saveGrid(dir, f, GridOptions.defaults().withScale(1), TestFrames.info());
        byte[] firstBytes = Files.readAllBytes(first.png());
        SavedSnapshot second = writer.saveGrid(dir, f, GridOptions.defaults().withScale(2), TestFrames.info());
        assertThat(second.png().getFileName().toString()).isEqualTo("grid-20261130-141502-step003000-2.png");
        assertThat(SnapshotSidecar.read(second.sidecar()).image()).isEqualTo(second.png().getFileName().toString());
        assertThat(Files.readAllBytes(first.png())).isEqualTo(firstBytes);
        assertThat(AnimationExportTest.list(dir)).hasSize(4);
    }

    @Test
    void aTileAloneHasItsGridColoursAt28Or112Pixels() throws Exception {
        Frame f = TestFrames.signs();
        SnapshotWriter writer = new SnapshotWriter(CLOCK);
        SavedSnapshot small = writer.saveTile(dir, f, f.delta(), 2500, 1, false, GridOptions.defaults().withScale(1),
                TestFrames.info());
        SavedSnapshot big = writer.saveTile(dir, f, f.delta(), 2500, 1, true, GridOptions.defaults(),
                TestFrames.info());
        assertThat(small.png().getFileName().toString()).isEqualTo("tile-20261130-141502-step003000-1.png");
        assertThat(big.png().getFileName().toString()).isEqualTo("tile-20261130-141502-step003000-delta_1.png");
        BufferedImage s = ImageIO.read(small.png().toFile());
        BufferedImage b = ImageIO.read(big.png().toFile());
        assertThat(s.getWidth()).isEqualTo(28);
        assertThat(b.getWidth()).isEqualTo(112);
        // Tile 1 is all negative: the deep blue end of the shared scale.
        assertThat(s.getRGB(14, 14) & 0xFFFFFF).isEqualTo(DivergingColorMap.argb(-1, 1) & 0xFFFFFF);
        assertThat(b.getRGB(50, 50) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(SnapshotSidecar.read(big.sidecar()).tile()).isEqualTo("delta_1");
    }

    @Test
    void anUnwritableFolderIsAnIoErrorAndLeavesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThatThrownBy(() -> new SnapshotWriter(CLOCK).saveGrid(file.resolve("sub"), TestFrames.random(1, 1),
                GridOptions.defaults(), TestFrames.info())).isInstanceOf(IOException.class);
        assertThat(AnimationExportTest.list(dir)).containsExactly(file);
    }
}
