package org.weightstudio.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.weightstudio.TestData;

/** Whatever happens to a file, reading it either succeeds completely or fails with one line. */
class IdxReaderProperties {
    private static final byte[] VALID = TestData.idx3(new byte[6 * 5 * 4], 6, 5, 4);

    @Property(tries = 200)
    void everyTruncationIsADatasetError(@ForAll @IntRange(min = 0, max = 135) int length, @ForAll boolean gzip)
            throws IOException {
        byte[] cut = Arrays.copyOf(VALID, Math.min(length, VALID.length - 1));
        Path file = write(gzip ? TestData.gzip(cut) : cut);
        try {
            IdxReader.readImages(file);
            throw new AssertionError("read a truncated file of " + cut.length + " bytes");
        } catch (DatasetException e) {
            assertOneLineNamingFile(e, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 300)
    void corruptedBytesNeverEscapeAsOtherErrors(@ForAll @IntRange(min = 0, max = 135) int position,
            @ForAll byte xor, @ForAll boolean gzip) throws IOException {
        byte[] bad = VALID.clone();
        bad[position] ^= xor;
        byte[] content = gzip ? TestData.gzip(bad) : bad;
        Path file = write(content);
        try {
            IdxReader.Images images = IdxReader.readImages(file);
            // Only a body byte may change without the header noticing: then all 120 pixels load.
            assertThat(position >= 16 || xor == 0).as("header byte %d changed by %d was accepted", position, xor).isTrue();
            assertThat(images.pixels()).hasSize(120);
        } catch (DatasetException e) {
            assertOneLineNamingFile(e, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path write(byte[] content) throws IOException {
        return Files.write(Files.createTempFile("idx", ".bin"), content);
    }

    private static void assertOneLineNamingFile(DatasetException e, Path file) {
        assertThat(e.getMessage()).startsWith(file.getFileName() + ": ").doesNotContain("\n");
    }
}
