package org.weightstudio.ui;

import static org.weightstudio.ui.TourSteps.fx;
import static org.weightstudio.ui.TourSteps.openLoadedWindow;
import static org.weightstudio.ui.TourSteps.shot;
import static org.weightstudio.ui.TourSteps.sleep;
import static org.weightstudio.ui.TourSteps.train;
import static org.weightstudio.ui.TourSteps.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.weightstudio.ui.draw.TestSetPane;

/**
 * Makes the screenshots of issue 12's window features for docs/studio.md on a real display (run
 * under Xvfb): the CNN training live with augmentation on (its last update's inputs are the
 * augmented images), and the Test set tab measuring every trained model on the bundled picture
 * folder. Not a test: a tour with pauses that writes PNGs of the whole window to the folder given.
 *
 * <p>{@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/classes:target/test-classes:target/weight-studio.jar
 * org.weightstudio.ui.AugmentFolderTour docs 30}
 */
public final class AugmentFolderTour {
    private AugmentFolderTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 30;
        Files.createDirectories(out);
        StudioWindow window = openLoadedWindow();
        StudioViewModel vm = window.viewModel();

        // the one-layer net and the MLP, plain, then the CNN augmented, shot while it trains
        train(vm, ModelKind.ONE_LAYER, seconds / 2);
        train(vm, ModelKind.MLP, seconds);
        fx(() -> {
            vm.select(ModelKind.CNN);
            vm.form().setAugment(true);
            vm.training().play();
            return null;
        });
        sleep(seconds * 2);
        shot(window, out.resolve("screenshot-cnn-augment.png"));
        fx(() -> {
            vm.training().pause();
            return null;
        });
        sleep(1);

        // Test set tab: every model on the bundled pictures
        TestSetPane pane = fx(() -> {
            TabPane tabs = (TabPane) window.stage().getScene().lookup("#tabs");
            tabs.getSelectionModel().select(3);
            return (TestSetPane) tabs.getTabs().get(3).getContent();
        });
        sleep(1);
        fx(() -> {
            pane.usePictureFolder(true);
            ((Button) window.stage().getScene().lookup("#evaluate")).fire();
            return null;
        });
        waitUntil(() -> fx(() -> {
            Node status = window.stage().getScene().lookup("#testset-status");
            return status instanceof Label l && (l.getText().startsWith("Accuracy") || l.getText().startsWith("Cannot"));
        }), 300);
        sleep(1);
        // the pictures of one confusion, as the model saw them
        fx(() -> {
            Node cell = window.stage().getScene().lookup("#folder-cell-" + System.getProperty("tour.cell", "One-layer-6-5"));
            if (cell != null) {
                cell.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
                        javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true,
                        false, false, null));
            }
            return null;
        });
        sleep(1);
        System.out.println(fx(() -> ((Label) window.stage().getScene().lookup("#testset-status")).getText()));
        shot(window, out.resolve("screenshot-testset-folder.png"));
        fx(() -> {
            vm.close();
            window.stage().close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }
}
