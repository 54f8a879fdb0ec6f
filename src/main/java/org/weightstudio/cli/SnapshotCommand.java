package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import java.util.Optional;
import org.weightstudio.analysis.Clarity;
import org.weightstudio.analysis.ClarityTemplates;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.weightstudio.persistence.AtomicFiles;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.weightstudio.common.BadInputException;
import org.weightstudio.data.Dataset;
import org.weightstudio.render.GifWriter;
import org.weightstudio.render.GridAnimation;
import org.weightstudio.render.GridOptions;
import org.weightstudio.render.ExportProgress;
import org.weightstudio.render.SavedSnapshot;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.render.SnapshotInfo;
import org.weightstudio.render.SnapshotWriter;
import org.weightstudio.training.Frame;
import org.weightstudio.training.FrameRecorder;
import org.weightstudio.training.FrameHistory;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weight-studio snapshot}: trains headless and writes the grid picture (PNG + JSON sidecar)
 * every K updates, then optionally an animated GIF of those pictures. Needs no display. Any
 * architecture: the one-layer net's templates, an MLP's hidden units and output matrix, a CNN's
 * filters, kernel mosaic and dense weights (see {@code render/NetworkGridRenderer}).
 *
 * <p>Frames follow the studio's recipe, so the window paused at the same step with refresh
 * interval K shows the same pixels: a frame is captured every K updates with
 * {@link Frame#capture}; its loss is the mean of {@link Trainer#lastLoss()} over those K updates,
 * its accuracy the images classified right (before each update) over K x batch; its delta is
 * W(step) - W(step - K), the first against the initial weights at step 0.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Train headless and save the grid picture (PNG + JSON sidecar) every K updates, "
                + "then an animated GIF if asked. Needs no display.")
