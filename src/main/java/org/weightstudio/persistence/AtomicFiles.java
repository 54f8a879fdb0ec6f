package org.weightstudio.persistence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.weightstudio.common.Messages;

/**
 * Writes files so that a reader (or a crash) never sees half of one: the bytes go to a hidden
 * temporary file {@code .NAME.DIGITS.tmp} in the target's folder, are forced to disk, and the
 * temporary file is then renamed over the target in one atomic step. On failure the temporary
 * file is removed and the target is left as it was.
 *
 * <p>The rules (docs/reliability.md):
 * <ul>
 * <li>A symbolic link is never replaced: the write goes through the link (and any chain of
 * links) to the real file, atomically, next to that file; the link stays as it was.</li>
 * <li>Anything that is not a regular file (a device, a folder, a FIFO, a socket) is refused with
 * an {@link IOException} naming it, before anything is created.</li>
 * <li>Replacing a file keeps its permissions; a new file gets the umask's permissions, as any
 * program's new file does.</li>
 * <li>Failures name the target, never the temporary file, with the reason ("No space left on
 * device").</li>
 * <li>Temporary files of ours older than {@link #STALE_AFTER} next to the target (left by a
 * crash or kill -9) are removed on the next write of that target.</li>
 * </ul>
 */
public final class AtomicFiles {
    /** A temporary file this old cannot belong to a write still running. */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);
    private static final int MAX_LINKS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** Writes {@code target}, replacing any regular file already there. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    /** Writes {@code target}, failing with {@link FileAlreadyExistsException} if it exists. */
    public static void writeNew(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /**
     * Checks, before long work, that {@code target} could be written: its folder exists (it is
     * created) and is writable, and the target is a regular file or absent. Throws the same
     * one-line {@link IOException} the write itself would.
     */
    public static void checkWritable(Path target) throws IOException {
        Path real = realTarget(target);
        requireRegularOrAbsent(target, real);
        Path dir = real.getParent();
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw failure(target, "folder " + dir + " is not a folder");
        } catch (IOException e) {
            throw failure(target, "cannot create folder " + dir + " (" + Messages.reason(e) + ")");
        }
        if (!Files.isWritable(dir)) {
            throw failure(target, "folder " + dir + " is not writable");
        }
    }

    private static void write(Path target, Content content, boolean replace) throws IOException {
        Path real = realTarget(target);
        requireRegularOrAbsent(target, real);
        Path dir = real.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure(target, "cannot create folder " + dir + " (" + Messages.reason(e) + ")");
        }
        removeStaleTemps(real);
        Path temp = null;
        try {
            temp = createTemp(real);
            copyPermissions(real, temp);
            writeContent(temp, content);
            if (replace) {
                moveReplacing(temp, real);
            } else {
                linkNew(temp, real, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw failure(target, Messages.reason(e));
        } catch (UncheckedIOException e) {
            throw failure(target, Messages.reason(e.getCause()));
        } catch (RuntimeException e) {
            // Writers such as Gson wrap the stream's IOException (a full disk) in their own.
            if (e.getCause() instanceof IOException io) {
                throw failure(target, Messages.reason(io));
            }
            throw e;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void writeContent(Path temp, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    /**
     * The file a write of {@code target} really changes: the end of its chain of symbolic links
     * (relative links resolve against the link's folder), or {@code target} itself.
     */
    static Path realTarget(Path target) throws IOException {
        Path path = target.toAbsolutePath().normalize();
        for (int hops = 0; Files.isSymbolicLink(path); hops++) {
            if (hops == MAX_LINKS) {
                throw failure(target, "too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(path);
            path = path.getParent().resolve(link).normalize();
        }
        return path;
    }

    private static void requireRegularOrAbsent(Path target, Path real) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attrs.isRegularFile()) {
            return;
        }
        String kind = attrs.isDirectory() ? "a folder" : "a device or other special file";
        throw failure(target, "is " + kind + ", not a regular file; refusing to replace it");
    }

    /**
     * A new empty hidden file next to {@code real}, created without explicit permissions so that
     * the process umask applies (Files.createTempFile would force owner-only 0600).
     */
    private static Path createTemp(Path real) throws IOException {
        String prefix = "." + real.getFileName() + ".";
        for (int attempt = 0; ; attempt++) {
            Path temp = real.resolveSibling(prefix + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Replacing a file keeps its permissions (a 0600 file stays 0600). */
    private static void copyPermissions(Path real, Path temp) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(real, PosixFileAttributeView.class);
        if (from == null || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.setPosixFilePermissions(temp, from.readAttributes().permissions());
    }

    private static void linkNew(Path temp, Path real, Path target) throws IOException {
        // A hard link fails if the target exists, so nothing is ever overwritten.
        try {
            Files.createLink(real, temp);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString());
        } catch (UnsupportedOperationException e) {
            if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void moveReplacing(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes our own hidden temporary files for {@code real} ({@code .NAME.DIGITS.tmp}, regular
     * files only) older than {@link #STALE_AFTER}: what a killed process left behind. Best effort.
     */
    static void removeStaleTemps(Path real) {
        Pattern ours = Pattern.compile("\\." + Pattern.quote(real.getFileName().toString()) + "\\.[0-9]+\\.tmp");
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE_AFTER));
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(real.getParent(),
                p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path p : siblings) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().compareTo(cutoff) < 0) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Cleaning up is a courtesy; the write itself decides success.
        }
    }

    /** A one-line failure naming {@code target} (as the user gave it) and the reason. */
    private static FileSystemException failure(Path target, String reason) {
        return new FileSystemException(target.toString(), null, reason);
    }
}
