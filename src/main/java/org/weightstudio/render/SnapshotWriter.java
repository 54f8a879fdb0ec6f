package org.weightstudio.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.weightstudio.persistence.SnapshotNames;
import org.weightstudio.persistence.SnapshotSidecar;
import org.weightstudio.persistence.StudioVersion;
import org.weightstudio.training.Frame;

/**
 * Saves what the studio shows as PNG + JSON sidecar pairs: the whole grid, or one tile. The
 * window's Snapshot button and {@code weight-studio snapshot} both call {@link #saveGrid}, so the
 * same frame and delta give the same pixels.
 *
 * <p>The delta recipe both must follow: a picture's delta row is {@code W(step) - W(s0)} where
 * {@code s0} is the step of the previous picture shown (for a live view: the previous frame
 * drawn; for the CLI: the previous picture written, or step 0 for the first). Pass it as
 * {@code delta} and {@code deltaFromStep}; {@link Frame#delta()} with {@link Frame#previousStep()}
 * is that delta when every published frame is shown.
 */
public final class SnapshotWriter {
    private final Clock clock;

    public SnapshotWriter(Clock clock) {
        this.clock = clock;
    }

    /** A writer naming files by the system clock in the default zone. */
    public static SnapshotWriter withSystemClock() {
        return new SnapshotWriter(Clock.systemDefaultZone());
    }

    /** The grid picture of a frame with its own delta (since its previous frame). */
    public static GridPicture renderGrid(Frame frame, GridOptions options, SnapshotInfo info) {
        return renderGrid(frame, frame.delta(), frame.previousStep(), options, info);
    }

    /** The grid picture {@link #saveGrid} writes, without writing it. */
    public static GridPicture renderGrid(Frame frame, float[] delta, long deltaFromStep, GridOptions options,
            SnapshotInfo info) {
        GridCaption caption = GridCaption.of(frame, drawnDeltaFrom(frame, deltaFromStep), info.dataset(),
                info.classNames());
        if (!frame.isOneLayer()) {
            return new NetworkGridRenderer(options).render(frame, delta, caption);
        }
        return new GridRenderer(options).render(frame, delta, caption);
    }

    /**
     * The step the picture's delta starts from: {@code deltaFromStep} for a template layer; a
     * frame without one (a CNN) is drawn with its tensors' own deltas, since its previous frame.
     */
    static long drawnDeltaFrom(Frame frame, long deltaFromStep) {
        return frame.classes() == 0 ? frame.previousStep() : deltaFromStep;
    }

    /** Saves the grid of {@code frame} with its own delta into {@code folder}. */
    public SavedSnapshot saveGrid(Path folder, Frame frame, GridOptions options, SnapshotInfo info)
            throws IOException {
        return saveGrid(folder, frame, frame.delta(), frame.previousStep(), options, info);
    }

    /**
     * Renders and saves the grid as {@code grid-<time>-step<step>.png} plus its sidecar in
     * {@code folder} (created if missing), never overwriting a file.
     *
     * @param delta         the delta row: W(frame.step) - W(deltaFromStep), classes x rows*cols
     * @param deltaFromStep the step the delta starts from
     */
    public SavedSnapshot saveGrid(Path folder, Frame frame, float[] delta, long deltaFromStep, GridOptions options,
            SnapshotInfo info) throws IOException {
        GridPicture picture = renderGrid(frame, delta, deltaFromStep, options, info);
        LocalDateTime now = now();
        SnapshotSidecar meta = sidecar(frame, "grid", null, drawnDeltaFrom(frame, deltaFromStep),
                picture.weightScale(), picture.deltaScale(), options, info, now).withLayers(layerRanges(picture));
        return save(folder, SnapshotNames.base("grid", now, frame.step(), null), picture.image(), meta);
    }

