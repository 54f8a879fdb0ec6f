package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;

class EvidenceMapTest {

    @Test
    void evidencePlusBiasIsTheClassScoreForATrainedModel() {
        SoftmaxModel model = TestModels.small();
        ImageSet test = TestModels.testSlice(20);
        float[] x = new float[784];
        float[] z = new float[10];
        for (int i = 0; i < test.size(); i++) {
            test.toFloats(i, x);
            model.scores(x, z);
            for (int k = 0; k < 10; k++) {
                EvidenceMap map = EvidenceMap.of(model, x, k, 28, 28);
                assertThat(map.score()).as("image %d class %d", i, k).isCloseTo(z[k], within(1e-4));
            }
        }
    }

    @Test
    void evidenceIsInputTimesTemplateAndZeroOnPaper() {
        SoftmaxModel model = new SoftmaxModel(3, 4);
        model.randomize(7, 1f);
        model.bias().data[2] = 0.75f;
        float[] x = {0f, 0.5f, 1f, 0f};
        EvidenceMap map = EvidenceMap.of(model, x, 2, 2, 2);
        float[] w = model.weights().data;
        assertThat(map.values()).containsExactly(0f, 0.5f * w[9], w[10], 0f);
        float[] z = new float[3];
        model.scores(x, z);
        assertThat(map.score()).isCloseTo(z[2], within(1e-6));
        assertThat(map.bias()).isEqualTo(0.75f);
    }

    @Test
    void identityHoldsForRandomModelsAndInputs() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            SoftmaxModel model = new SoftmaxModel(10, 784);
            model.randomize(trial, 0.1f);
            for (int k = 0; k < 10; k++) {
                model.bias().data[k] = (float) random.nextGaussian();
            }
            float[] x = new float[784];
            for (int j = 0; j < x.length; j++) {
                x[j] = random.nextFloat() < 0.2 ? random.nextFloat() : 0;
            }
            Prediction p = Prediction.of(model, x);
            for (int k = 0; k < 10; k++) {
                assertThat(EvidenceMap.of(model, x, k, 28, 28).score()).isCloseTo(p.scores()[k], within(1e-3));
            }
        }
    }
}
