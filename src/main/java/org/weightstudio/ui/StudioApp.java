package org.weightstudio.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.weightstudio.analysis.Evaluator;
import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

/** The studio window: loads MNIST in the background, trains on a daemon thread, shows progress. */
public final class StudioApp extends Application {
    public static void open(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Label status = new Label("Loading MNIST...");
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        VBox root = new VBox(12, status, progress);
        root.setStyle("-fx-padding: 16;");
        stage.setTitle("Weight Studio");
        stage.setScene(new Scene(root, 480, 120));
        stage.show();

        Task<Dataset> load = new Task<>() {
            @Override
            protected Dataset call() {
                return DatasetLoader.loadBundledMnist();
            }
        };
        load.setOnSucceeded(e -> train(load.getValue(), status, progress));
        load.setOnFailed(e -> status.setText("Cannot load data: " + load.getException().getMessage()));
        Thread loader = new Thread(load, "dataset-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void train(Dataset data, Label status, ProgressBar progress) {
        SoftmaxModel model = new SoftmaxModel(data.classCount(), data.inputSize());
        Trainer trainer = new Trainer(model, data.train(), TrainingConfig.defaults());
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (int i = 0; i < 1000; i++) {
                    trainer.step();
                }
                double accuracy = Evaluator.quickEstimate(model, data.test()).accuracy();
                String text = String.format("step %d   epoch %.2f   test accuracy (1000 images) %.3f",
                        trainer.steps(), trainer.epochs(), accuracy);
                double fraction = trainer.epochs() % 1.0;
                Platform.runLater(() -> {
                    status.setText(text);
                    progress.setProgress(fraction);
                });
            }
        }, "trainer");
        thread.setDaemon(true);
        thread.start();
    }
}
