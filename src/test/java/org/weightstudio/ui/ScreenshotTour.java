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
import org.weightstudio.ui.draw.DrawPane;

/**
 * Makes the window screenshots of docs/studio.md on a real display (run under Xvfb, see
 * docs/studio.md): the MLP training live, the CNN's filters, the Draw tab comparing the models on
 * one digit, and the Robustness tab with a curve per model. Not a test: a tour with pauses that
 * writes PNGs of the whole window to the folder given.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        Files.createDirectories(out);
        StudioWindow window = openLoadedWindow();
        StudioViewModel vm = window.viewModel();

        // the one-layer net first, a little
        train(vm, ModelKind.ONE_LAYER, seconds / 3);
        // the MLP, live: shot while it trains
        fx(() -> {
            vm.select(ModelKind.MLP);
            vm.training().play();
            return null;
        });
        sleep(seconds);
        shot(window, out.resolve("screenshot-mlp.png"));
        fx(() -> {
            vm.training().pause();
            return null;
        });
        // the CNN's filters forming
        train(vm, ModelKind.CNN, seconds * 1.5);
        shot(window, out.resolve("screenshot-cnn.png"));

        // Draw tab: every model on one test digit
        fx(() -> {
            TabPane tabs = (TabPane) window.stage().getScene().lookup("#tabs");
            tabs.getSelectionModel().select(1);
            return null;
        });
        sleep(1);
        fx(() -> {
            DrawPane draw = (DrawPane) window.stage().getScene().lookup(".draw-pane");
            draw.showTestImage(Integer.getInteger("tour.digit", 8));
            return null;
        });
        sleep(2);
        shot(window, out.resolve("screenshot-compare.png"));

        // Robustness tab: one curve per model
        fx(() -> {
            TabPane tabs = (TabPane) window.stage().getScene().lookup("#tabs");
            tabs.getSelectionModel().select(2);
            return null;
        });
        sleep(1);
        fx(() -> {
            @SuppressWarnings("unchecked")
            var limit = (javafx.scene.control.ChoiceBox<Integer>) window.stage().getScene().lookup("#limit");
            limit.setValue(500);
            ((Button) window.stage().getScene().lookup("#run-sweep")).fire();
            return null;
        });
        waitUntil(() -> fx(() -> {
            Node status = window.stage().getScene().lookup("#sweep-status");
            return status instanceof Label l && (l.getText().startsWith("Done") || l.getText().startsWith("Failed"));
        }), 600);
        sleep(1);
        shot(window, out.resolve("screenshot-robustness.png"));
        fx(() -> {
            vm.close();
            window.stage().close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }
}
