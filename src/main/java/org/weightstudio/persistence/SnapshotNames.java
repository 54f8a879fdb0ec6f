package org.weightstudio.persistence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * Snapshot file names that sort by time and say the step: {@code grid-20261130-141502-step003000}.
 * When a name is taken (two snapshots of one step in one second) a suffix {@code -2}, {@code -3},
 * ... is added; an existing file is never overwritten.
 *
 * <p>Time is the wall clock of the caller's zone, to the second; the step is zero-padded to six
 * digits (more digits beyond 999,999), so names of one run sort by step within a second.
 */
public final class SnapshotNames {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    /** Give up after this many taken names: something else is wrong with the folder. */
    static final int MAX_SUFFIX = 10_000;

    private SnapshotNames() {
    }

    /**
     * The base name (no extension) of a snapshot of kind {@code kind} ("grid", "tile") at
     * {@code time} and {@code step}; {@code detail} (a tile title, or null) goes last.
     */
    public static String base(String kind, LocalDateTime time, long step, String detail) {
        String name = kind + "-" + TIME.format(time) + String.format(Locale.ROOT, "-step%06d", step);
        return detail == null ? name : name + "-" + safe(detail);
    }

    /** {@code base} for the first try, then {@code base-2}, {@code base-3}, ... */
    public static String withSuffix(String base, int attempt) {
        return attempt <= 1 ? base : base + "-" + attempt;
    }

    /**
     * Writes a new picture and its sidecar under the first free name {@code base[-n].ext} /
     * {@code base[-n].json}. The picture is written first with {@link AtomicFiles#writeNew} (a
     * name taken meanwhile is skipped, never overwritten), then the sidecar, which learns the
     * picture's file name. If the sidecar cannot be written the picture is removed again, so the
     * folder holds both or neither.
     *
     * @param sidecar given the picture's file name, the sidecar's content
     * @return the picture's path; its sidecar is the same name with {@code .json}
     */
    public static Path writeNewPair(Path folder, String base, String ext, AtomicFiles.Content picture,
            Function<String, AtomicFiles.Content> sidecar) throws IOException {
        Files.createDirectories(folder);
        for (int attempt = 1; attempt <= MAX_SUFFIX; attempt++) {
            String name = withSuffix(base, attempt);
            Path image = folder.resolve(name + "." + ext);
            Path json = sidecarOf(image);
            if (Files.exists(image) || Files.exists(json)) {
                continue;
            }
            try {
                AtomicFiles.writeNew(image, picture);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            try {
                AtomicFiles.writeNew(json, sidecar.apply(image.getFileName().toString()));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(image);
                throw e;
            }
            return image;
        }
        throw new FileAlreadyExistsException(folder.resolve(base + "." + ext).toString(), null,
                MAX_SUFFIX + " snapshots of this step and second already exist");
    }

    /** The sidecar beside a picture: same name, extension {@code .json}. */
    public static Path sidecarOf(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return image.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".json");
    }

    /** A tile title as a file-name part: letters, digits, '_' and '-' only ("T-shirt/top" -> "T-shirt_top"). */
    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
