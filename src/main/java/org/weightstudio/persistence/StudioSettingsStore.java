package org.weightstudio.persistence;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@link StudioSettings} as JSON in the user's configuration folder:
 * {@code $XDG_CONFIG_HOME/weight-studio/settings.json}, by default
 * {@code ~/.config/weight-studio/settings.json}; the system property
 * {@value #PATH_PROPERTY} names another file (tests use it). A missing file means defaults; a
 * corrupt one means defaults and one warning, never a crash. Writes are atomic.
 */
public final class StudioSettingsStore {
    public static final String PATH_PROPERTY = "weightstudio.settings";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

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

    public Loaded load() {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StudioSettings s = GSON.fromJson(reader, StudioSettings.class);
            if (s == null) {
                return new Loaded(StudioSettings.defaults(), file + ": empty settings file, using defaults");
            }
            return new Loaded(s.sanitized(), null);
        } catch (NoSuchFileException e) {
            return new Loaded(StudioSettings.defaults(), null);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            return new Loaded(StudioSettings.defaults(), file + ": not valid settings JSON, using defaults");
        } catch (IOException e) {
            return new Loaded(StudioSettings.defaults(), file + ": cannot read (" + e.getMessage() + "), using defaults");
        }
    }

    public void save(StudioSettings settings) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            GSON.toJson(settings, w);
            w.flush();
        });
    }
}
