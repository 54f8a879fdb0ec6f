package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Our own picture set: generated deterministically, and the committed copy reads as labelled pictures. */
class HandwritingSetTest {
    private static final Path COMMITTED = Path.of("assets/handwriting");

    @Test
    void theSameSeedGivesTheSamePicturesAndAnotherSeedOthers() {
        List<HandwritingSet.Picture> a = HandwritingSet.generate(5, 40);
        List<HandwritingSet.Picture> b = HandwritingSet.generate(5, 40);
        List<HandwritingSet.Picture> c = HandwritingSet.generate(6, 40);
        for (int i = 0; i < 40; i++) {
            assertThat(b.get(i).name()).isEqualTo(a.get(i).name());
            assertThat(HandwritingSet.pixels(b.get(i))).as(a.get(i).name()).isEqualTo(HandwritingSet.pixels(a.get(i)));
        }
        assertThat(HandwritingSet.pixels(c.get(15))).isNotEqualTo(HandwritingSet.pixels(a.get(15)));
        assertThat(HandwritingSet.labels(a)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void everyGeneratedPictureHasInkAndALabelledName() {
        for (HandwritingSet.Picture p : HandwritingSet.generate(9, 60)) {
            assertThat(LabelledPictures.labelOf(Path.of(p.name()))).isEqualTo(p.label());
            byte[] px = HandwritingSet.pixels(p);
            int min = 255;
            int max = 0;
            for (byte v : px) {
                min = Math.min(min, v & 0xFF);
                max = Math.max(max, v & 0xFF);
            }
            assertThat(max - min).as("contrast of %s", p.name()).isGreaterThan(100);
        }
    }

    @Test
    void theCommittedSetIsFourHundredSmallLabelledPicturesFortyPerDigit() throws IOException {
        LabelledPictures pictures = LabelledPictures.read(COMMITTED, DigitPreprocessor.Mode.MNIST_PEN);
        assertThat(pictures.size()).isEqualTo(HandwritingSet.COUNT);
        int[] perLabel = new int[10];
        for (int label : pictures.labels()) {
            perLabel[label]++;
        }
        assertThat(perLabel).containsOnly(40);
        assertThat(pictures.kindNames()).containsExactly("font", "pen");
        long bytes;
        try (Stream<Path> files = Files.list(COMMITTED)) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(bytes).isLessThan(2_000_000);
        for (Path file : pictures.files()) {
            // a PNG's IHDR chunk holds width and height as big-endian ints at bytes 16 and 20
            java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(Files.readAllBytes(file), 16, 8);
            assertThat(header.getInt()).as("width of %s", file).isLessThanOrEqualTo(64);
            assertThat(header.getInt()).as("height of %s", file).isLessThanOrEqualTo(64);
        }
    }
}
