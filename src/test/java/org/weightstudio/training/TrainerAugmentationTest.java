package org.weightstudio.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightstudio.data.Augmentation;
import org.weightstudio.data.Augmenter;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;

/** Training on augmented batches replays bit for bit, resumes at any step, and allocates nothing. */
class TrainerAugmentationTest {
    private static final ImageSet DATA = SyntheticDigits.make(300, 31);

    private static TrainingConfig config(int batch) {
        return TrainingConfig.defaults().withBatchSize(batch).withLearningRate(0.1).withInitScale(0.01)
                .withAugmentation(Augmentation.DEFAULTS);
    }

    private static float[] weightsAfter(TrainingConfig config, int steps) {
        SoftmaxModel model = new SoftmaxModel(10, 784);
        Trainer trainer = new Trainer(model, DATA, config);
        for (int i = 0; i < steps; i++) {
            trainer.step();
        }
        return model.weights().data.clone();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10})
    void theSameSeedReplaysBitForBitAndAugmentationChangesTheRun(int batch) {
        float[] first = weightsAfter(config(batch), 120);
        float[] again = weightsAfter(config(batch), 120);
        assertThat(again).isEqualTo(first);
        assertThat(weightsAfter(config(batch).withAugmentation(Augmentation.OFF), 120)).isNotEqualTo(first);
        assertThat(weightsAfter(config(batch).withSeed(7), 120)).isNotEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource({"2, 70, 150", "10, 29, 61", "10, 30, 30"})
    void aRunResumedAtStepSContinuesExactlyAsOneThatNeverStopped(int batch, int firstPart, int secondPart) {
        // 300 images: batch 10 has 30 steps an epoch, so these cross epoch boundaries.
        float[] uninterrupted = weightsAfter(config(batch), firstPart + secondPart);

        SoftmaxModel model = new SoftmaxModel(10, 784);
        Trainer before = new Trainer(model, DATA, config(batch));
        for (int i = 0; i < firstPart; i++) {
            before.step();
        }
        // As a saved and reloaded model: a copy of the weights and the step count, nothing else.
        SoftmaxModel reloaded = model.copy();
        Trainer after = new Trainer(reloaded, DATA, config(batch), before.steps());
        for (int i = 0; i < secondPart; i++) {
            after.step();
        }
        assertThat(reloaded.weights().data).isEqualTo(uninterrupted);
        assertThat(reloaded.bias().data).isNotEqualTo(new float[10]);
    }

    @Test
    void theLastBatchPixelsAreTheAugmentedImagesTheUpdateUsed() {
        Trainer trainer = new Trainer(new SoftmaxModel(10, 784), DATA, config(4));
        for (int i = 0; i < 5; i++) {
            trainer.step();
        }
        long step = trainer.steps() - 1;
        int[] images = trainer.lastBatchImages().clone();
        byte[] seen = Arrays.copyOf(trainer.lastBatchPixels(), 4 * 784);

        Augmenter reference = new Augmenter(28, 28, 4);
        reference.augment(DATA, images, 4, Augmentation.DEFAULTS, TrainingConfig.DEFAULT_SEED, step);
        assertThat(seen).isEqualTo(Arrays.copyOf(reference.pixels(), 4 * 784));
        byte[] original = new byte[4 * 784];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(DATA.imageBytes(images[i]), 0, original, i * 784, 784);
        }
        assertThat(seen).isNotEqualTo(original);
    }

    @Test
    void withoutAugmentationThereAreNoSeparatePixelsAndSwitchingItOnMidRunWorks() {
        Trainer trainer = new Trainer(new SoftmaxModel(10, 784), DATA, config(2).withAugmentation(Augmentation.OFF));
        trainer.step();
        assertThat(trainer.lastBatchPixels()).isNull();
        trainer.setConfig(config(3));
        trainer.step();
        assertThat(trainer.lastBatchPixels()).hasSize(3 * 784);
        trainer.setConfig(config(3).withAugmentation(Augmentation.OFF));
        trainer.step();
        assertThat(trainer.lastBatchPixels()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100})
    void aWarmAugmentedStepAllocatesNothing(int batch) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Trainer trainer = new Trainer(new SoftmaxModel(10, 784), DATA, config(batch));
        int steps = Math.max(20, 2000 / batch);
        for (int i = 0; i < steps; i++) {
            trainer.step();
        }
        long id = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(id); // its own first call allocates
        // The quietest of four windows, as in TrainerAllocationTest; windows cross epoch boundaries.
        long quietest = Long.MAX_VALUE;
        for (int window = 0; window < 4; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < steps; i++) {
                trainer.step();
            }
            quietest = Math.min(quietest, threads.getThreadAllocatedBytes(id) - before);
        }
        assertThat(quietest).as("bytes allocated over %d warm augmented steps", steps).isLessThan(16);
    }
}
