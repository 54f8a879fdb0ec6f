package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.weightstudio.TestData;
import org.weightstudio.data.Dataset;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

/** The accuracy the README promises, on the full data: one epoch each (about a second). */
class MnistAccuracyTest {
    private static Evaluation oneEpoch(TrainingConfig config) {
        Dataset mnist = TestData.mnist();
        Trainer t = new Trainer(new SoftmaxModel(10, 784), mnist.train(), config);
        for (int i = 0; i < t.stepsPerEpoch(); i++) {
            t.step();
        }
        return Evaluator.evaluate(t.model(), mnist.test());
    }

    @Test
    void batch100ReachesNinetyOnePercent() {
        Evaluation e = oneEpoch(TrainingConfig.defaults().withBatchSize(100).withLearningRate(0.5).withDecay(0));
        assertThat(e.accuracy()).isGreaterThanOrEqualTo(0.91);
        assertThat(e.count()).isEqualTo(10_000);
    }

    @Test
    void defaultsReachNinetyPercent() {
        Evaluation e = oneEpoch(TrainingConfig.defaults());
        assertThat(e.accuracy()).isGreaterThanOrEqualTo(0.90);
        int diagonal = 0;
        for (int k = 0; k < 10; k++) {
            diagonal += e.confusion()[k][k];
            assertThat(e.classAccuracy(k)).as("class %d", k).isGreaterThan(0.75);
        }
        assertThat(diagonal).isEqualTo((int) Math.round(e.accuracy() * 10_000));
    }
}
