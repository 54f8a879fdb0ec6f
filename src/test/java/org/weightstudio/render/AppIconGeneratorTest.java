package org.weightstudio.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed icons are what the generator draws, and the .ico / .icns hold them. */
class AppIconGeneratorTest {
    private static final String REGENERATE = "the committed icon differs from what AppIconGenerator draws: "
            + "run java -cp target/test-classes:target/classes org.weightstudio.render.AppIconGenerator";

    @Test
    void committedPngsArePixelForPixelWhatTheGeneratorDraws() throws IOException {
        for (int size : AppIconGenerator.SIZES) {
            BufferedImage committed = ImageIO.read(AppIconGenerator.PNG_DIR.resolve("weight-studio-" + size + ".png").toFile());
            BufferedImage drawn = AppIconGenerator.icon(size);
            assertThat(committed.getWidth()).as("width of %d", size).isEqualTo(size);
            assertThat(committed.getHeight()).as("height of %d", size).isEqualTo(size);
            assertThat(committed.getRGB(0, 0, size, size, null, 0, size))
                    .as(REGENERATE + " (size %d)", size)
                    .isEqualTo(drawn.getRGB(0, 0, size, size, null, 0, size));
        }
    }

    @Test
    void theTileIsARedRingAroundABlueHole() {
        float[] v = AppIconGenerator.zeroTemplate();
        // centre (row 14, col 14) negative, on the ring (row 14, col 7: 6.5 to the left) positive
        assertThat(v[14 * 28 + 14]).isNegative();
        assertThat(v[14 * 28 + 7]).isPositive();
        assertThat(v[14 * 28 + 7]).isGreaterThan(0.5f);
    }

    @Test
    void icoAndIcnsListEveryImageAtItsOffset(@TempDir Path dir) throws IOException {
        AppIconGenerator.writeAll(dir.resolve("png"), dir);
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("weight-studio.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(2)).isEqualTo((short) 1); // an icon, not a cursor
        int count = ico.getShort(4);
        assertThat(count).isEqualTo(7); // 16 .. 256; 512 does not fit ICO's one-byte size
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            assertThat(ico.getInt(offset)).as("PNG signature of image %d", i).isEqualTo(0x474e5089);
            assertThat(offset + length).isLessThanOrEqualTo(ico.capacity());
        }

        byte[] icns = Files.readAllBytes(dir.resolve("weight-studio.icns"));
        assertThat(new String(icns, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(ByteBuffer.wrap(icns).getInt(4)).isEqualTo(icns.length);
        assertThat(Files.readAllBytes(dir.resolve("weight-studio.ico")))
                .isEqualTo(Files.readAllBytes(AppIconGenerator.PLATFORM_DIR.resolve("weight-studio.ico")));
        assertThat(icns).isEqualTo(Files.readAllBytes(AppIconGenerator.PLATFORM_DIR.resolve("weight-studio.icns")));
    }
}
