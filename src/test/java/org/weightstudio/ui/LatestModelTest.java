package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.Frame;
import org.weightstudio.training.PublishedFrame;
import org.weightstudio.training.SyntheticData;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

class LatestModelTest {
    private static ShownPicture picture(Trainer trainer) {
        Frame frame = Frame.capture(trainer, null, 0, 0);
        return new ShownPicture(new PublishedFrame(1, frame, frame), frame.delta(), frame.step(), ScaleMode.SHARED);
    }

    @Test
    void followsTheShownFrameAndNeverTheLiveModel() {
        Trainer trainer = new Trainer(new SoftmaxModel(10, 784), SyntheticData.images(100, 1),
                TrainingConfig.defaults().withBatchSize(10));
        SimpleObjectProperty<ShownPicture> shown = new SimpleObjectProperty<>();
        LatestModel latest = new LatestModel(shown);
        assertThat(latest.get()).isNull();

        trainer.step();
        shown.set(picture(trainer));
        SoftmaxModel first = latest.get();
        assertThat(first.weights().data).containsExactly(trainer.model().weights().data);
        assertThat(latest.get()).isSameAs(first); // same frame, no rebuild

        trainer.step(); // the live model moves on; the picture's model does not
        assertThat(first.weights().data).isNotEqualTo(trainer.model().weights().data);
        shown.set(picture(trainer));
        assertThat(latest.get()).isNotSameAs(first);
        assertThat(latest.get().weights().data).containsExactly(trainer.model().weights().data);
    }
}
