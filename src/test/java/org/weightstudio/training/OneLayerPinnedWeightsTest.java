package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightstudio.TestData;
import org.weightstudio.data.ImageSet;

/**
 * The one-layer net's weights after a fixed run are pinned to the bits the trainer produced before
 * models became stacks of layers (hashes computed on main at 5e91ba6, before any change): the
 * layered trainer must reproduce them exactly, at batch 1, 2 and 100, with and without L2, decay
 * and random init.
 */
class OneLayerPinnedWeightsTest {
    private static final ImageSet DATA = TestData.mnist().train().head(3000);

    @ParameterizedTest
    @CsvSource({
        "1, 0.05, 0, 0, 0, 700, 165c0dac594204419471d84c7da550583c359962c77fe750f9e08abdeef60c8e",
        "2, 0.05, 0, 0, 0, 1600, 770eaa839ade330bceee03767a06b551ca39025de4529bc4742bb294591904b2",
        "7, 0.1, 0.001, 0.5, 0.01, 900, 82ac46c99cc58a71caea6fe28ad3d02ef3f37f42e071e27d23b3a00bf3c2c94c",
        "100, 0.5, 0.0001, 0.1, 0, 95, a90cca24d4f99b169666cda4edc2a0301c5dd30e081648fa4c8a7207b2d5fb34"})
    void weightsEqualThoseOfTheTrainerBeforeLayers(int batch, double lr, double l2, double decay, double init,
            int steps, String expected) {
        TrainingConfig config = new TrainingConfig(batch, lr, l2, decay, 11, init);
        Trainer trainer = PinnedRun.trainer(DATA, config);
        for (int s = 0; s < steps; s++) {
            trainer.step();
        }
        assertThat(sha256(PinnedRun.weights(trainer), PinnedRun.bias(trainer))).isEqualTo(expected);
    }

    static String sha256(float[] w, float[] b) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * (w.length + b.length));
        for (float v : w) {
            bytes.putInt(Float.floatToRawIntBits(v));
        }
        for (float v : b) {
            bytes.putInt(Float.floatToRawIntBits(v));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
