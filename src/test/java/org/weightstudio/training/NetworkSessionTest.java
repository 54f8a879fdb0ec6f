package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.Tensor;

/** A session training an MLP: its frames hold every parameter, and the network rebuilt from a frame scores as the trainer's did. */
class NetworkSessionTest {
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void mlpFramesHoldEveryParameterAndTheirDelta() throws InterruptedException {
        var data = SyntheticData.images(300, 3);
        Architecture mlp = Architecture.mlp(data.rows(), data.cols(), 10, 16);
        session = new TrainingSession(data, 10, TrainingConfig.defaults().withBatchSize(8), 1000, mlp);
        session.start();
        assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        Frame first = session.frames().peek().frame();
        session.control().step(5);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (session.frames().peek().step() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Frame frame = session.frames().peek().frame();
        assertThat(frame.step()).isEqualTo(5);
        int params = 16 * data.imageSize() + 16 + 16 * 10 + 10;
        assertThat(frame.weights()).hasSize(params);
        assertThat(frame.bias()).isEmpty();
        assertThat(session.architecture()).isEqualTo(mlp);

        // delta = weights(5) - weights(0) once frames in between were never taken
        float[] delta = session.frames().peek().deltaSince(null, new float[params]);
        float[] expected = new float[params];
        for (int i = 0; i < params; i++) {
            expected[i] = frame.weights()[i] - first.weights()[i];
        }
        assertThat(delta).containsExactly(expected);
        assertThat(delta).isNotEqualTo(new float[params]);

        // the flat array is the tensors in order: dense2.b last
        Network rebuilt = FlatParameters.toNetwork(mlp, frame.weights());
        Tensor b2 = rebuilt.parameter("dense2.b");
        int at = FlatParameters.offset(mlp, "dense2.b");
        assertThat(at).isEqualTo(params - 10);
        for (int k = 0; k < 10; k++) {
            assertThat(b2.data()[k]).isEqualTo(frame.weights()[at + k]);
        }
        assertThat(FlatParameters.copy(rebuilt)).containsExactly(frame.weights());
    }

    @Test
    void theOneLayerSessionStillHoldsWAndB() throws InterruptedException {
        var data = SyntheticData.images(100, 4);
        session = new TrainingSession(data, 10, TrainingConfig.defaults(), 1);
        session.start();
        assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        Frame frame = session.frames().peek().frame();
        assertThat(frame.weights()).hasSize(10 * data.imageSize());
        assertThat(frame.bias()).hasSize(10);
        assertThat(session.architecture().kind()).isEqualTo(Architecture.SOFTMAX);
    }
}
