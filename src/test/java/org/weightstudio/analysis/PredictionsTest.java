package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;

class PredictionsTest {
    private final SoftmaxModel model = TestModels.small();
    private final ImageSet test = TestModels.testSlice(1000);
    private final Predictions predictions = Predictions.of(model, test);
    private final Evaluation evaluation = Evaluator.evaluate(model, test);

    @Test
    void mistakesAreTheMisclassifiedImagesMostConfidentFirst() {
        List<Predictions.Mistake> mistakes = predictions.mistakes();
        int wrong = (int) Math.round((1 - evaluation.accuracy()) * test.size());
        assertThat(mistakes).hasSize(wrong).isNotEmpty();
        for (int i = 0; i < mistakes.size(); i++) {
            Predictions.Mistake m = mistakes.get(i);
            assertThat(m.label()).isEqualTo(test.label(m.index())).isNotEqualTo(m.predicted());
            if (i > 0) {
                assertThat(m.confidence()).isLessThanOrEqualTo(mistakes.get(i - 1).confidence());
            }
        }
    }

    @Test
    void confusionAndPerClassAccuracyAgreeWithTheEvaluator() {
        assertThat(predictions.confusion()).isDeepEqualTo(evaluation.confusion());
        double[] perClass = predictions.perClassAccuracy();
        for (int k = 0; k < 10; k++) {
            assertThat(perClass[k]).isCloseTo(evaluation.classAccuracy(k), within(1e-12));
        }
    }

    @Test
    void aConfusionCellListsItsImages() {
        Predictions.Mistake worst = predictions.mistakes().get(0);
        List<Integer> cell = predictions.cell(worst.label(), worst.predicted());
        assertThat(cell).hasSize(predictions.confusion()[worst.label()][worst.predicted()]);
        assertThat(cell.get(0)).isEqualTo(worst.index());
    }

    @Test
    void predictionRanksClassesByProbability() {
        float[] x = new float[784];
        test.toFloats(0, x);
        Prediction p = Prediction.of(model, x);
        assertThat(p.best()).isEqualTo(model.predict(x));
        assertThat(p.top(3)).hasSize(3).doesNotHaveDuplicates();
        assertThat(p.probabilities()[p.top(3)[1]]).isLessThanOrEqualTo(p.confidence());
        float total = 0;
        for (float v : p.probabilities()) {
            total += v;
        }
        assertThat(total).isCloseTo(1f, within(1e-5f));
    }
}
