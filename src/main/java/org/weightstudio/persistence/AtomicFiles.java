package org.weightstudio.persistence;

import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader (or a crash) never sees half of one: the bytes go to a temporary
 * file in the target's folder, are forced to disk, and the temporary file is then moved over the
 * target in one atomic rename. On failure the temporary file is removed and the target is left
 * as it was.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes a file's bytes; must not close the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), true);
    }

    /** Writes {@code target}, replacing any file already there. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    /** Writes {@code target}, failing with {@link FileAlreadyExistsException} if it exists. */
    public static void writeNew(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    private static void write(Path target, Content content, boolean replace) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            readableByAll(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (replace) {
                moveReplacing(temp, absolute);
            } else {
                // A hard link fails if the target exists, so nothing is ever overwritten.
                try {
                    Files.createLink(absolute, temp);
                } catch (UnsupportedOperationException e) {
                    if (Files.exists(absolute)) {
                        throw new FileAlreadyExistsException(absolute.toString());
                    }
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * createTempFile makes an owner-only file (0600); a saved picture or model should be as
     * readable as any file the user writes (0644), so it can be shared or served.
     */
    private static void readableByAll(Path temp) throws IOException {
        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void moveReplacing(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
