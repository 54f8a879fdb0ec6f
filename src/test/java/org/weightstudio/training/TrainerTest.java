package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.weightstudio.TestData;
import org.weightstudio.analysis.Evaluator;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;

class TrainerTest {
    private static final ImageSet TRAIN = TestData.mnist().train().head(3000);

    private static Trainer trainer(TrainingConfig config) {
        return new Trainer(new SoftmaxModel(10, 784), TRAIN, config);
    }

    /** Mean batch loss of the images {@code images} under {@code model}. */
    private static double batchLoss(SoftmaxModel model, int[] images) {
        float[] x = new float[784];
        float[] z = new float[10];
        double sum = 0;
        for (int i : images) {
            TRAIN.toFloats(i, x);
            model.scores(x, z);
            sum += SoftmaxModel.crossEntropyFromScores(z, 0, 10, TRAIN.label(i));
        }
        return sum / images.length;
    }

    @Test
    void updateFollowsTheFiniteDifferenceGradient() {
        TrainingConfig config = new TrainingConfig(4, 0.1, 0, 0, 3, 0.01);
        Trainer t = trainer(config);
        for (int i = 0; i < 20; i++) {
            t.step();
        }
        SoftmaxModel before = t.model().copy();
        t.step();
        int[] batch = t.lastBatchImages().clone();
        float[] w0 = before.weights().data;
        float[] w1 = t.model().weights().data;

        // The update is W1 = W0 - lr * dL/dW, so the analytic gradient is (W0 - W1) / lr.
        // Check it against (L(W + h e_j) - L(W - h e_j)) / 2h on ink and bias coordinates.
        int checked = 0;
        double h = 1e-2;
        for (int j = 0; j < w0.length && checked < 25; j += 97) {
            double analytic = (w0[j] - w1[j]) / config.learningRate();
            SoftmaxModel plus = before.copy();
            SoftmaxModel minus = before.copy();
            plus.weights().data[j] += h;
            minus.weights().data[j] -= h;
            double numeric = (batchLoss(plus, batch) - batchLoss(minus, batch)) / (2 * h);
            assertThat(analytic).as("dL/dW[%d]", j).isCloseTo(numeric, within(2e-3 + 0.02 * Math.abs(numeric)));
            checked++;
        }
        for (int k = 0; k < 10; k++) {
            double analytic = (before.bias().data[k] - t.model().bias().data[k]) / config.learningRate();
            SoftmaxModel plus = before.copy();
            SoftmaxModel minus = before.copy();
            plus.bias().data[k] += h;
            minus.bias().data[k] -= h;
            double numeric = (batchLoss(plus, batch) - batchLoss(minus, batch)) / (2 * h);
            assertThat(analytic).as("dL/db[%d]", k).isCloseTo(numeric, within(2e-3 + 0.02 * Math.abs(numeric)));
        }
        assertThat(t.lastLoss()).isCloseTo(batchLoss(before, batch), within(1e-4));
    }

    @Test
    void someGradientCoordinatesAreNonZero() {
        Trainer t = trainer(TrainingConfig.defaults());
        t.step();
        float max = 0;
        for (float v : t.model().weights().data) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat(max).isGreaterThan(0f);
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(3).withSeed(11);
        Trainer a = trainer(config);
        Trainer b = trainer(config);
        Trainer other = trainer(config.withSeed(12));
        for (int i = 0; i < 2500; i++) { // crosses two epoch boundaries (1000 steps each)
            a.step();
            b.step();
            other.step();
        }
        assertThat(a.model().weights().data).containsExactly(b.model().weights().data);
        assertThat(a.model().bias().data).containsExactly(b.model().bias().data);
        assertThat(a.model().weights().data).isNotEqualTo(other.model().weights().data);
    }

    @Test
    void resumingAtAStepContinuesTheSameRun() {
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(7);
        Trainer whole = trainer(config);
        Trainer first = trainer(config);
        for (int i = 0; i < 700; i++) {
            whole.step();
            if (i < 400) {
                first.step();
            }
        }
        Trainer resumed = new Trainer(first.model().copy(), TRAIN, config, first.steps());
        for (int i = 0; i < 300; i++) {
            resumed.step();
        }
        assertThat(resumed.steps()).isEqualTo(700);
        assertThat(resumed.model().weights().data).containsExactly(whole.model().weights().data);
    }

    @Test
    void stepAllocatesNothingInSteadyState() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Trainer t = trainer(TrainingConfig.defaults().withBatchSize(10));
        for (int i = 0; i < 20; i++) {
            t.step();
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 200; i++) { // within one epoch (300 steps of 10)
            t.step();
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(allocated).as("bytes allocated by 200 steps").isLessThan(200);
    }

    @Test
    void learnsDigitsOnASlice() {
        Trainer t = trainer(TrainingConfig.defaults().withBatchSize(10).withLearningRate(0.2));
        double before = Evaluator.evaluate(t.model(), TestData.mnist().test(), 1000).accuracy();
        for (int i = 0; i < 600; i++) {
            t.step();
        }
        double after = Evaluator.evaluate(t.model(), TestData.mnist().test(), 1000).accuracy();
        assertThat(before).isLessThan(0.2);
        assertThat(after).isGreaterThan(0.82);
        assertThat(t.epochs()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void changingBatchSizeKeepsWeightsAndPosition() {
        Trainer t = trainer(TrainingConfig.defaults().withBatchSize(10));
        for (int i = 0; i < 50; i++) {
            t.step();
        }
        float[] weights = t.model().weights().data.clone();
        t.setConfig(t.config().withBatchSize(25));
        assertThat(t.model().weights().data).containsExactly(weights);
        assertThat(t.steps()).isEqualTo(20); // 500 samples = 20 steps of 25
        t.step();
        assertThat(t.lastBatchImages()).hasSize(25);
        assertThatThrownBy(() -> t.setConfig(t.config().withBatchSize(3001)))
                .hasMessageContaining("larger than the 3000 training images");
    }

    @Test
    void l2ShrinksWeightsAndDecayLowersTheRate() {
        TrainingConfig c = TrainingConfig.defaults().withDecay(1);
        assertThat(c.learningRateAt(0)).isEqualTo(0.05);
        assertThat(c.learningRateAt(1)).isCloseTo(0.025, within(1e-12));

        Trainer plain = trainer(TrainingConfig.defaults().withBatchSize(10));
        Trainer decayed = trainer(TrainingConfig.defaults().withBatchSize(10).withL2(0.5));
        for (int i = 0; i < 100; i++) {
            plain.step();
            decayed.step();
        }
        double normPlain = 0;
        double normDecayed = 0;
        for (int i = 0; i < 7840; i++) {
            normPlain += plain.model().weights().data[i] * plain.model().weights().data[i];
            normDecayed += decayed.model().weights().data[i] * decayed.model().weights().data[i];
        }
        assertThat(normDecayed).isLessThan(normPlain);
    }

    @Test
    void configRefusesNonsense() {
        assertThatThrownBy(() -> new TrainingConfig(0, 0.1, 0, 0, 1, 0)).hasMessageContaining("batch size");
        assertThatThrownBy(() -> new TrainingConfig(1, -0.1, 0, 0, 1, 0)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new TrainingConfig(1, Double.NaN, 0, 0, 1, 0)).hasMessageContaining("learning rate");
    }
}
