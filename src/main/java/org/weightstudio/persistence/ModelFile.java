package org.weightstudio.persistence;

/**
 * The JSON form of a saved model (Gson DTO; never the live objects). Field names are the file
 * format: rename nothing without raising {@link #FORMAT_VERSION}.
 */
final class ModelFile {
    static final int FORMAT_VERSION = 2;
    /** The one-layer format before layers: classes, inputs, weights (classes x inputs), bias. */
    static final int VERSION_1 = 1;

    Integer formatVersion;
    String dataset;
    java.util.List<String> classNames;
    Integer classes;
    Integer inputs;
    Integer imageRows;
    Integer imageCols;
    /** W, classes x inputs, row-major. */
    float[] weights;
    float[] bias;
    /** Version 2: "softmax", "mlp" ... */
    String architecture;
    /** Version 2: the layers, input first. */
    java.util.List<LayerDto> layers;
    /** Version 2: every parameter tensor of every layer, by name. */
    java.util.List<TensorDto> tensors;
    ConfigDto config;
    Long step;
    Double testAccuracy;

    static final class ConfigDto {
        Integer batchSize;
        Double learningRate;
        Double l2;
        Double decay;
        Long seed;
        Double initScale;
        /** Absent in files written before augmentation existed, and when it is off. */
        AugmentationDto augmentation;
    }

    static final class AugmentationDto {
        Double shift;
        Double minScale;
        Double maxScale;
        Double rotation;
        Double thickerChance;
        Double thinnerChance;
    }

    static final class LayerDto {
        String type;
        String name;
        int[] input;
        int[] output;
    }

    static final class TensorDto {
        String name;
        int[] shape;
        float[] values;
    }
}
