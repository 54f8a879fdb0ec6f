package org.weightstudio.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.training.Frame;

class AnimationExportTest {
    @TempDir
    Path dir;

    private static GridAnimation animation(int n) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames.add(TestFrames.random(i, 500L * (i + 1)));
        }
        return new GridAnimation(frames, new GridOptions(ScaleMode.SHARED, 1), TestFrames.info());
    }

    @Test
    void gifHasOneFramePerPictureTheDelayAndTheLoopExtension() throws Exception {
        Path gif = dir.resolve("training.gif");
        List<Double> progress = new ArrayList<>();
        GifWriter.writeNew(gif, animation(4), 2, new ExportProgress(progress::add, () -> false));

        assertThat(progress).containsExactly(0.25, 0.5, 0.75, 1.0);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(4);
            BufferedImage first = reader.read(0);
            BufferedImage expected = animation(4).picture(0);
            assertThat(first.getWidth()).isEqualTo(expected.getWidth());
            assertThat(first.getHeight()).isEqualTo(expected.getHeight());
            for (int i = 0; i < 4; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension")
                        .item(0);
                assertThat(control.getAttribute("delayTime")).isEqualTo("50");
            }
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0)
                    .getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
            assertThat(app.getAttribute("authenticationCode")).isEqualTo("2.0");
            assertThat((byte[]) app.getUserObject()).containsExactly(1, 0, 0);
            reader.dispose();
        }
    }

    @Test
    void delayFollowsTheFrameRate() {
        assertThat(GifWriter.delayCentiseconds(2)).isEqualTo(50);
        assertThat(GifWriter.delayCentiseconds(10)).isEqualTo(10);
        assertThat(GifWriter.delayCentiseconds(50)).isEqualTo(2);
        assertThat(GifWriter.delayCentiseconds(0.5)).isEqualTo(200);
        assertThatThrownBy(() -> GifWriter.delayCentiseconds(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancelledGifLeavesTheFolderEmpty() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ExportProgress cancelAfterTwo = new ExportProgress(f -> { }, () -> asked.incrementAndGet() > 2);
        assertThatThrownBy(() -> GifWriter.writeNew(dir.resolve("t.gif"), animation(5), 2, cancelAfterTwo))
                .isInstanceOf(CancellationException.class);
        assertThat(asked.get()).isEqualTo(3);
        assertThat(list(dir)).isEmpty();
    }

    @Test
    void gifNeverOverwritesWithWriteNew() throws Exception {
        Path gif = dir.resolve("t.gif");
        Files.writeString(gif, "precious");
        assertThatThrownBy(() -> GifWriter.writeNew(gif, animation(1), 2, ExportProgress.none()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(gif)).isEqualTo("precious");
        assertThat(list(dir)).containsExactly(gif);
    }

    @Test
    void pngSequenceWritesNumberedPicturesInANewFolder() throws Exception {
        Path seq = dir.resolve("run1");
        PngSequenceWriter.writeNew(seq, animation(3), ExportProgress.none());
        assertThat(list(seq)).extracting(p -> p.getFileName().toString())
                .containsExactly("frame-00001.png", "frame-00002.png", "frame-00003.png");
        BufferedImage second = ImageIO.read(seq.resolve("frame-00002.png").toFile());
        BufferedImage expected = animation(3).picture(1);
        assertThat(second.getRGB(0, 0, second.getWidth(), second.getHeight(), null, 0, second.getWidth()))
                .isEqualTo(expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0,
                        expected.getWidth()));
        assertThat(list(dir)).containsExactly(seq);
    }

    @Test
    void cancelledPngSequenceLeavesNothingBehind() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ExportProgress cancelAfterTwo = new ExportProgress(f -> { }, () -> asked.incrementAndGet() > 2);
        assertThatThrownBy(() -> PngSequenceWriter.writeNew(dir.resolve("run1"), animation(5), cancelAfterTwo))
                .isInstanceOf(CancellationException.class);
        assertThat(list(dir)).isEmpty();
    }

    @Test
    void animationDeltaIsSinceThePreviousPicture() {
        Frame a = TestFrames.random(1, 500);
        Frame b = TestFrames.random(2, 1000);
        GridAnimation anim = new GridAnimation(List.of(a, b), new GridOptions(ScaleMode.SHARED, 1),
                TestFrames.info());
        BufferedImage expected = SnapshotWriter.renderGrid(b, b.deltaSince(a), 500,
                new GridOptions(ScaleMode.SHARED, 1), TestFrames.info()).image();
        BufferedImage actual = anim.picture(1);
        assertThat(actual.getRGB(0, 0, actual.getWidth(), actual.getHeight(), null, 0, actual.getWidth()))
                .isEqualTo(expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0,
                        expected.getWidth()));
    }

    static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
