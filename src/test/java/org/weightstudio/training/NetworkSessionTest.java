package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightstudio.model.Architecture;

/** Sessions that train an MLP or a CNN: their frames hold every tensor with its change. */
class NetworkSessionTest {
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private Frame stepAndWait(int n) throws InterruptedException {
        assertThat(session.control().awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        session.control().step(n);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((session.frames().peek() == null || session.frames().peek().step() < n) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return session.frames().peek().frame();
    }

    @Test
    void mlpFramesHoldEveryTensorAndItsChange() throws InterruptedException {
        var data = SyntheticData.images(300, 3);
        Architecture mlp = Architecture.mlp(data.rows(), data.cols(), 10, 16);
        session = new TrainingSession(data, 10, TrainingConfig.defaults().withBatchSize(8), 1000, mlp);
        session.start();
        assertThat(session.control().awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        Frame first = session.frames().peek().frame();
        Frame frame = stepAndWait(5);
        assertThat(frame.step()).isEqualTo(5);
        assertThat(session.architecture()).isEqualTo(mlp);
        assertThat(frame.tensors()).extracting(TensorFrame::name)
                .containsExactly("dense1.W", "dense1.b", "dense2.W", "dense2.b");
        // no frame published in between (interval 1000, pause at 5): delta = W(5) - W(0)
        TensorFrame w2 = frame.tensor("dense2.W");
        float[] before = first.tensor("dense2.W").values();
        for (int i = 0; i < before.length; i++) {
            assertThat(w2.delta()[i]).isEqualTo(w2.values()[i] - before[i]);
        }
        assertThat(w2.delta()).isNotEqualTo(new float[before.length]);
    }

    @Test
    void cnnFramesHaveNoTemplateButEveryFilter() throws InterruptedException {
        var data = SyntheticData.images(100, 5);
        Architecture cnn = Architecture.cnn(data.rows(), data.cols(), 10, new int[] {4, 8});
        session = new TrainingSession(data, 10, TrainingConfig.defaults().withBatchSize(4), 1000, cnn);
        session.start();
        Frame frame = stepAndWait(2);
        assertThat(frame.weights()).isEmpty();
        assertThat(frame.tensor("conv1.W").shape().toString()).isEqualTo("4x1x5x5");
        assertThat(frame.tensor("conv2.W").shape().toString()).isEqualTo("8x4x5x5");
        assertThat(frame.tensor("conv1.W").delta()).isNotEqualTo(new float[100]);
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
