package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.CheckBox;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.data.Augmentation;
import org.weightstudio.data.ImageSet;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.persistence.StudioSettingsStore;
import org.weightstudio.training.Frame;
import org.weightstudio.training.SyntheticData;

/**
 * The "Augment" box: per model, reaching the trainer's config, shown in the last update's inputs,
 * saved in the settings. The window starts with the settings file listing the MLP as augmented.
 */
@ExtendWith(ApplicationExtension.class)
class AugmentWindowTest {
    private StudioWindow window;
    private Path settingsFile;
    private final ImageSet train = SyntheticData.images(600, 1);

    @Start
    void start(Stage stage) throws IOException {
        TestWindows.Opened opened = TestWindows.open(stage, "augment-test", new org.weightstudio.data.Dataset(
                "synthetic", train, SyntheticData.images(200, 2),
                java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
                settings -> {
                    settings.pace = 0;
                    settings.hidden = 16;
                    settings.augment = new String[] {"mlp"};
                });
        window = opened.window();
        settingsFile = opened.settingsFile();
    }

    @AfterEach
    void stop() {
        window.viewModel().close();
    }

    private StudioViewModel vm() {
        return window.viewModel();
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        FxWaits.waitFor(what, 30, condition);
    }

    private CheckBox box(FxRobot robot) {
        return robot.lookup("#augment").queryAs(CheckBox.class);
    }

    private Frame step(FxRobot robot) {
        long target = vm().session().step() + 1;
        robot.interact(() -> vm().session().control().step(1));
        waitFor("the picture of step " + target, () -> vm().picture().shownProperty().get() != null
                && vm().picture().shownProperty().get().step() == target);
        WaitForAsyncUtils.waitForFxEvents();
        return vm().picture().shownProperty().get().frame().frame();
    }

    @Test
    void theBoxReachesTheTrainerAndTheInputsPanelShowsTheAugmentedImages(FxRobot robot) {
        waitFor("the grid", () -> window.grid() != null);
        assertThat(box(robot).isSelected()).isFalse();
        assertThat(vm().session().config().augmentation().isOff()).isTrue();
        assertThat(step(robot).batchPixels()).isNull();

        robot.clickOn("#augment");
        assertThat(vm().session().config().augmentation()).isEqualTo(Augmentation.DEFAULTS);
        Frame frame = step(robot);
        byte[] seen = frame.batchPixels();
        assertThat(seen).isNotNull();
        int size = train.imageSize();
        byte[] stored = new byte[size];
        for (int p = 0; p < size; p++) {
            stored[p] = (byte) train.pixel(frame.batchImages()[0], p);
        }
        byte[] first = java.util.Arrays.copyOf(seen, size);
        assertThat(first).isNotEqualTo(stored);
        // the panel's first image is the augmented one, not the stored one
        assertThat(firstInputShown(robot)).isEqualTo(first);
        assertThat(robot.lookup("#batchTitle").queryLabeled().getText()).isEqualTo("Last update's inputs, augmented");

        robot.clickOn("#augment");
        assertThat(vm().session().config().augmentation().isOff()).isTrue();
        assertThat(step(robot).batchPixels()).isNull();
        assertThat(robot.lookup("#batchTitle").queryLabeled().getText()).isEqualTo("Last update's inputs");
    }

    @Test
    void eachModelHasItsOwnBoxAndTheSettingsKeepThem(FxRobot robot) throws IOException {
        waitFor("the grid", () -> window.grid() != null);
        robot.clickOn("#model-mlp");
        waitFor("the MLP", () -> vm().models().selectedProperty().get() == ModelKind.MLP);
        WaitForAsyncUtils.waitForFxEvents();
        // the settings file listed the MLP: it starts augmented
        assertThat(box(robot).isSelected()).isTrue();
        assertThat(vm().session().config().augmentation()).isEqualTo(Augmentation.DEFAULTS);
        // the toggle sends the MLP its own settings back, not the one-layer net's (decay 10 there)
        robot.clickOn("#augment");
        robot.clickOn("#augment");
        assertThat(vm().session().config().decay()).isEqualTo(0.2);
        assertThat(robot.lookup("#decayField").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("0.2");
        assertThat(vm().session().config().augmentation()).isEqualTo(Augmentation.DEFAULTS);

        robot.clickOn("#model-" + ModelKind.ONE_LAYER.id);
        waitFor("the one-layer net", () -> vm().models().selectedProperty().get() == ModelKind.ONE_LAYER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box(robot).isSelected()).isFalse();
        assertThat(robot.lookup("#decayField").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(Double.toString(StudioSettings.defaults().decay));
        robot.clickOn("#augment");
        assertThat(vm().session().config().decay()).isEqualTo(StudioSettings.defaults().decay);
        assertThat(vm().models().slot(ModelKind.ONE_LAYER).session().config().augmentation().isOff()).isFalse();
        // the MLP kept its own
        assertThat(vm().models().slot(ModelKind.MLP).session().config().augmentation()).isEqualTo(Augmentation.DEFAULTS);

        // Reset keeps it: the run replays augmented
        robot.clickOn("#resetButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().session().config().augmentation()).isEqualTo(Augmentation.DEFAULTS);

        robot.interact(() -> {
            Stage stage = window.stage();
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.close();
        });
        StudioSettingsStore.Loaded loaded = new StudioSettingsStore(settingsFile).load();
        assertThat(loaded.warning()).isNull();
        assertThat(loaded.settings().augment).containsExactly("softmax", "mlp");
    }

    /** The raw grey bytes of the first image of the "Last update's inputs" panel. */
    private byte[] firstInputShown(FxRobot robot) {
        AtomicReference<byte[]> out = new AtomicReference<>();
        robot.interact(() -> {
            ImageView view = robot.from(robot.lookup("#batch").queryAs(javafx.scene.Node.class)).lookup(".image-view")
                    .queryAs(ImageView.class);
            Image img = view.getImage();
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            byte[] grey = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = (byte) (img.getPixelReader().getArgb(x, y) & 0xFF);
                }
            }
            out.set(grey);
        });
        return out.get();
    }
}
