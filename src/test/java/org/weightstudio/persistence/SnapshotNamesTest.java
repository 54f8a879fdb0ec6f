package org.weightstudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotNamesTest {
    @TempDir
    Path dir;

    record Shot(LocalDateTime time, long step) {
    }

    @Test
    void nameHasTimeAndZeroPaddedStep() {
        assertThat(SnapshotNames.base("grid", LocalDateTime.of(2026, 11, 30, 14, 15, 2), 3000, null))
                .isEqualTo("grid-20261130-141502-step003000");
        assertThat(SnapshotNames.base("tile", LocalDateTime.of(2026, 1, 2, 3, 4, 5), 7, "T-shirt/top"))
                .isEqualTo("tile-20260102-030405-step000007-T-shirt_top");
        assertThat(SnapshotNames.withSuffix("a", 1)).isEqualTo("a");
        assertThat(SnapshotNames.withSuffix("a", 3)).isEqualTo("a-3");
    }

    /** Generated runs (seeded): names sort exactly as (time, step) do, for steps below a million. */
    @Test
    void namesSortByTimeThenStep() {
        Random random = new Random(20261130);
        for (int run = 0; run < 200; run++) {
            List<Shot> shots = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                LocalDateTime t = LocalDateTime.of(2020 + random.nextInt(10), 1 + random.nextInt(12),
                        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60));
                shots.add(new Shot(t, random.nextInt(1_000_000)));
            }
            List<String> byName = shots.stream().map(s -> SnapshotNames.base("grid", s.time(), s.step(), null))
                    .sorted().toList();
            List<String> byTime = shots.stream()
                    .sorted(Comparator.comparing(Shot::time).thenComparingLong(Shot::step))
                    .map(s -> SnapshotNames.base("grid", s.time(), s.step(), null)).toList();
            assertThat(byName).isEqualTo(byTime);
        }
    }

    @Test
    void writeNewPairNeverOverwritesAndCountsSuffixesUp() throws Exception {
        Files.writeString(dir.resolve("g.png"), "old picture");
        Files.writeString(dir.resolve("g-2.json"), "someone else's sidecar");
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(pair("g", "new " + i));
        }
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("g-3.png", "g-4.png", "g-5.png");
        assertThat(Files.readString(dir.resolve("g.png"))).isEqualTo("old picture");
        assertThat(Files.readString(dir.resolve("g-2.json"))).isEqualTo("someone else's sidecar");
        assertThat(Files.readString(dir.resolve("g-4.json"))).isEqualTo("sidecar of g-4.png");
        assertThat(list()).hasSize(2 + 6);
    }

    @Test
    void aSidecarThatFailsTakesItsPictureWithIt() throws Exception {
        assertThatThrownBy(() -> SnapshotNames.writeNewPair(dir, "g", "png", out -> out.write(1), name -> out -> {
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left");
        assertThat(list()).isEmpty();
    }

    @Test
    void aFolderUnderAFileIsAnIoError() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThatThrownBy(() -> SnapshotNames.writeNewPair(file.resolve("sub"), "g", "png", out -> out.write(1),
                name -> out -> out.write(2))).isInstanceOf(IOException.class);
        assertThat(list()).containsExactly(file);
    }

    private Path pair(String base, String content) throws IOException {
        return SnapshotNames.writeNewPair(dir, base, "png", out -> out.write(content.getBytes(StandardCharsets.UTF_8)),
                name -> out -> out.write(("sidecar of " + name).getBytes(StandardCharsets.UTF_8)));
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
