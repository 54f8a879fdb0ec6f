package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;

class RobustnessSweepTest {
    private final SoftmaxModel model = TestModels.small();
    private final ImageSet test = TestModels.testSlice(1000);

    @Test
    void atZeroPerturbationItIsThePlainTestAccuracy() {
        double plain = Evaluator.evaluate(model, test).accuracy();
        RobustnessSweep sweep = new RobustnessSweep(model, test, test.size());
        assertThat(sweep.accuracy(PerturbationSettings.IDENTITY)).isEqualTo(plain);
        RobustnessSweep.Result result = sweep.run(List.of(PerturbationKind.SHIFT_X, PerturbationKind.SCALE),
                (d, t) -> { }, () -> false);
        assertThat(result.baseline()).isEqualTo(plain);
        for (RobustnessSweep.Curve curve : result.curves()) {
            RobustnessSweep.Point neutral = curve.points().stream()
                    .filter(p -> p.amount() == curve.kind().neutral()).findFirst().orElseThrow();
            assertThat(neutral.accuracy()).as(curve.kind().id()).isEqualTo(plain);
        }
    }

    @Test
    void largeShiftsHurt() {
        RobustnessSweep sweep = new RobustnessSweep(model, test, 300);
        double plain = sweep.accuracy(PerturbationSettings.IDENTITY);
        assertThat(sweep.accuracy(PerturbationKind.SHIFT_X.alone(6))).isLessThan(plain - 0.4);
        assertThat(sweep.accuracy(PerturbationKind.SCALE.alone(0.5))).isLessThan(plain - 0.3);
    }

    @Test
    void reportsProgressUpToTheTotal() {
        RobustnessSweep sweep = new RobustnessSweep(model, test, 600);
        List<long[]> updates = new ArrayList<>();
        sweep.run(List.of(PerturbationKind.THICKNESS), (done, total) -> updates.add(new long[] {done, total}),
                () -> false);
        long total = 600L * (1 + PerturbationKind.THICKNESS.sweepValues().length);
        assertThat(updates).isNotEmpty();
        assertThat(updates.get(updates.size() - 1)).containsExactly(total, total);
        for (int i = 1; i < updates.size(); i++) {
            assertThat(updates.get(i)[0]).isGreaterThan(updates.get(i - 1)[0]);
        }
    }

    @Test
    void stopsWhenCancelled() {
        RobustnessSweep sweep = new RobustnessSweep(model, test, 1000);
        AtomicInteger points = new AtomicInteger();
        assertThatThrownBy(() -> sweep.run(List.of(PerturbationKind.ROTATION),
                (done, total) -> points.incrementAndGet(), () -> points.get() >= 3))
                .isInstanceOf(CancellationException.class);
        assertThat(points.get()).isLessThan(6);
    }
}
