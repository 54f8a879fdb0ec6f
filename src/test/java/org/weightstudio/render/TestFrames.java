package org.weightstudio.render;

import java.util.Random;
import org.weightstudio.training.Frame;
import org.weightstudio.training.TrainingConfig;

/** Synthetic frames for render tests: no training needed. */
final class TestFrames {
    private TestFrames() {
    }

    /** A 10 x 28x28 frame with Gaussian weights (seeded) and a delta of a tenth of their size. */
    static Frame random(long seed, long step) {
        Random r = new Random(seed);
        float[] w = new float[10 * 784];
        float[] d = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian() * 0.1f;
            d[i] = (float) r.nextGaussian() * 0.01f;
        }
        return frame(step, w, d);
    }

    /** Tile 0 all +0.5, tile 1 all -0.5, tile 2 zero, others small; delta zero. */
    static Frame signs() {
        float[] w = new float[10 * 784];
        for (int p = 0; p < 784; p++) {
            w[p] = 0.5f;
            w[784 + p] = -0.5f;
            w[2 * 784 + p] = 0f;
            for (int t = 3; t < 10; t++) {
                w[t * 784 + p] = (p % 7 - 3) * 0.01f;
            }
        }
        return frame(3000, w, new float[w.length]);
    }

    static Frame frame(long step, float[] w, float[] delta) {
        return new Frame(step, step / 30000.0, 10, 28, 28, w, new float[10], delta, Math.max(0, step - 500), 0.3,
                0.914, new int[0], new int[0], new int[0], TrainingConfig.defaults());
    }

    static SnapshotInfo info() {
        return new SnapshotInfo("mnist", java.util.List.of(), 500);
    }
}
