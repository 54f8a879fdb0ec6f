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
import java.util.List;

/**
 * The JSON sidecar beside a snapshot PNG (Gson DTO; field names are the file format: rename
 * nothing without raising {@link #FORMAT_VERSION}). Enough to say what the picture shows and to
 * reproduce it: train with the same dataset, seed and settings to {@code step}, take the delta
 * since {@code deltaFromStep}, render with {@code scaleMode} and {@code scale}.
 *
 * @param formatVersion       {@link #FORMAT_VERSION}
 * @param image               file name of the picture this describes
 * @param kind                "grid" or "tile"
 * @param tile                the tile's title for a single-tile snapshot ("3", "delta_3"), else null
 * @param step                updates done
 * @param epoch               fractional epochs done
 * @param dataset             dataset name
 * @param classNames          class names in label order
 * @param batch               images per update
 * @param learningRate        configured learning rate
 * @param currentLearningRate learning rate after decay at {@code epoch}
 * @param l2                  L2 weight decay
 * @param decay               learning-rate decay per epoch
 * @param seed                seed of shuffle and init
 * @param initScale           std. deviation of the initial weights
 * @param refreshInterval     updates between published frames
 * @param scaleMode           "shared", "per-tile" or "robust"
 * @param scale               screen pixels per weight
 * @param weightRange         per tile of the weight row: colours span [-r, r]
 * @param deltaRange          per tile of the delta row
 * @param deltaFromStep       the delta row shows W(step) - W(deltaFromStep)
 * @param loss                mean training loss since the previous frame (null if unknown)
 * @param accuracy            training accuracy since the previous frame (null if unknown)
 * @param studioVersion       {@link StudioVersion#current()} of the writer
 * @param createdAt           ISO-8601 local date-time the snapshot was taken
 * @param augmentation        training-time augmentation as its command-line options; null (left
 *                            out of the JSON) when off
 * @param rangePercentile     for "robust": the percentile of |v| each row's range is (99.5), else null
 * @param weightMax           per tile of the weight row: the true largest |w| (may exceed the range)
 * @param deltaMax            per tile of the delta row: the true largest |delta|
 * @param weightClipped       per tile of the weight row: share (0..1) of pixels beyond the range,
 *                            drawn at full colour
 * @param deltaClipped        per tile of the delta row: share of pixels beyond the range
 * @param clarityMean         mean over classes of {@code clarity}, null when not measured
 * @param clarityMin          smallest of {@code clarity}, null when not measured
 * @param clarity             per class, the Pearson correlation of the class's weights with its mean
 *                            training image minus the mean of all (see analysis.Clarity); null when
 *                            not measured or the model has no one-image template per class
 * @param architecture        the model drawn: "softmax 784-10", "mlp 784-64-10"
 * @param layers              for a picture drawn layer by layer (a CNN): each section's tensor,
 *                            title and colour scales, in the picture's order (the first is also
 *                            {@code weightRange} ... {@code deltaClipped}); null otherwise
 */
