package org.weightstudio.persistence;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.weightstudio.common.Messages;

/**
 * Reads and writes {@link StudioSettings} as JSON in the user's configuration folder:
 * {@code $XDG_CONFIG_HOME/weight-studio/settings.json}, by default
 * {@code ~/.config/weight-studio/settings.json}; the system property
 * {@value #PATH_PROPERTY} names another file (tests use it). A missing file means defaults; a
 * bad value means its default and one warning; an unreadable file means defaults, one warning and
 * a backup copy; never a crash. Writes are atomic (and go through a symlinked settings.json).
 */
public final class StudioSettingsStore {
    public static final String PATH_PROPERTY = "weightstudio.settings";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    /** A settings file is a few hundred bytes; anything past this is not one. */
    static final long MAX_BYTES = 1 << 20;

    private final Path file;

    public StudioSettingsStore(Path file) {
        this.file = file;
    }

    /** The store at the user's default place (or where {@value #PATH_PROPERTY} says). */
    public static StudioSettingsStore forUser() {
        String override = System.getProperty(PATH_PROPERTY);
        if (override != null && !override.isBlank()) {
            return new StudioSettingsStore(Path.of(override));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new StudioSettingsStore(base.resolve("weight-studio").resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    /** Settings and, when the file could not be used, a one-line warning saying why. */
    public record Loaded(StudioSettings settings, String warning) {
    }

    /**
     * The settings in the file: a missing file means defaults; a value of the wrong type or range
     * falls back alone (warning names it); a file that cannot be parsed at all is first copied to
     * {@code settings.json.bad-<time>} and defaults are used. Never throws.
     */
    public Loaded load() {
        String text;
        try {
            text = readSmall(file);
        } catch (NoSuchFileException e) {
            return new Loaded(StudioSettings.defaults(), null);
        } catch (IOException e) {
            return new Loaded(StudioSettings.defaults(), file + ": cannot read (" + Messages.reason(e) + "), using defaults");
        }
        JsonElement tree;
        try {
            tree = JsonParser.parseString(text);
        } catch (JsonParseException | StackOverflowError e) {
            return unreadable("not valid JSON");
        }
        if (tree.isJsonNull()) {
            return unreadable("empty settings file");
        }
        if (!tree.isJsonObject()) {
            return unreadable("not a settings object");
        }
        return fieldByField(tree.getAsJsonObject());
    }

    private String readSmall(Path path) throws IOException {
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException("larger than " + (MAX_BYTES >> 10) + " KB, not a settings file");
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    /** Takes each known field that has the right type; the others keep their defaults. */
    private Loaded fieldByField(JsonObject json) {
        StudioSettings s = StudioSettings.defaults();
        List<String> refused = new ArrayList<>();
        for (Field field : StudioSettings.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || !json.has(field.getName())) {
                continue;
            }
            JsonElement value = json.get(field.getName());
            try {
                Object parsed = GSON.fromJson(value, field.getType());
                if (parsed != null) {
                    field.set(s, parsed);
                }
            } catch (JsonParseException | NumberFormatException | IllegalStateException
                     | UnsupportedOperationException e) {
                refused.add(field.getName() + " " + abbreviated(value));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("settings field " + field.getName() + " is not public", e);
            }
        }
        refused.addAll(s.sanitize());
        String warning = refused.isEmpty() ? null
                : file + ": using the default for " + String.join(", ", refused);
        return new Loaded(s, warning);
    }

    private static String abbreviated(JsonElement value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** Keeps the unreadable file as settings.json.bad-TIME (a copy: a linked file stays linked). */
    private Loaded unreadable(String problem) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path backup = file.resolveSibling(file.getFileName() + ".bad-" + stamp);
        String kept;
        try {
            Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
            kept = "kept as " + backup.getFileName();
        } catch (IOException e) {
            kept = "could not keep a copy (" + Messages.reason(e) + ")";
        }
        return new Loaded(StudioSettings.defaults(), file + ": " + problem + ", using defaults; " + kept);
    }

    public void save(StudioSettings settings) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            GSON.toJson(settings, w);
            w.flush();
        });
    }
}
