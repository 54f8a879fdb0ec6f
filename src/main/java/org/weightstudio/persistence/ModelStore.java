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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightstudio.data.Augmentation;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.LayerSpec;
import org.weightstudio.model.Network;
import org.weightstudio.model.Shape;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.model.Tensor;
import org.weightstudio.training.TrainingConfig;

/**
 * Saves and loads models as JSON, atomically, validating everything on the way in. Writes format
 * version 2 (layers, shapes and named tensors, any architecture); reads 2 and 1 (the one-layer
 * net's classes, inputs, weights and bias).
 */
public final class ModelStore {
    private static final Gson GSON = ModelFileLimits.gsonBuilder().create();

    private ModelStore() {
    }

    /** Writes a model of any architecture as format version 2, atomically. */
    public static void save(Path file, SavedModel saved) throws IOException {
        Network net = saved.network();
        if (!net.isFinite()) {
            throw new IllegalStateException("refusing to save a model with NaN or infinite parameters");
        }
        ModelFile dto = new ModelFile();
        dto.formatVersion = ModelFile.FORMAT_VERSION;
        dto.architecture = net.architecture().kind();
        dto.dataset = saved.dataset();
        dto.classNames = saved.classNames();
        dto.imageRows = saved.imageRows();
        dto.imageCols = saved.imageCols();
        dto.layers = new ArrayList<>();
        for (LayerSpec spec : net.architecture().layers()) {
            ModelFile.LayerDto l = new ModelFile.LayerDto();
            l.type = spec.type();
            l.name = spec.name();
            l.input = spec.input().dims();
            l.output = spec.output().dims();
            dto.layers.add(l);
        }
        dto.tensors = new ArrayList<>();
        for (Tensor t : net.parameters()) {
            ModelFile.TensorDto d = new ModelFile.TensorDto();
            d.name = t.name();
            d.shape = t.shape().dims();
            d.values = t.data().clone();
            dto.tensors.add(d);
        }
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
            throw error(file, "cannot read: " + e.getMessage());
        }
        return validate(file, dto);
    }

    private static SavedModel validate(Path file, ModelFile dto) {
        if (dto == null) {
            throw error(file, "empty file");
        }
        require(file, dto.formatVersion, "formatVersion");
        if (dto.formatVersion == ModelFile.FORMAT_VERSION) {
            return validateLayers(file, dto);
        }
        if (dto.formatVersion != ModelFile.VERSION_1) {
            throw error(file, "formatVersion " + dto.formatVersion + " is not supported (this studio reads 1 and "
                    + ModelFile.FORMAT_VERSION + ")");
        }
        return validateVersion1(file, dto);
    }

    /** Version 1: the one-layer net as classes, inputs, weights and bias. */
    private static SavedModel validateVersion1(Path file, ModelFile dto) {
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
        requireStep(file, dto);
        List<String> names = classNames(file, dto, dto.classes);
        TrainingConfig config = config(file, dto);
        SoftmaxModel model = SoftmaxModel.of(dto.classes, dto.inputs, dto.weights, dto.bias);
        return new SavedModel(model, dataset(dto), names, rows, cols, config, dto.step, accuracy(dto));
    }

    /** Version 2: layers with shapes, and a named tensor for every parameter of every layer. */
    private static SavedModel validateLayers(Path file, ModelFile dto) {
        require(file, dto.layers, "layers");
        require(file, dto.tensors, "tensors");
        require(file, dto.imageRows, "imageRows");
        require(file, dto.imageCols, "imageCols");
        requireStep(file, dto);
        if (dto.layers.isEmpty()) {
            throw error(file, "no layers");
        }
        ModelFileLimits.checkImageSize(file, dto.imageRows, dto.imageCols);
        List<LayerSpec> specs = new ArrayList<>();
        for (int l = 0; l < dto.layers.size(); l++) {
            ModelFile.LayerDto d = dto.layers.get(l);
            if (d == null || d.type == null || d.name == null || d.input == null || d.output == null) {
                throw error(file, "layer " + l + " needs type, name, input and output");
            }
            try {
                specs.add(new LayerSpec(d.type, d.name, Shape.of(d.input), Shape.of(d.output)));
            } catch (IllegalArgumentException e) {
                throw error(file, "layer " + d.name + ": " + e.getMessage());
            }
        }
        Network network;
        try {
            String kind = dto.architecture == null ? "network" : dto.architecture;
            network = new Architecture(kind, dto.imageRows, dto.imageCols, specs).build();
        } catch (IllegalArgumentException e) {
            throw error(file, e.getMessage());
        }
        fillTensors(file, dto.tensors, network);
        List<String> names = classNames(file, dto, network.classes());
        TrainingConfig config = config(file, dto);
        return new SavedModel(network, dataset(dto), names, dto.imageRows, dto.imageCols, config, dto.step,
                accuracy(dto));
    }

    /** Every tensor of the network from the file: present once, of the layer's shape, finite; no strays. */
    private static void fillTensors(Path file, List<ModelFile.TensorDto> tensors, Network network) {
        Map<String, ModelFile.TensorDto> byName = new LinkedHashMap<>();
        for (ModelFile.TensorDto t : tensors) {
            if (t == null || t.name == null || t.shape == null || t.values == null) {
                throw error(file, "a tensor needs name, shape and values");
            }
            if (byName.put(t.name, t) != null) {
                throw error(file, "tensor \"" + t.name + "\" appears twice");
            }
        }
        for (Tensor target : network.parameters()) {
            ModelFile.TensorDto t = byName.remove(target.name());
            if (t == null) {
                throw error(file, "missing tensor \"" + target.name() + "\"");
            }
            String shape = shapeText(t.shape);
            if (!shape.equals(target.shape().toString())) {
                throw error(file, "tensor " + t.name + " has shape " + shape + ", its layer needs " + target.shape());
            }
            if (t.values.length != target.size()) {
                throw error(file, "tensor " + t.name + " holds " + t.values.length + " values, shape " + shape
                        + " needs " + target.size());
            }
            requireFinite(file, t.values, t.name);
            ModelFileLimits.checkMagnitudes(file, t.values, t.name);
            System.arraycopy(t.values, 0, target.data(), 0, t.values.length);
        }
        if (!byName.isEmpty()) {
            throw error(file, "tensor \"" + byName.keySet().iterator().next() + "\" belongs to no layer");
        }
    }

    private static String shapeText(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return s.toString();
    }

    private static void requireStep(Path file, ModelFile dto) {
        require(file, dto.step, "step");
        require(file, dto.config, "config");
        if (dto.step < 0) {
            throw error(file, "step " + dto.step + " is negative");
        }
        ModelFileLimits.checkStep(file, dto.step);
    }

    private static String dataset(ModelFile dto) {
        return dto.dataset == null ? "unknown" : dto.dataset;
    }

    private static double accuracy(ModelFile dto) {
        return dto.testAccuracy == null ? Double.NaN : dto.testAccuracy;
    }

    private static List<String> classNames(Path file, ModelFile dto, int classes) {
        List<String> names = dto.classNames;
        if (names == null) {
            names = new ArrayList<>();
            for (int i = 0; i < classes; i++) {
                names.add(Integer.toString(i));
            }
        } else if (names.size() != classes) {
            throw error(file, "classNames has " + names.size() + " names for " + classes + " classes");
        }
        return names;
    }

    private static TrainingConfig config(Path file, ModelFile dto) {
        TrainingConfig config;
        try {
            ModelFile.ConfigDto c = dto.config;
            config = new TrainingConfig(orDefault(c.batchSize, 2), orDefault(c.learningRate, 0.05),
                    orDefault(c.l2, 0.0), orDefault(c.decay, 0.0), c.seed == null ? 42 : c.seed,
                    orDefault(c.initScale, 0.0), augmentation(c.augmentation));
        } catch (IllegalArgumentException e) {
            throw error(file, "config: " + e.getMessage());
        }
        return config;
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
