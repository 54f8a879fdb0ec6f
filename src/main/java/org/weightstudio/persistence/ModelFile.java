package org.weightstudio.persistence;

/**
 * The JSON form of a saved model (Gson DTO; never the live objects). Field names are the file
 * format: rename nothing without raising {@link #FORMAT_VERSION}.
 */
final class ModelFile {
    static final int FORMAT_VERSION = 1;

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
}
