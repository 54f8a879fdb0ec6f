package org.weightstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.TestData;

/** Issue 13 item 5: a small file cannot make the reader allocate what it does not contain. */
class IdxReaderLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aHeaderDeclaringAGigabyteInOneKilobyteAllocatesNoMoreThanTheFileHolds() throws Exception {
        // 1,369,000 images of 28x28 declared (1.07 GB), about 1 KB present
        Path file = Files.write(dir.resolve("crafted-idx3-ubyte"), TestData.idx3(new byte[1000], 1_369_000, 28, 28));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("crafted-idx3-ubyte: truncated: header declares 1369000 images of 28x28")
                .hasMessageNotContaining("\n");
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated reading a 1 KB file").isLessThan(16L << 20);
    }

    @Test
    void aCompleteFileStillLoadsWholeAfterGrowingItsBuffer() throws Exception {
        // more than the first buffer (1 MiB) so that it grows at least once
        int count = 3000;
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("big"), TestData.gzip(TestData.idx3(pixels, count, 28, 28)));
        IdxReader.Images images = IdxReader.readImages(file);
        assertThat(images.count()).isEqualTo(count);
        assertThat(images.pixels()).isEqualTo(pixels);
    }
}
