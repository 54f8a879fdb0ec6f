package org.weightstudio.ui;

import java.nio.file.Path;
import javafx.concurrent.Task;
import org.weightstudio.data.Dataset;
import org.weightstudio.common.Messages;
import org.weightstudio.render.GridOptions;
import org.weightstudio.render.SavedSnapshot;
import org.weightstudio.render.SnapshotInfo;
import org.weightstudio.render.SnapshotWriter;
import org.weightstudio.ui.work.Workers;

/**
 * The Snapshot button, the S key and the tile menu: saves the picture on screen (the
 * view-model's {@link ShownPicture}, whose arrays are never written again) through
 * {@link SnapshotWriter} on a worker thread, then says in the banner which file it wrote or why it
 * could not. The same writer as {@code weight-studio snapshot}, so the same frame gives the same
 * pixels.
 */
final class Snapshots {
    /** Pixels per weight of a grid snapshot: the command line's default. */
    static final int GRID_SCALE = GridOptions.DEFAULT_SCALE;
    /** Pixels per weight of an enlarged tile: 224 x 224 for 28 x 28. */
    static final int ENLARGED_TILE_SCALE = 8;

    private final StudioViewModel vm;

    Snapshots(StudioViewModel vm) {
        this.vm = vm;
    }

    /** Saves the grid as shown; returns the running task, or null when nothing is shown yet. */
    Task<SavedSnapshot> saveGrid() {
        ShownPicture p = vm.picture().shownProperty().get();
        if (p == null || vm.dataset() == null) {
            return null;
        }
        Path folder = vm.form().snapshotFolderProperty().get();
        GridOptions options = new GridOptions(p.scaleMode(), GRID_SCALE);
        SnapshotInfo info = info();
        return run(() -> SnapshotWriter.withSystemClock().saveGrid(folder, p.frame().frame(), p.delta(),
                p.deltaFromStep(), options, info), folder);
    }

    /** Saves one tile of the picture shown: of the weights, or of the delta row. */
    Task<SavedSnapshot> saveTile(int tile, boolean deltaRow, boolean enlarged) {
        ShownPicture p = vm.picture().shownProperty().get();
        if (p == null || vm.dataset() == null) {
            return null;
        }
        Path folder = vm.form().snapshotFolderProperty().get();
        GridOptions options = new GridOptions(p.scaleMode(), enlarged ? ENLARGED_TILE_SCALE : 1);
        SnapshotInfo info = info();
        return run(() -> SnapshotWriter.withSystemClock().saveTile(folder, p.frame().frame(), p.delta(),
                p.deltaFromStep(), tile, deltaRow, options, info), folder);
    }

    private SnapshotInfo info() {
        Dataset d = vm.dataset();
        return new SnapshotInfo(d.name(), d.classNames(), vm.form().refreshIntervalProperty().get());
    }

    private interface Save {
        SavedSnapshot save() throws Exception;
    }

    private Task<SavedSnapshot> run(Save save, Path folder) {
        return Workers.run("weight-studio-snapshot", save::save,
                saved -> vm.banner().inform("Snapshot saved: " + saved.png()),
                failure -> vm.banner().warn("Snapshot not saved: " + folder + ": " + Messages.reason(failure)));
    }
}
