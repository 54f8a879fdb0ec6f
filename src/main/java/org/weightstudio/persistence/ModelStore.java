package org.weightstudio.persistence;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.weightstudio.common.Messages;
import org.weightstudio.data.Augmentation;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.TrainingConfig;

/** Saves and loads models as JSON, atomically, validating everything on the way in. */
public final class ModelStore {
    private static final Gson GSON = ModelFileLimits.gsonBuilder().create();

    private ModelStore() {
    }

    public static void save(Path file, SavedModel saved) throws IOException {
        SoftmaxModel m = saved.model();
        if (!m.isFinite()) {
            throw new IllegalStateException("refusing to save a model with NaN or infinite parameters");
        }
        ModelFile dto = new ModelFile();
        dto.formatVersion = ModelFile.FORMAT_VERSION;
        dto.dataset = saved.dataset();
        dto.classNames = saved.classNames();
        dto.classes = m.classes();
        dto.inputs = m.inputs();
        dto.imageRows = saved.imageRows();
        dto.imageCols = saved.imageCols();
        dto.weights = m.weights().data.clone();
        dto.bias = m.bias().data.clone();
        TrainingConfig c = saved.config();
        dto.config = new ModelFile.ConfigDto();
        dto.config.batchSize = c.batchSize();
        dto.config.learningRate = c.learningRate();
        dto.config.l2 = c.l2();
        dto.config.decay = c.decay();
        dto.config.seed = c.seed();
        dto.config.initScale = c.initScale();
        dto.config.augmentation = augmentationDto(c.augmentation());
        dto.step = saved.step();
        dto.testAccuracy = Double.isFinite(saved.testAccuracy()) ? saved.testAccuracy() : null;
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            GSON.toJson(dto, w);
            w.flush();
        });
    }

    public static SavedModel load(Path file) {
        ModelFile dto;
        try (Reader reader = ModelFileLimits.open(file)) {
            dto = GSON.fromJson(reader, ModelFile.class);
        } catch (NoSuchFileException e) {
            throw error(file, "no such file");
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw error(file, "not a valid model JSON (" + Messages.firstLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw error(file, "cannot read (" + Messages.reason(e) + ")");
        }
        return validate(file, dto);
    }

    private static SavedModel validate(Path file, ModelFile dto) {
        if (dto == null) {
            throw error(file, "empty file");
        }
        require(file, dto.formatVersion, "formatVersion");
        if (dto.formatVersion != ModelFile.FORMAT_VERSION) {
            throw error(file, "formatVersion " + dto.formatVersion + " is not supported (this studio reads "
                    + ModelFile.FORMAT_VERSION + ")");
        }
        require(file, dto.classes, "classes");
        require(file, dto.inputs, "inputs");
        require(file, dto.weights, "weights");
        require(file, dto.bias, "bias");
        require(file, dto.step, "step");
        require(file, dto.config, "config");
        if (dto.classes < 2 || dto.classes > 256 || dto.inputs < 1 || dto.inputs > 1 << 20) {
            throw error(file, "dimensions " + dto.classes + "x" + dto.inputs + " are out of range");
        }
        int rows = dto.imageRows == null ? (int) Math.round(Math.sqrt(dto.inputs)) : dto.imageRows;
        int cols = dto.imageCols == null ? rows : dto.imageCols;
        ModelFileLimits.checkImageSize(file, rows, cols);
        if ((long) rows * cols != dto.inputs) {
            throw error(file, "image size " + rows + "x" + cols + " does not match " + dto.inputs + " inputs");
        }
        if (dto.weights.length != dto.classes * dto.inputs) {
            throw error(file, "weights hold " + dto.weights.length + " values, dimensions " + dto.classes + "x"
                    + dto.inputs + " need " + (dto.classes * dto.inputs));
        }
        if (dto.bias.length != dto.classes) {
            throw error(file, "bias holds " + dto.bias.length + " values, expected " + dto.classes);
        }
        requireFinite(file, dto.weights, "weights");
        requireFinite(file, dto.bias, "bias");
        ModelFileLimits.checkMagnitudes(file, dto.weights, "weights");
        ModelFileLimits.checkMagnitudes(file, dto.bias, "bias");
        ModelFileLimits.checkStep(file, dto.step);
        java.util.List<String> names = dto.classNames;
        if (names == null) {
            names = new java.util.ArrayList<>();
            for (int i = 0; i < dto.classes; i++) {
                names.add(Integer.toString(i));
            }
        } else if (names.size() != dto.classes) {
            throw error(file, "classNames has " + names.size() + " names for " + dto.classes + " classes");
        }
        ModelFileLimits.checkClassNames(file, names);
        TrainingConfig config;
        try {
            ModelFile.ConfigDto c = dto.config;
            config = new TrainingConfig(orDefault(c.batchSize, 2), orDefault(c.learningRate, 0.05),
                    orDefault(c.l2, 0.0), orDefault(c.decay, 0.0), c.seed == null ? 42 : c.seed,
                    orDefault(c.initScale, 0.0), augmentation(c.augmentation));
        } catch (IllegalArgumentException e) {
            throw error(file, "config: " + e.getMessage());
        }
        SoftmaxModel model = SoftmaxModel.of(dto.classes, dto.inputs, dto.weights, dto.bias);
        double accuracy = dto.testAccuracy == null ? Double.NaN : dto.testAccuracy;
        return new SavedModel(model, dto.dataset == null ? "unknown" : dto.dataset, names, rows, cols, config,
                dto.step, accuracy);
    }

    private static ModelFile.AugmentationDto augmentationDto(Augmentation a) {
        if (a.isOff()) {
            return null;
        }
        ModelFile.AugmentationDto dto = new ModelFile.AugmentationDto();
        dto.shift = a.shift();
        dto.minScale = a.minScale();
        dto.maxScale = a.maxScale();
        dto.rotation = a.rotation();
        dto.thickerChance = a.thickerChance();
        dto.thinnerChance = a.thinnerChance();
        return dto;
    }

    /** The saved ranges; a missing field is the empty range. Bad values throw IllegalArgumentException. */
    private static Augmentation augmentation(ModelFile.AugmentationDto a) {
        if (a == null) {
            return Augmentation.OFF;
        }
        return new Augmentation(orDefault(a.shift, 0.0), orDefault(a.minScale, 1.0), orDefault(a.maxScale, 1.0),
                orDefault(a.rotation, 0.0), orDefault(a.thickerChance, 0.0), orDefault(a.thinnerChance, 0.0));
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static void require(Path file, Object value, String field) {
        if (value == null) {
            throw error(file, "missing field \"" + field + "\"");
        }
    }

    private static void requireFinite(Path file, float[] values, String field) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw error(file, field + "[" + i + "] is " + values[i] + ", not a finite number");
            }
        }
    }

    private static ModelFileException error(Path file, String problem) {
        return new ModelFileException(file.getFileName() + ": " + problem);
    }
}
