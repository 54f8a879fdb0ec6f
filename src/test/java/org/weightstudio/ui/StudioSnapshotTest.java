package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.concurrent.Task;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.cli.Cli;
import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.data.ImageSet;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.FrameHistory;

/** Snapshot button and S key, the tile menu, the timeline and the export, on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class StudioSnapshotTest {
    private static final int EVERY = 20;
    private static final long SEED = 7;

    @TempDir
    static Path shared;
    static Path data;

    private Path folder;
    private StudioWindow window;

    /** A 600-image slice of the bundled MNIST as IDX files, so that the command line can read it too. */
    @BeforeAll
    static void writeSmallDataset() throws IOException {
        Dataset mnist = DatasetLoader.loadBundledMnist();
        data = shared.resolve("mnist-small");
        Files.createDirectories(data);
        writeIdx(data.resolve(DatasetLoader.TRAIN_IMAGES), data.resolve(DatasetLoader.TRAIN_LABELS), mnist.train().head(600));
        writeIdx(data.resolve(DatasetLoader.TEST_IMAGES), data.resolve(DatasetLoader.TEST_LABELS), mnist.test().head(100));
    }

    @Start
    void start(Stage stage) throws IOException {
        folder = Files.createTempDirectory(shared, "snapshots");
        StudioSettings settings = StudioSettings.defaults();
        settings.windowWidth = 1260;
        settings.windowHeight = 800;
        // these tests drive training themselves: no time-lapse
        settings.pace = 0;
        settings.refreshInterval = EVERY;
        settings.seed = SEED;
        settings.scaleMode = "PER_TILE";
        settings.snapshotFolder = folder.toString();
        window = new StudioWindow(stage, settings, null, WindowOptions.none());
        window.show(DatasetLoader.load(data));
    }

    @AfterEach
    void stop() {
        window.viewModel().close();
    }

    private StudioViewModel vm() {
        return window.viewModel();
    }

    @Test
    void theSKeySavesThePausedPictureWithTheCommandLinesPixels(FxRobot robot) throws Exception {
        waitFor("the first picture", () -> vm().picture().shownProperty().get() != null);
        stepTo(robot, 20);
        stepTo(robot, 40);
        robot.type(KeyCode.S);
        Path png = waitForFile("the snapshot", folder, "grid-");
        assertThat(Path.of(png.toString().replace(".png", ".json"))).exists();
        waitFor("the banner", () -> banner(robot).startsWith("Snapshot saved: ") && banner(robot).endsWith(".png"));
        assertThat(vm().banner().messageIsNoteProperty().get()).as("a saved file is a passing note, not a warning").isTrue();

        Path cli = shared.resolve("cli-" + System.nanoTime());
        int code = Cli.run("snapshot", "--data", data.toString(), "--steps", "40", "--every", Integer.toString(EVERY),
                "--seed", Long.toString(SEED), "--scale-mode", "per-tile", "--out", cli.toString());
        assertThat(code).isZero();
        Path cliPng = list(cli).stream().filter(p -> p.toString().endsWith("step000040.png")).findFirst().orElseThrow();
        assertThat(png.getFileName().toString()).endsWith("step000040.png");
        BufferedImage a = ImageIO.read(cliPng.toFile());
        BufferedImage b = ImageIO.read(png.toFile());
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        assertThat(b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()))
                .isEqualTo(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()));
        assertThat(Files.readAllBytes(png)).isEqualTo(Files.readAllBytes(cliPng));
    }

    @Test
    void theSnapshotButtonSaysWhyItCannotWrite(FxRobot robot) throws Exception {
        waitFor("the first picture", () -> vm().picture().shownProperty().get() != null);
        Path file = Files.writeString(folder.resolve("file.txt"), "x");
        robot.interact(() -> vm().form().snapshotFolderProperty().set(file.resolve("sub")));
        robot.clickOn("#snapshotButton");
        waitFor("the banner", () -> banner(robot).startsWith("Snapshot not saved: "));
        assertThat(banner(robot)).contains("file.txt").contains("Not a directory").doesNotContain("\n");
        assertThat(vm().banner().messageIsNoteProperty().get()).as("a failure stays until dealt with").isFalse();
        assertThat(list(folder)).containsExactly(file);
    }

    @Test
    void rightClickOnATileSavesItAlone(FxRobot robot) throws Exception {
        waitFor("the first picture", () -> vm().picture().shownProperty().get() != null);
        stepTo(robot, 20);
        robot.rightClickOn("#weight-3");
        robot.clickOn("Save tile (28x28)");
        Path png = waitForFile("the tile", folder, "tile-");
        assertThat(png.getFileName().toString()).endsWith("step000020-3.png");
        BufferedImage tile = ImageIO.read(png.toFile());
        assertThat(tile.getWidth()).isEqualTo(28);
        assertThat(tile.getHeight()).isEqualTo(28);

        robot.rightClickOn("#delta-5");
        robot.clickOn("Save tile (enlarged)");
        Path big = waitForFile("the enlarged tile", folder, "tile-", "delta_5");
        assertThat(ImageIO.read(big.toFile()).getWidth()).isEqualTo(28 * Snapshots.ENLARGED_TILE_SCALE);
    }

    @Test
    void theTimelineShowsARecordedFrameWhilePausedAndPlayReturnsToLive(FxRobot robot) throws Exception {
        waitFor("the first picture", () -> vm().picture().shownProperty().get() != null);
        for (int s = 20; s <= 100; s += 20) {
            stepTo(robot, s);
        }
        FrameHistory history = window.recording().history();
        assertThat(history.all()).extracting(f -> f.step()).containsExactly(0L, 20L, 40L, 60L, 80L, 100L);
        long live = vm().picture().shownProperty().get().step();

        robot.interact(() -> window.timeline().slider.setValue(2));
        assertThat(vm().picture().shownProperty().get().step()).isEqualTo(40);
        assertThat(vm().picture().shownProperty().get().deltaFromStep()).isEqualTo(20);
        assertThat(vm().picture().shownProperty().get().scaleMode()).isEqualTo(ScaleMode.PER_TILE);
        assertThat(FxWaits.labelText(robot, "#timelineLabel"))
                .contains("at 40 \u00b7").contains("steps 0\u2013100").contains("6 frames").contains("MB");
        // the delta shown is W(40) - W(20), as it was shown live
        float[] expected = history.get(2).deltaSince(history.get(1));
        assertThat(vm().picture().shownProperty().get().delta()).containsExactly(expected);

        // with the slider focused, the arrows move it (Right would be Step elsewhere)
        robot.interact(() -> window.timeline().slider.requestFocus());
        robot.type(KeyCode.RIGHT);
        assertThat(vm().picture().shownProperty().get().step()).isEqualTo(60);
        assertThat(vm().session().step()).isEqualTo(100);

        robot.clickOn("#playButton");
        waitFor("the live picture", () -> !vm().picture().showingRecorded() && vm().picture().shownProperty().get().step() >= live);
        assertThat(robot.lookup("#timelineSlider").query().isDisabled()).isTrue();
        robot.clickOn("#playButton");
        waitFor("the pause", () -> !vm().training().runningProperty().get());
        assertThat(robot.lookup("#timelineSlider").query().isDisabled()).isFalse();
    }

    @Test
    void exportWritesOneGifFramePerRecordedPictureAndCancelLeavesNothing(FxRobot robot) throws Exception {
        waitFor("the first picture", () -> vm().picture().shownProperty().get() != null);
        stepTo(robot, 20);
        stepTo(robot, 40);
        Recording recording = window.recording();
        int frames = recording.history().size();
        assertThat(frames).isEqualTo(3);
        Path out = Files.createTempDirectory(shared, "export");
        Path gif = out.resolve("training.gif");
        AtomicReference<Task<Path>> task = new AtomicReference<>();
        robot.interact(() -> task.set(recording.exportGif(gif, 10, 1, false)));
        waitFor("the export", () -> task.get().isDone());
        waitFor("the export's end on the FX thread", () -> recording.exportProperty().get() == null);
        AtomicReference<javafx.concurrent.Worker.State> state = new AtomicReference<>();
        robot.interact(() -> state.set(task.get().getState()));
        assertThat(state.get()).isEqualTo(javafx.concurrent.Worker.State.SUCCEEDED);
        assertThat(gifFrames(gif)).isEqualTo(frames);
        waitFor("the banner", () -> banner(robot).startsWith("Exported 3 frames (steps 0 to 40) to "));

        Path cancelled = out.resolve("cancelled.gif");
        robot.interact(() -> {
            recording.exportGif(cancelled, 10, 1, false);
            recording.cancelExport();
        });
        recording.awaitExportWorker();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list(out)).containsExactly(gif);
        assertThat(banner(robot)).isEqualTo("Export cancelled: nothing written");
        assertThat(recording.exportProperty().get()).isNull();

        // a step range: the pictures of steps 20 and 40
        Path range = out.resolve("range.gif");
        robot.interact(() -> task.set(recording.exportGif(range, 10, 1, false, 10, 40)));
        waitFor("the range", () -> task.get().isDone());
        waitFor("the export's end on the FX thread", () -> recording.exportProperty().get() == null);
        assertThat(gifFrames(range)).isEqualTo(2);
        robot.interact(() -> assertThat(recording.exportGif(out.resolve("none.gif"), 10, 1, false, 50, 60)).isNull());
        assertThat(banner(robot)).isEqualTo("No recorded picture between steps 50 and 60 (recorded: 0 to 40)");

        // a PNG sequence of the same frames
        Path seq = out.resolve("frames");
        robot.interact(() -> task.set(recording.exportPngs(seq, 1)));
        waitFor("the sequence", () -> task.get().isDone());
        waitFor("the export's end on the FX thread", () -> recording.exportProperty().get() == null);
        assertThat(list(seq)).extracting(p -> p.getFileName().toString())
                .containsExactly("frame-00001.png", "frame-00002.png", "frame-00003.png");
    }

    // ---- helpers ----

    private void stepTo(FxRobot robot, long step) {
        robot.interact(() -> vm().training().stepN(Long.toString(step - vm().session().step())));
        waitFor("the picture of step " + step, () -> vm().picture().shownProperty().get().step() == step);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String banner(FxRobot robot) {
        return FxWaits.labelText(robot, "#banner");
    }

    private static int gifFrames(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    private static Path waitForFile(String what, Path dir, String prefix, String... contains) {
        AtomicReference<Path> found = new AtomicReference<>();
        waitFor(what, () -> {
            for (Path p : list(dir)) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".png") && Stream.of(contains).allMatch(name::contains)
                        && Files.exists(Path.of(p.toString().replace(".png", ".json")))) {
                    found.set(p);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        FxWaits.waitFor(what, 15, condition);
    }

    private static void writeIdx(Path images, Path labels, ImageSet set) throws IOException {
        try (OutputStream o = Files.newOutputStream(images); DataOutputStream d = new DataOutputStream(o)) {
            d.writeInt(0x00000803);
            d.writeInt(set.size());
            d.writeInt(set.rows());
            d.writeInt(set.cols());
            for (int i = 0; i < set.size(); i++) {
                d.write(set.imageBytes(i));
            }
        }
        try (OutputStream o = Files.newOutputStream(labels); DataOutputStream d = new DataOutputStream(o)) {
            d.writeInt(0x00000801);
            d.writeInt(set.size());
            for (int i = 0; i < set.size(); i++) {
                d.writeByte(set.label(i));
            }
        }
    }
}
