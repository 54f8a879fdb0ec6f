package org.weightstudio.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import org.weightstudio.data.Dataset;
import org.weightstudio.common.Messages;
import org.weightstudio.render.ExportProgress;
import org.weightstudio.render.FrameSource;
import org.weightstudio.render.GifWriter;
import org.weightstudio.render.GridAnimation;
import org.weightstudio.render.GridOptions;
import org.weightstudio.render.PngSequenceWriter;
import org.weightstudio.render.SnapshotInfo;
import org.weightstudio.training.Frame;
import org.weightstudio.training.FrameHistory;
import org.weightstudio.training.PublishedFrame;
import org.weightstudio.ui.work.Workers;

/**
 * The timeline: records every picture the grid draws in a {@link FrameHistory} (cleared at a
 * Reset), shows a recorded one on request, and exports the history as an animated GIF or a
 * numbered PNG sequence on a worker, with progress and Cancel. Each model has its own history;
 * the pictures of an export are the {@code snapshot} command's for that model (the one-layer grid,
 * the MLP's hidden units and output matrix, the CNN's layer sections), drawn by the same headless
 * renderer.
 *
 * <p>It records the pictures drawn (at most one a pulse), not every frame the trainer publishes:
 * a frame listener would make the trainer copy W at every refresh interval, at interval 1 several
 * times the cost of the update itself. The delta between two recorded pictures is then exactly
 * the delta the window showed live.
 */
final class Recording {
    private final StudioViewModel vm;
    /** Stands in for a model's timeline before the data has loaded. */
    private final FrameHistory none = new FrameHistory(2);
    private final ReadOnlyObjectWrapper<Task<Path>> export = new ReadOnlyObjectWrapper<>();
    private Thread worker;

    Recording(StudioViewModel vm) {
        this.vm = vm;
        vm.picture().addPictureListener(this::record);
    }

    private void record(ShownPicture p) {
        ModelSlot slot = vm.models().current();
        if (slot == null) {
            return;
        }
        if (p.frame().run() != slot.historyRun) {
            // a Reset: the old run's frames belong to other weights
            slot.history().clear();
            slot.historyRun = p.frame().run();
        }
        slot.history().add(p.frame().frame());
    }

    /** The timeline of the model shown: each model keeps its own. */
    FrameHistory history() {
        ModelSlot slot = vm.models().current();
        return slot == null ? none : slot.history();
    }

    /** Shows recorded frame {@code index} in the grid: its weights and the change since the frame recorded before. */
    void show(int index) {
        Frame f = history().get(index);
        long run = vm.models().current().historyRun;
        vm.picture().showRecorded(new ShownPicture(new PublishedFrame(run, f, f), f.delta(), f.previousStep(),
                vm.form().scaleModeProperty().get()));
    }

    /** The export running now, or null. */
    ReadOnlyObjectProperty<Task<Path>> exportProperty() {
        return export.getReadOnlyProperty();
    }

    /**
     * Exports the history as an animated GIF. {@code replace} allows replacing an existing file
     * (the file chooser has asked); otherwise an existing file is refused.
     */
    Task<Path> exportGif(Path file, double fps, int scale, boolean replace) {
        return exportGif(file, fps, scale, replace, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Exports the recorded pictures with fromStep &lt;= step &lt;= toStep as an animated GIF. */
    Task<Path> exportGif(Path file, double fps, int scale, boolean replace, long fromStep, long toStep) {
        if (!(fps > 0) || fps > GifWriter.MAX_FPS) {
            vm.banner().warn(String.format(Locale.ROOT, "Frame rate must be above 0 and at most %.0f, got %s", GifWriter.MAX_FPS, fps));
            return null;
        }
        return export(file, scale, fromStep, toStep, (pictures, progress) -> {
            if (replace) {
                GifWriter.write(file, pictures, fps, progress);
            } else {
                GifWriter.writeNew(file, pictures, fps, progress);
            }
        });
    }

    /** Exports the history as frame-00001.png, ... in the new folder {@code folder}. */
    Task<Path> exportPngs(Path folder, int scale) {
        return exportPngs(folder, scale, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Exports the recorded pictures with fromStep &lt;= step &lt;= toStep as a PNG sequence. */
    Task<Path> exportPngs(Path folder, int scale, long fromStep, long toStep) {
        return export(folder, scale, fromStep, toStep, (pictures, progress) -> PngSequenceWriter.writeNew(folder, pictures, progress));
    }

    /** Stops the export; what it wrote is removed. */
    void cancelExport() {
        Task<Path> t = export.get();
        if (t != null) {
            // no interrupt: the writer sees the flag before the next picture and cleans up
            t.cancel(false);
        }
    }

    /** Cancels a running export and gives it a moment to remove its temporary file (the window is closing). */
    void stopExport() {
        cancelExport();
        if (worker != null) {
            try {
                worker.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the last export's worker to end (tests: a cancelled export cleans up on its own thread). */
    void awaitExportWorker() throws InterruptedException {
        if (worker != null) {
            worker.join(10_000);
        }
    }

    private interface Writer {
        void write(FrameSource pictures, ExportProgress progress) throws IOException;
    }

    private Task<Path> export(Path target, int scale, long fromStep, long toStep, Writer writer) {
        FrameHistory history = history();
        List<Frame> frames = history.range(fromStep, toStep);
        if (history.isEmpty() || vm.dataset() == null) {
            vm.banner().warn("Nothing recorded to export yet: press Play or Step first");
            return null;
        }
        if (frames.isEmpty()) {
            vm.banner().warn(String.format(Locale.ROOT, "No recorded picture between steps %,d and %,d (recorded: %,d to %,d)",
                    fromStep, toStep, history.get(0).step(), history.latest().step()));
            return null;
        }
        if (export.get() != null) {
            vm.banner().warn("An export is running: wait for it or press Cancel");
            return null;
        }
        Dataset d = vm.dataset();
        GridAnimation pictures = new GridAnimation(frames, new GridOptions(vm.form().scaleModeProperty().get(), scale),
                new SnapshotInfo(d.name(), d.classNames(), vm.form().refreshIntervalProperty().get()));
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws IOException {
                writer.write(pictures, new ExportProgress(f -> updateProgress(f, 1), this::isCancelled));
                return target;
            }
        };
        String what = String.format(Locale.ROOT, "%,d frames (steps %,d to %,d)", frames.size(),
                frames.get(0).step(), frames.get(frames.size() - 1).step());
        task.setOnSucceeded(e -> {
            export.set(null);
            vm.banner().inform("Exported " + what + " to " + target + size(target));
        });
        task.setOnCancelled(e -> {
            export.set(null);
            vm.banner().inform("Export cancelled: nothing written");
        });
        task.setOnFailed(e -> {
            export.set(null);
            Throwable t = task.getException();
            vm.banner().warn(t instanceof CancellationException ? "Export cancelled: nothing written"
                    : "Export failed: " + target + ": " + Messages.reason(t) + " (nothing written)");
        });
        export.set(task);
        worker = Workers.start(task, "weight-studio-export");
        return task;
    }

    private static String size(Path target) {
        try {
            return Files.isRegularFile(target) ? String.format(Locale.ROOT, " (%,d KB)", (Files.size(target) + 1023) / 1024) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
