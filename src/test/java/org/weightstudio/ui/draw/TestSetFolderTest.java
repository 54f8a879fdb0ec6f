package org.weightstudio.ui.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightstudio.analysis.DigitPreprocessor;
import org.weightstudio.analysis.LabelledPictures;
import org.weightstudio.analysis.TestModels;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.SoftmaxModel;

/** The Test set tab on a folder of labelled pictures: every model's accuracy and confusion matrix, errors in one line. */
@ExtendWith(ApplicationExtension.class)
class TestSetFolderTest {
    private final SoftmaxModel oneLayer = TestModels.small();
    /** An untrained MLP: its answers differ from the one-layer net's, so the two cards must differ. */
    private final Network mlp = Architecture.mlp(28, 28, 10, 16).build();
    private TestSetPane pane;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        List<NamedModel> models = List.of(
                new NamedModel("One-layer", "One-layer 784-10", null, oneLayer, 100),
                new NamedModel("MLP", "MLP 784-16-10", null, mlp, 5));
        pane = new TestSetPane(() -> models, TestModels.testSlice(100), true);
        stage.setScene(new Scene(pane, 1260, 780));
        stage.show();
    }

    /** Every seventh picture of the bundled folder: 58 pictures of every digit and both kinds. */
    private Path someBundledPictures() throws IOException {
        Path folder = dir.resolve("pictures");
        Files.createDirectories(folder);
        try (Stream<Path> all = Files.list(Path.of("assets/handwriting"))) {
            List<Path> files = all.filter(f -> f.toString().endsWith(".png")).sorted().toList();
            for (int i = 0; i < files.size(); i += 7) {
                Files.copy(files.get(i), folder.resolve(files.get(i).getFileName()));
            }
        }
        return folder;
    }

    private void evaluateFolder(FxRobot robot, Path folder) {
        robot.interact(() -> {
            pane.usePictureFolder(true);
            pane.setPictureFolder(folder);
        });
        robot.clickOn("#evaluate");
    }

    private String status(FxRobot robot) {
        return robot.lookup("#testset-status").queryLabeled().getText();
    }

    @Test
    void theBundledFolderIsTheDefault(FxRobot robot) {
        robot.interact(() -> pane.usePictureFolder(true));
        assertThat(robot.lookup("#testset-folder").queryLabeled().getText()).endsWith("handwriting");
        assertThat(robot.lookup("#testset-folder-button").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#testset-model").query().isVisible()).isFalse();
    }

    @Test
    void everyModelGetsItsAccuracyAndConfusionMatrixAsTheCommandComputesThem(FxRobot robot) throws Exception {
        Path folder = someBundledPictures();
        evaluateFolder(robot, folder);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status(robot).startsWith("Accuracy"));

        LabelledPictures pictures = LabelledPictures.read(folder, DigitPreprocessor.Mode.MNIST_PEN);
        for (var m : List.of(new Object[] {"One-layer", oneLayer}, new Object[] {"MLP", mlp})) {
            String name = (String) m[0];
            var expected = pictures.evaluate((org.weightstudio.model.Classifier) m[1]).evaluation();
            assertThat(robot.lookup("#folder-accuracy-" + name).queryLabeled().getText()).startsWith(String.format(
                    Locale.ROOT, "accuracy %.4f (%d/%d)", expected.accuracy(),
                    Math.round(expected.accuracy() * pictures.size()), pictures.size()));
            int[][] c = expected.confusion();
            for (int a = 0; a < 10; a++) {
                for (int b = 0; b < 10; b++) {
                    String shown = robot.lookup("#folder-cell-" + name + "-" + a + "-" + b).queryLabeled().getText();
                    assertThat(shown).as(name + " cell " + a + "," + b).isEqualTo(c[a][b] == 0 ? "." : Integer.toString(c[a][b]));
                }
            }
        }
        assertThat(robot.lookup("#folder-summary").queryLabeled().getText())
                .isEqualTo(pictures.size() + " pictures in " + folder + " (" + pictures.kindCounts()
                        + "), preprocessing mnist-pen");
        assertThat(robot.lookup("#folder-kinds-One-layer").queryLabeled().getText()).startsWith("font ");
        assertThat(pane.folderEvaluation().results()).hasSize(2);

        // a click on the one-layer net's most common confusion shows exactly its pictures
        int[][] c = pictures.evaluate(oneLayer).evaluation().confusion();
        int[] most = Confusions.mostCommon(c);
        int a = most[0];
        int b = most[1];
        assertThat(c[a][b]).as("the one-layer net makes mistakes on these pictures").isPositive();
        robot.clickOn("#folder-cell-One-layer-" + a + "-" + b);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#folder-gallery").queryAs(javafx.scene.layout.FlowPane.class).getChildren())
                .hasSize(c[a][b]);
        assertThat(robot.lookup("#folder-gallery-title").queryLabeled().getText())
                .startsWith("One-layer 784-10: " + c[a][b] + " picture").endsWith("of " + a + " predicted as " + b);

        // back to MNIST: its own view and status, the folder's kept for later
        robot.interact(() -> pane.usePictureFolder(false));
        assertThat(status(robot)).isEqualTo("Not evaluated yet");
        assertThat(robot.lookup("#gallery").tryQuery()).isPresent();
        robot.interact(() -> pane.usePictureFolder(true));
        assertThat(status(robot)).startsWith("Accuracy One-layer ");
    }

    @Test
    void aPictureWithoutALabelIsOneLineNamingItAndNothingIsShown(FxRobot robot) throws Exception {
        Path folder = someBundledPictures();
        Files.write(folder.resolve("scan.png"), Files.readAllBytes(Files.list(folder).findFirst().orElseThrow()));
        evaluateFolder(robot, folder);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status(robot).startsWith("Cannot"));
        assertThat(status(robot)).isEqualTo("Cannot evaluate: " + folder.resolve("scan.png")
                + ": no label in the file name (expected NAME_L.png, L the class, e.g. scan-12_7.png)");
        assertThat(pane.folderEvaluation()).isNull();
        assertThat(robot.lookup("#evaluate").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aMissingFolderIsOneLine(FxRobot robot) {
        Path missing = dir.resolve("nowhere");
        evaluateFolder(robot, missing);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot).startsWith("Cannot"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no error shown; status: " + status(robot), e);
        }
        assertThat(status(robot)).isEqualTo("Cannot evaluate: " + missing + ": no such folder");
    }
}
