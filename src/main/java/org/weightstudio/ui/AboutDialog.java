package org.weightstudio.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.weightstudio.persistence.StudioVersion;

/**
 * About Weight Studio: the version, the Java and JavaFX it runs on, and the licences of the
 * bundled MNIST data and of the libraries (from {@code licences.txt}, which Maven stamps with the
 * versions in the pom). A window of its own, not modal to the training: it keeps running behind.
 */
final class AboutDialog {
    private final Stage stage = new Stage();

    AboutDialog(Window owner) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("About Weight Studio");
        stage.getIcons().setAll(AppIcons.all());
        stage.setScene(new Scene(createView(), 600, 420));
    }

    private BorderPane createView() {
        Label title = new Label("Weight Studio " + StudioVersion.current());
        title.setId("aboutTitle");
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        Label what = new Label("Watch a one-layer neural network learn MNIST.");
        Label runtime = new Label(runtimeLine());
        runtime.setId("aboutRuntime");
        VBox heading = new VBox(4, title, what, runtime);
        HBox top = new HBox(14, new ImageView(AppIcons.of(64)), heading);

        TextArea licences = new TextArea(licences());
        licences.setId("aboutLicences");
        licences.setEditable(false);
        licences.setWrapText(true);

        Button close = new Button("Close");
        close.setId("aboutClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox bottom = new HBox(close);
        bottom.setStyle("-fx-alignment: center-right;");

        BorderPane root = new BorderPane(licences, top, null, bottom, null);
        root.setPadding(new Insets(14));
        BorderPane.setMargin(licences, new Insets(12, 0, 12, 0));
        return root;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    static String runtimeLine() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), JavaFX " + System.getProperty("javafx.runtime.version", "?");
    }

    /** The licence notes, as Maven stamped them. */
    static String licences() {
        try (InputStream in = AboutDialog.class.getResourceAsStream("licences.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource licences.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
