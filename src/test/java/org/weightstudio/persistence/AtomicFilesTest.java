package org.weightstudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonIOException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.common.Messages;

/** The write rules of issue 13 item 1, 10 and 11: links, special files, permissions, messages, leftovers. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSymlinkStaysALinkAndItsTargetGetsTheBytes() throws Exception {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("dotfiles")).resolve("model.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("dotfiles/model.json"));
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(hiddenTemps(dir.resolve("dotfiles"))).isEmpty();
    }

    @Test
    void aChainOfLinksAndADanglingLinkWriteTheFinalFile() throws Exception {
        Path first = Files.createSymbolicLink(dir.resolve("a.json"), dir.resolve("b.json"));
        Files.createSymbolicLink(dir.resolve("b.json"), Path.of("c.json"));
        AtomicFiles.writeString(first, "x");
        assertThat(Files.isSymbolicLink(first)).isTrue();
        assertThat(Files.isSymbolicLink(dir.resolve("b.json"))).isTrue();
        assertThat(Files.readString(dir.resolve("c.json"))).isEqualTo("x");
    }

    @Test
    void aFifoOrFolderIsRefusedAndLeftAlone() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
        Path folder = Files.createDirectory(dir.resolve("empty"));
        for (Path special : List.of(fifo, folder)) {
            assertThatThrownBy(() -> AtomicFiles.writeString(special, "x"))
                    .isInstanceOf(FileSystemException.class)
                    .hasMessageStartingWith(special + ": is ")
                    .hasMessageContaining("not a regular file");
            assertThatThrownBy(() -> AtomicFiles.checkWritable(special)).hasMessageContaining("not a regular file");
        }
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.isDirectory(folder)).isTrue();
        assertThat(hiddenTemps(dir)).isEmpty();
    }

    @Test
    void aLinkToADeviceIsRefusedAndTheLinkKept() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("out.png"), Path.of("/dev/null"));
        assertThatThrownBy(() -> AtomicFiles.writeString(link, "x")).hasMessageContaining("not a regular file");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/dev/null"));
    }

    @Test
    void replacingKeepsTheFilesPermissions() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.json"), "old");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.writeString(secret, "new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(secret, "newer");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-rw-r--");
    }

    @Test
    void aNewFileGetsTheUmasksPermissions() throws Exception {
        // The JVM cannot change its own umask: a child JVM under umask 077 writes the file.
        Path file = dir.resolve("new.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Process p = new ProcessBuilder("sh", "-c", "umask 077 && exec \"$0\" -cp \"$1\" \"$2\" \"$3\"", java, cp,
                WriteMain.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    /** Writes args[0] through AtomicFiles (run by {@link #aNewFileGetsTheUmasksPermissions}). */
    public static final class WriteMain {
        public static void main(String[] args) throws IOException {
            AtomicFiles.writeString(Path.of(args[0]), "{}");
        }
    }

    @Test
    void aFullDiskNamesTheTargetAndTheReasonAndLeavesNothing() throws Exception {
        Path target = Files.writeString(dir.resolve("model.json"), "old");
        // Gson wraps the stream's IOException in a JsonIOException: it must still come out as I/O.
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[100]);
            throw new JsonIOException(new IOException("No space left on device"));
        })).isInstanceOf(IOException.class)
                .hasMessage(target + ": No space left on device")
                .satisfies(e -> assertThat(Messages.withFile(e)).isEqualTo(target + ": No space left on device"));
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(hiddenTemps(dir)).isEmpty();
    }

    @Test
    void anUnwritableFolderNamesTheTargetNotTheTempFile() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain"), "x");
        Path target = notAFolder.resolve("model.json");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .hasMessageStartingWith(target + ": ")
                .hasMessageNotContaining(".tmp");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(target)).hasMessageStartingWith(target + ": ");
    }

    @Test
    void anExistingFileInWriteNewIsReportedAsAlreadyExisting() throws Exception {
        Path target = Files.writeString(dir.resolve("a.png"), "x");
        assertThatThrownBy(() -> AtomicFiles.writeNew(target, out -> out.write(1)))
                .satisfies(e -> assertThat(Messages.withFile(e)).isEqualTo(target + ": already exists"));
    }

    @Test
    void staleTempFilesOfOursAreRemovedOthersAreNot() throws Exception {
        Path target = dir.resolve("settings.json");
        Path stale = Files.writeString(dir.resolve(".settings.json.123456789.tmp"), "half");
        Path fresh = Files.writeString(dir.resolve(".settings.json.987654321.tmp"), "running");
        Path foreign = Files.writeString(dir.resolve(".settings.json.notours.tmp"), "keep");
        Path otherTarget = Files.writeString(dir.resolve(".model.json.123.tmp"), "keep");
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        for (Path p : List.of(stale, foreign, otherTarget)) {
            Files.setLastModifiedTime(p, old);
        }
        AtomicFiles.writeString(target, "{}");
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(foreign).exists();
        assertThat(otherTarget).exists();
    }

    private static List<Path> hiddenTemps(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
