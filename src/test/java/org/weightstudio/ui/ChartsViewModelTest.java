package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** Points held while the trainer runs flat out show, in order, at the next flush (no toolkit needed). */
class ChartsViewModelTest {
    private static List<Number> xs(XYChart.Series<Number, Number> s) {
        return s.getData().stream().map(XYChart.Data::getXValue).toList();
    }

    @Test
    void heldPointsWaitForTheFlushAndKeepTheirOrder() {
        ChartsViewModel c = new ChartsViewModel();
        c.addTraining(10, 2.0, 0.1);
        c.hold(true);
        c.addTraining(20, 1.5, 0.3);
        c.addTest(20, 1.4, 0.35);
        c.addTraining(50, 1.0, 0.5);
        XYChart.Series<Number, Number> trainLoss = c.lossSeries().get(0);
        XYChart.Series<Number, Number> testAccuracy = c.accuracySeries().get(1);
        assertThat(xs(trainLoss)).containsExactly(10L);
        assertThat(testAccuracy.getData()).isEmpty();
        assertThat(c.heldPoints()).isEqualTo(6);

        c.flush();
        assertThat(xs(trainLoss)).containsExactly(10L, 20L, 50L);
        assertThat(trainLoss.getData().get(2).getYValue()).isEqualTo(1.0);
        assertThat(xs(testAccuracy)).containsExactly(20L);
        assertThat(c.heldPoints()).isZero();
    }

    @Test
    void endingTheHoldShowsWhatWasHeldAndLaterPointsShowAtOnce() {
        ChartsViewModel c = new ChartsViewModel();
        c.hold(true);
        c.addTraining(10, 2.0, 0.1);
        c.hold(true);
        assertThat(c.lossSeries().get(0).getData()).isEmpty();
        c.hold(false);
        assertThat(xs(c.lossSeries().get(0))).containsExactly(10L);
        c.addTraining(20, 1.0, 0.2);
        assertThat(xs(c.accuracySeries().get(0))).containsExactly(10L, 20L);
    }

    @Test
    void resetDropsHeldPointsAndSavingAModelKeepsThem() {
        ChartsViewModel c = new ChartsViewModel();
        c.hold(true);
        c.addTraining(10, 2.0, 0.1);
        c.clear();
        c.flush();
        assertThat(c.lossSeries().get(0).getData()).isEmpty();

        c.addTraining(30, 1.0, 0.4);
        ChartsViewModel.Memory saved = c.save();
        assertThat(saved.series().get(0)).extracting(XYChart.Data::getXValue).containsExactly(30L);
        c.restore(ChartsViewModel.Memory.EMPTY);
        c.flush();
        assertThat(c.lossSeries().get(0).getData()).isEmpty();
    }

    @Test
    void heldPointsPastTheLimitThinTheSeriesAsShownPointsDo() {
        ChartsViewModel c = new ChartsViewModel();
        c.hold(true);
        for (int step = 1; step <= ChartsViewModel.MAX_POINTS + 1; step++) {
            c.addTraining(step, 1.0 / step, 0.5);
        }
        c.flush();
        XYChart.Series<Number, Number> trainLoss = c.lossSeries().get(0);
        assertThat(trainLoss.getData()).hasSize(ChartsViewModel.MAX_POINTS / 2 + 1);
        assertThat(xs(trainLoss).get(trainLoss.getData().size() - 1)).isEqualTo((long) ChartsViewModel.MAX_POINTS + 1);
    }
}
