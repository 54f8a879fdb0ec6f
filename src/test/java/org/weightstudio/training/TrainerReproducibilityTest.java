package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;

/**
 * The optimised trainer gives the very weights of the plain algorithm it replaced (the
 * foundation's: scan each image for ink, one running sum per class, gradient class by class),
 * bit for bit, over several epochs; and the same seed gives the same weights twice.
 */
class TrainerReproducibilityTest {
    private static final ImageSet DATA = SyntheticDigits.make(300, 17);

    @ParameterizedTest
    @CsvSource({
        "1, 0.05, 0, 0, 0, 650",
        "2, 0.05, 0, 0, 0, 320",
        "7, 0.1, 0.001, 0.5, 0.01, 100",
        "100, 0.5, 0, 0, 0, 7"})
    void matchesThePlainAlgorithmBitForBit(int batch, double lr, double l2, double decay, double init, int steps) {
        TrainingConfig config = new TrainingConfig(batch, lr, l2, decay, 9, init);
        SoftmaxModel fast = new SoftmaxModel(10, 784);
        Trainer trainer = new Trainer(fast, DATA, config);
        SoftmaxModel plain = new SoftmaxModel(10, 784);
        PlainSgd reference = new PlainSgd(plain, DATA, config);

        for (int s = 0; s < steps; s++) {
            trainer.step();
            double loss = reference.step();
            assertThat(trainer.lastLoss()).as("loss at step %d", s).isEqualTo(loss);
        }

        assertThat(bits(fast.weights().data)).isEqualTo(bits(plain.weights().data));
        assertThat(bits(fast.bias().data)).isEqualTo(bits(plain.bias().data));
        assertThat(trainer.epochs()).isGreaterThan(2);
    }

    /** Other shapes take the general loops: small images, and images too large for 16-bit positions. */
    @ParameterizedTest
    @CsvSource({
        "5, 4, 3, 1, 40",
        "12, 9, 7, 5, 30",
        "260, 260, 3, 4, 6"})
    void otherShapesMatchThePlainAlgorithmToo(int rows, int cols, int classes, int batch, int steps) {
        ImageSet data = SyntheticDigits.make(12, rows, cols, classes, 31);
        TrainingConfig config = new TrainingConfig(batch, 0.1, 0.01, 0, 4, 0.05);
        SoftmaxModel fast = new SoftmaxModel(classes, rows * cols);
        Trainer trainer = new Trainer(fast, data, config);
        SoftmaxModel plain = new SoftmaxModel(classes, rows * cols);
        PlainSgd reference = new PlainSgd(plain, data, config);

        for (int s = 0; s < steps; s++) {
            trainer.step();
            reference.step();
        }

        assertThat(bits(fast.weights().data)).isEqualTo(bits(plain.weights().data));
        assertThat(bits(fast.bias().data)).isEqualTo(bits(plain.bias().data));
    }

    @ParameterizedTest
    @CsvSource({"2, 0.05", "100, 0.5"})
    void theSameSeedGivesTheSameWeights(int batch, double lr) {
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(batch).withLearningRate(lr);
        SoftmaxModel a = new SoftmaxModel(10, 784);
        SoftmaxModel b = new SoftmaxModel(10, 784);
        Trainer ta = new Trainer(a, DATA, config);
        Trainer tb = new Trainer(b, DATA, config);
        for (int s = 0; s < 400 / batch + 3; s++) {
            ta.step();
            tb.step();
        }
        assertThat(bits(a.weights().data)).isEqualTo(bits(b.weights().data));
        assertThat(a.weights().data).isNotEqualTo(new float[784 * 10]);
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }

    /** The foundation's minibatch SGD, kept plain as the reference. */
    private static final class PlainSgd {
        private final SoftmaxModel model;
        private final ImageSet data;
        private final TrainingConfig config;
        private final int[] order;
        private final int[] index;
        private final float[] value;
        private final int[] start;
        private final int[] count;
        private final float[] dz;
        private long step;
        private int orderEpoch = -1;

        private final int classes;
        private final int inputs;

        PlainSgd(SoftmaxModel model, ImageSet data, TrainingConfig config) {
            this.model = model;
            this.data = data;
            this.config = config;
            this.classes = model.classes();
            this.inputs = model.inputs();
            int n = config.batchSize();
            order = new int[data.size()];
            index = new int[n * inputs];
            value = new float[n * inputs];
            start = new int[n];
            count = new int[n];
            dz = new float[n * classes];
            if (config.initScale() > 0) {
                model.randomize(config.seed(), (float) config.initScale());
            }
        }

        double step() {
            int n = config.batchSize();
            int perEpoch = data.size() / n;
            int epoch = (int) (step / perEpoch);
            int first = (int) (step % perEpoch) * n;
            shuffle(epoch);
            float lr = (float) config.learningRateAt((double) step / perEpoch);
            double loss = 0;
            int offset = 0;
            for (int i = 0; i < n; i++) {
                int image = order[first + i];
                int label = data.label(image);
                int nnz = data.toSparse(image, index, value, offset);
                start[i] = offset;
                count[i] = nnz;
                offset += nnz;
                int zOff = i * classes;
                model.scoresSparse(index, value, start[i], nnz, dz, zOff);
                loss += SoftmaxModel.crossEntropyFromScores(dz, zOff, classes, label);
                SoftmaxModel.softmaxInPlace(dz, zOff, classes);
                dz[zOff + label] -= 1f;
            }
            float[] w = model.weights().data;
            float[] b = model.bias().data;
            if (config.l2() > 0) {
                float shrink = (float) (1 - lr * config.l2());
                for (int j = 0; j < w.length; j++) {
                    w[j] *= shrink;
                }
            }
            float scale = lr / n;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < classes; k++) {
                    float g = scale * dz[i * classes + k];
                    b[k] -= g;
                    for (int j = start[i]; j < start[i] + count[i]; j++) {
                        w[k * inputs + index[j]] -= g * value[j];
                    }
                }
            }
            step++;
            return loss / n;
        }

        private void shuffle(int epoch) {
            if (epoch == orderEpoch) {
                return;
            }
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Random random = new Random(config.seed() * 0x9E3779B97F4A7C15L + epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            orderEpoch = epoch;
        }
    }
}