public record SnapshotSidecar(int formatVersion, String image, String kind, String tile, long step, double epoch,
        String dataset, List<String> classNames, int batch, double learningRate, double currentLearningRate, double l2,
        double decay, long seed, double initScale, long refreshInterval, String scaleMode, int scale,
        float[] weightRange, float[] deltaRange, long deltaFromStep, Double loss, Double accuracy, String studioVersion,
        String createdAt, String augmentation, Double rangePercentile, float[] weightMax, float[] deltaMax,
        float[] weightClipped, float[] deltaClipped, Double clarityMean, Double clarityMin, double[] clarity, String architecture, List<LayerRanges> layers) {

    public static final int FORMAT_VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** A sidecar of a picture of one template layer (no {@code layers}). */
    public SnapshotSidecar(int formatVersion, String image, String kind, String tile, long step, double epoch,
            String dataset, List<String> classNames, int batch, double learningRate, double currentLearningRate,
            double l2, double decay, long seed, double initScale, long refreshInterval, String scaleMode, int scale,
            float[] weightRange, float[] deltaRange, long deltaFromStep, Double loss, Double accuracy,
            String studioVersion, String createdAt, String augmentation, Double rangePercentile, float[] weightMax,
            float[] deltaMax, float[] weightClipped, float[] deltaClipped, Double clarityMean, Double clarityMin,
            double[] clarity, String architecture) {
        this(formatVersion, image, kind, tile, step, epoch, dataset, classNames, batch, learningRate,
                currentLearningRate, l2, decay, seed, initScale, refreshInterval, scaleMode, scale, weightRange,
                deltaRange, deltaFromStep, loss, accuracy, studioVersion, createdAt, augmentation, rangePercentile,
                weightMax, deltaMax, weightClipped, deltaClipped, clarityMean, clarityMin, clarity, architecture, null);
    }

    /**
     * The colour scales of one section of a layer picture.
     *
     * @param tensor        the tensor drawn, "conv1.W"
     * @param title         the section's heading in the picture
     * @param weightRange   per tile of its weights: colours span [-r, r]
     * @param deltaRange    per tile of its deltas
     * @param weightMax     per tile: the true largest |w|
     * @param deltaMax      per tile: the true largest |delta|
     * @param weightClipped per tile: share of values beyond the range
     * @param deltaClipped  per tile: the same for the deltas
     */
    public record LayerRanges(String tensor, String title, float[] weightRange, float[] deltaRange,
            float[] weightMax, float[] deltaMax, float[] weightClipped, float[] deltaClipped) {
    }

    /** This sidecar describing the picture saved as {@code fileName}. */
    public SnapshotSidecar withImage(String fileName) {
        return new SnapshotSidecar(formatVersion, fileName, kind, tile, step, epoch, dataset, classNames, batch,
                learningRate, currentLearningRate, l2, decay, seed, initScale, refreshInterval, scaleMode, scale,
                weightRange, deltaRange, deltaFromStep, loss, accuracy, studioVersion, createdAt, augmentation,
                rangePercentile, weightMax, deltaMax, weightClipped, deltaClipped, clarityMean, clarityMin, clarity,
                architecture, layers);
    }

    /** This sidecar with {@code ranges} as its {@link #layers()}. */
    public SnapshotSidecar withLayers(List<LayerRanges> ranges) {
        return new SnapshotSidecar(formatVersion, image, kind, tile, step, epoch, dataset, classNames, batch,
                learningRate, currentLearningRate, l2, decay, seed, initScale, refreshInterval, scaleMode, scale,
                weightRange, deltaRange, deltaFromStep, loss, accuracy, studioVersion, createdAt, augmentation,
                rangePercentile, weightMax, deltaMax, weightClipped, deltaClipped, clarityMean, clarityMin, clarity,
                architecture, ranges);
    }

    /** NaN (unknown) as null: JSON has no NaN. */
    public static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** The sidecar's content for {@link AtomicFiles}. */
    public AtomicFiles.Content content() {
        return out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            GSON.toJson(this, w);
            w.write('\n');
            w.flush();
        };
    }

    public void writeNew(Path file) throws IOException {
        AtomicFiles.writeNew(file, content());
    }

    /** Reads and checks a sidecar; a bad one is a {@link ModelFileException}-style one-line error. */
    public static SnapshotSidecar read(Path file) {
        SnapshotSidecar s;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            s = GSON.fromJson(reader, SnapshotSidecar.class);
        } catch (NoSuchFileException e) {
            throw new SidecarException(file.getFileName() + ": no such file");
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new SidecarException(file.getFileName() + ": not a valid snapshot sidecar (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new SidecarException(file.getFileName() + ": cannot read: " + e.getMessage());
        }
        if (s == null) {
            throw new SidecarException(file.getFileName() + ": empty file");
        }
        if (s.formatVersion() != FORMAT_VERSION) {
            throw new SidecarException(file.getFileName() + ": formatVersion " + s.formatVersion()
                    + " is not supported (this studio reads " + FORMAT_VERSION + ")");
        }
        return s;
    }

    /** A sidecar that cannot be read. */
    public static final class SidecarException extends org.weightstudio.common.BadInputException {
        public SidecarException(String message) {
            super(message);
        }
    }
}