    /**
     * Saves one tile alone ({@code rows*scale x cols*scale} pixels, no title) with the colours it
     * has in the grid: {@code tile} of the weight row, or of the delta row if {@code deltaRow}.
     */
    public SavedSnapshot saveTile(Path folder, Frame frame, float[] delta, long deltaFromStep, int tile,
            boolean deltaRow, GridOptions options, SnapshotInfo info) throws IOException {
        if (tile < 0 || tile >= frame.classes()) {
            throw new IllegalArgumentException("tile " + tile + " is not in 0.." + (frame.classes() - 1));
        }
        PercentileRange robust = new PercentileRange();
        RowScale weightScale = RowScale.of(frame.weights(), frame.classes(), frame.tileSize(), options.scaleMode(),
                robust);
        RowScale deltaScale = RowScale.of(delta, frame.classes(), frame.tileSize(), options.scaleMode(), robust);
        float[] values = deltaRow ? delta : frame.weights();
        float range = (deltaRow ? deltaScale : weightScale).ranges()[tile];
        BufferedImage image = GridRenderer.renderTile(values, tile, frame.rows(), frame.cols(), range,
                options.scale());
        GridCaption caption = GridCaption.of(frame, deltaFromStep, info.dataset(), info.classNames());
        String title = deltaRow ? caption.deltaTitle(tile) : caption.weightTitle(tile);
        LocalDateTime now = now();
        SnapshotSidecar meta = sidecar(frame, "tile", title, deltaFromStep, weightScale, deltaScale, options, info,
                now);
        return save(folder, SnapshotNames.base("tile", now, frame.step(), title), image, meta);
    }

    /** Each section's scales for the sidecar; null for a picture of one template layer. */
    private static List<SnapshotSidecar.LayerRanges> layerRanges(GridPicture picture) {
        if (picture.layers().isEmpty()) {
            return null;
        }
        List<SnapshotSidecar.LayerRanges> out = new ArrayList<>();
        for (LayerScale l : picture.layers()) {
            out.add(new SnapshotSidecar.LayerRanges(l.tensor(), l.title(), l.weights().ranges().clone(),
                    l.deltas().ranges().clone(), l.weights().maxima().clone(), l.deltas().maxima().clone(),
                    l.weights().clipped().clone(), l.deltas().clipped().clone()));
        }
        return out;
    }

    private SavedSnapshot save(Path folder, String base, BufferedImage image, SnapshotSidecar meta)
            throws IOException {
        // Encode before claiming a name, so a failure to encode leaves nothing behind.
        byte[] png = PngWriter.encode(image);
        SnapshotSidecar[] written = new SnapshotSidecar[1];
        Path file = SnapshotNames.writeNewPair(folder, base, "png", out -> out.write(png), name -> {
            written[0] = meta.withImage(name);
            return written[0].content();
        });
        return new SavedSnapshot(file, SnapshotNames.sidecarOf(file), image, written[0]);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    static SnapshotSidecar sidecar(Frame frame, String kind, String tile, long deltaFromStep, RowScale weightScale,
            RowScale deltaScale, GridOptions options, SnapshotInfo info, LocalDateTime time) {
        var c = frame.config();
        var names = info.classNames().isEmpty() ? GridCaption.digits(frame.classes()) : info.classNames();
        Double percentile = options.scaleMode() == ScaleMode.ROBUST ? PercentileRange.DEFAULT_PERCENTILE : null;
        double[] clarity = info.clarity();
        return new SnapshotSidecar(SnapshotSidecar.FORMAT_VERSION, null, kind, tile, frame.step(), frame.epochs(),
                info.dataset(), names, c.batchSize(), c.learningRate(), c.learningRateAt(frame.epochs()), c.l2(),
                c.decay(), c.seed(), c.initScale(), info.refreshInterval(), scaleModeName(options.scaleMode()),
                options.scale(), weightScale.ranges().clone(), deltaScale.ranges().clone(), deltaFromStep,
                SnapshotSidecar.finiteOrNull(frame.loss()), SnapshotSidecar.finiteOrNull(frame.accuracy()),
                StudioVersion.current(), time.toString(),
                c.augmentation().isOff() ? null : c.augmentation().toOptions(), percentile,
                weightScale.maxima().clone(), deltaScale.maxima().clone(), weightScale.clipped().clone(),
                deltaScale.clipped().clone(),
                clarity == null ? null : java.util.Arrays.stream(clarity).average().orElse(Double.NaN),
                clarity == null ? null : java.util.Arrays.stream(clarity).min().orElse(Double.NaN), clarity,
                frame.architecture());
    }

    /** The command-line spelling: "shared", "per-tile" or "robust". */
    public static String scaleModeName(ScaleMode mode) {
        return switch (mode) {
            case SHARED -> "shared";
            case PER_TILE -> "per-tile";
            case ROBUST -> "robust";
        };
    }
}
