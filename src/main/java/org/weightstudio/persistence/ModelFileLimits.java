package org.weightstudio.persistence;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a model file may hold, checked before and while reading it, so that a crafted file costs
 * at most what a real model costs and never gives wrong output:
 * <ul>
 * <li>at most {@value #MAX_BYTES} bytes (64 MiB). A 10 x 784 model is about 100 KB of JSON; the cap
 * leaves room for about five million parameters, far more than any network this studio trains.
 * A larger file is refused by its size, before a byte is parsed;</li>
 * <li>number arrays are read straight into a growing {@code float[]}, never a list of boxed
 * numbers (Gson's default), so reading takes about the file's size in heap;</li>
 * <li>every weight within {@value #MAX_MAGNITUDE} in magnitude: larger ones are finite but make the
 * scores overflow to infinity and the probabilities NaN;</li>
 * <li>a step of at most {@value #MAX_STEP}, so training on from it cannot overflow;</li>
 * <li>positive image sides.</li>
 * </ul>
 */
final class ModelFileLimits {
    static final long MAX_BYTES = 64L << 20;
    static final float MAX_MAGNITUDE = 1e6f;
    static final long MAX_STEP = 1_000_000_000_000_000L;

    private ModelFileLimits() {
    }

    /** The Gson for model files: float arrays streamed into primitive arrays. */
    static GsonBuilder gsonBuilder() {
        return new GsonBuilder().registerTypeAdapter(float[].class, new FloatArrayAdapter().nullSafe());
    }

    /** A reader of {@code file}, after checking its size; throws a one-line error naming it. */
    static Reader open(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ModelFileException(file.getFileName() + ": " + size + " bytes, larger than the "
                    + (MAX_BYTES >> 20) + " MiB any model file of this studio can be");
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** Fails naming the first value of {@code values} larger in magnitude than {@link #MAX_MAGNITUDE}. */
    static void checkMagnitudes(Path file, float[] values, String field) {
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i]) > MAX_MAGNITUDE) {
                throw new ModelFileException(file.getFileName() + ": " + field + "[" + i + "] is " + values[i]
                        + ", larger in magnitude than " + MAX_MAGNITUDE + " (the scores would overflow)");
            }
        }
    }

    static void checkStep(Path file, long step) {
        if (step < 0 || step > MAX_STEP) {
            throw new ModelFileException(file.getFileName() + ": step " + step + " is out of range (0 to "
                    + MAX_STEP + ")");
        }
    }

    static void checkImageSize(Path file, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new ModelFileException(file.getFileName() + ": image size " + rows + "x" + cols
                    + " is not positive");
        }
    }

    /** Reads a JSON array of numbers into a float[] that doubles as it fills; writes it back. */
    private static final class FloatArrayAdapter extends TypeAdapter<float[]> {
        @Override
        public float[] read(JsonReader in) throws IOException {
            float[] values = new float[64];
            int n = 0;
            in.beginArray();
            while (in.hasNext()) {
                if (in.peek() != JsonToken.NUMBER && in.peek() != JsonToken.STRING) {
                    throw new com.google.gson.JsonSyntaxException("expected a number at " + in.getPath()
                            + " but found " + in.peek());
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, 2 * n);
                }
                values[n++] = (float) in.nextDouble();
            }
            in.endArray();
            return Arrays.copyOf(values, n);
        }

        @Override
        public void write(JsonWriter out, float[] values) throws IOException {
            out.beginArray();
            for (float v : values) {
                // as Gson writes a float: the shortest decimal that reads back to the same float
                out.jsonValue(Float.toString(v));
            }
            out.endArray();
        }
    }
}
