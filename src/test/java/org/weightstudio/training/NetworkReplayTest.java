package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.SoftmaxModel;

/** The same seed gives the same parameters bit for bit, for every architecture. */
class NetworkReplayTest {
    private static final ImageSet DATA = SyntheticDigits.make(300, 29);

    @ParameterizedTest
    @CsvSource({"softmax, , 2", "softmax, , 50", "mlp, 32, 1", "mlp, 32, 16", "mlp, '24,12', 8"})
    void theSameSeedReplaysBitForBit(String arch, String hidden, int batch) {
        TrainingConfig config = TrainingConfig.mlpDefaults().withBatchSize(batch).withL2(1e-4).withSeed(5);
        Network a = run(arch, hidden, config);
        Network b = run(arch, hidden, config);
        Network other = run(arch, hidden, config.withSeed(6));
        for (int t = 0; t < a.parameters().size(); t++) {
            assertThat(a.parameters().get(t).data()).containsExactly(b.parameters().get(t).data());
        }
        assertThat(a.parameters().get(0).data()).isNotEqualTo(other.parameters().get(0).data());
    }

    /** The one-layer net built as a network trains exactly as the one-layer model always has. */
    @ParameterizedTest
    @CsvSource({"2, 0", "10, 0.01"})
    void theOneLayerNetworkEqualsTheOneLayerModel(int batch, double init) {
        TrainingConfig config = new TrainingConfig(batch, 0.1, 1e-3, 0.5, 3, init);
        SoftmaxModel model = new SoftmaxModel(10, 784);
        Trainer viaModel = new Trainer(model, DATA, config);
        Trainer viaNetwork = new Trainer(Architecture.softmax(28, 28, 10).build(), DATA, config, 0);
        for (int s = 0; s < 200; s++) {
            viaModel.step();
            viaNetwork.step();
        }
        assertThat(viaNetwork.model().weights().data).containsExactly(model.weights().data);
        assertThat(viaNetwork.model().bias().data).containsExactly(model.bias().data);
    }

    private static Network run(String arch, String hidden, TrainingConfig config) {
        Network net = Architecture.parse(arch, hidden, 28, 28, 10).build();
        Trainer t = new Trainer(net, DATA, config, 0);
        for (int s = 0; s < 400 / config.batchSize() + 30; s++) {
            t.step();
        }
        return net;
    }
}