public final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Mixin
    ArchOptions arch;

    @Option(names = "--steps", paramLabel = "N", description = "Updates to train (default: ${DEFAULT-VALUE}).")
    long steps = 3000;

    @Option(names = "--every", paramLabel = "K",
            description = "Save a picture every K updates; the refresh interval (default: ${DEFAULT-VALUE}).")
    long every = 500;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the pictures (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("snapshots");

    @Option(names = "--gif", paramLabel = "FILE", description = "Also write an animated GIF of the pictures.")
    Path gif;

    @Option(names = "--fps", paramLabel = "X", description = "GIF frames per second (default: ${DEFAULT-VALUE}).")
    double fps = 2;

    @Option(names = "--scale-mode", paramLabel = "MODE", converter = ScaleModeConverter.class,
            completionCandidates = ScaleModeConverter.Names.class,
            description = "Colour range: shared (one per row, its largest |value|), per-tile (each tile its own), "
                    + "or robust (one per row, the 99.5th percentile of |value|: the few pixels beyond are drawn "
                    + "at full colour and the bar says how many) (default: robust).")
    ScaleMode scaleMode = GridOptions.defaults().scaleMode();

    @Option(names = "--scale", paramLabel = "F",
            description = "Screen pixels per weight, an integer; a CNN's 5x5 filters are drawn at 5 times this "
                    + "(default: ${DEFAULT-VALUE}).")
    int scale = GridOptions.DEFAULT_SCALE;

    @Option(names = "--gif-scale", paramLabel = "F",
            description = "Pixels per weight in the GIF (default: the same as --scale).")
    Integer gifScale;

    @Override
    public Integer call() throws Exception {
        // Before any AWT class loads: pictures are drawn off-screen, with or without a display.
        System.setProperty("java.awt.headless", "true");
        PrintWriter stdout = spec.commandLine().getOut();
        GridOptions options = options(scale, "--scale");
        GridOptions gifOptions = options(gifScale == null ? scale : gifScale, "--gif-scale");
        long pictures = checkLengths();
        prepareFolders();

        Dataset dataset = data.load();
        TrainingConfig config = arch.config(training, spec.commandLine().getParseResult());
        if (config.batchSize() > dataset.train().size()) {
            throw new UsageException("--batch " + config.batchSize() + " is larger than the "
                    + dataset.train().size() + " training images");
        }
        TrainingOptions.checkAugmentable(config, dataset.train().rows(), dataset.train().cols());
        Trainer trainer = new Trainer(arch.architecture(dataset).build(), dataset.train(), config, 0);
        FrameRecorder recorder = new FrameRecorder(trainer);
        if (!config.augmentation().isOff()) {
            stdout.println(TrainingOptions.describe(config.augmentation()));
        }
        SnapshotInfo info = new SnapshotInfo(dataset.name(), dataset.classNames(), every);
        ClarityTemplates templates = ClarityTemplates.of(dataset.train(), dataset.classCount());
        SnapshotWriter writer = SnapshotWriter.withSystemClock();
        FrameHistory written = new FrameHistory((int) Math.max(2, Math.min(pictures, FrameHistory.DEFAULT_CAPACITY)));

        while (trainer.steps() < steps) {
            trainer.step();
            recorder.afterStep();
            if (trainer.steps() % every != 0 && trainer.steps() != steps) {
                continue;
            }
            if (!recorder.lossIsFinite()) {
                throw new BadInputException("training diverged at step " + trainer.steps()
                        + " (loss is not finite): lower --lr (now " + config.learningRate() + ")");
            }
            Frame frame = recorder.capture();
            Optional<Clarity> clarity = frame.weights() == null ? Optional.empty() : templates.measure(frame.weights());
            SavedSnapshot saved = writer.saveGrid(out, frame, options,
                    info.withClarity(clarity.map(Clarity::perClass).orElse(null)));
            stdout.printf(Locale.ROOT, "step %d  epoch %.3f  loss %.4f  train_accuracy %.4f%s  wrote %s%n",
                    frame.step(), frame.epochs(), frame.loss(), frame.accuracy(),
                    clarity.map(c -> String.format(Locale.ROOT, "  clarity_mean %.4f", c.mean())).orElse(""),
                    saved.png());
            stdout.flush();
            written.add(frame);
        }
        if (gif != null) {
            writeGif(stdout, written, gifOptions, info);
        }
        stdout.printf(Locale.ROOT, "done: %d pictures with sidecars in %s%n", written.size(), out);
        return ExitCodes.OK;
    }

    private void writeGif(PrintWriter stdout, FrameHistory written, GridOptions gifOptions, SnapshotInfo info)
            throws java.io.IOException {
        GridAnimation animation = new GridAnimation(written.all(), gifOptions, info);
        GifWriter.writeNew(gif, animation, fps, ExportProgress.none());
        stdout.printf(Locale.ROOT, "wrote %s: %d frames, %s fps, %d KB%n", gif, animation.count(),
                fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps), (Files.size(gif) + 1023) / 1024);
    }

    private GridOptions options(int s, String option) {
        if (s < 1 || s > GridOptions.MAX_SCALE) {
            throw new UsageException(option + " must be an integer from 1 to " + GridOptions.MAX_SCALE + ", got " + s);
        }
        return new GridOptions(scaleMode, s);
    }

    /** Validates --steps, --every and --fps; returns how many pictures the run writes. */
    private long checkLengths() {
        if (steps < 1) {
            throw new UsageException("--steps must be at least 1, got " + steps);
        }
        if (every < 1) {
            throw new UsageException("--every must be at least 1, got " + every);
        }
        if (!(fps > 0) || fps > GifWriter.MAX_FPS) {
            throw new UsageException("--fps must be above 0 and at most " + GifWriter.MAX_FPS + ", got " + fps);
        }
        long pictures = steps / every + (steps % every == 0 ? 0 : 1);
        if (gif != null && pictures > FrameHistory.DEFAULT_CAPACITY) {
            throw new UsageException("--gif of " + pictures + " pictures is more than "
                    + FrameHistory.DEFAULT_CAPACITY + "; raise --every");
        }
        return pictures;
    }

    /** Fails before training if the folders cannot be written or the GIF exists. */
    private void prepareFolders() throws java.io.IOException {
        AtomicFiles.checkWritableFolder(out);
        if (gif != null) {
            if (Files.exists(gif, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException("--gif " + gif + ": file exists (pictures are never overwritten; "
                        + "choose another name)");
            }
            AtomicFiles.checkWritable(gif);
        }
    }
}
