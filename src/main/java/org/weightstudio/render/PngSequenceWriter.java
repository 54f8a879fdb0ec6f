package org.weightstudio.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A numbered PNG sequence ({@code frame-00001.png}, ...) in a new folder. The pictures go to a
 * hidden temporary folder beside the target, which is renamed to the target in one move when all
 * are written: a failed or cancelled export leaves no folder and no picture behind.
 */
public final class PngSequenceWriter {
    private PngSequenceWriter() {
    }

    /** File name of picture {@code i} (0-based) in a sequence: 1-based, five digits. */
    public static String fileName(int i) {
        return String.format(Locale.ROOT, "frame-%05d.png", i + 1);
    }

    /**
     * Writes every picture of {@code pictures} into the new folder {@code target}; fails with
     * FileAlreadyExistsException if it exists.
     */
    public static void writeNew(Path target, FrameSource pictures, ExportProgress progress) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString());
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".");
        try {
            int n = pictures.count();
            for (int i = 0; i < n; i++) {
                progress.checkCancelled();
                PngWriter.writeNew(temp.resolve(fileName(i)), pictures.picture(i));
                progress.done(i + 1, n);
            }
            if (Files.exists(absolute)) {
                throw new FileAlreadyExistsException(absolute.toString());
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(temp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
