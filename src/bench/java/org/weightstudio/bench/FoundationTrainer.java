package org.weightstudio.bench;

import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.TrainingConfig;

/**
 * The foundation's training step before the performance work, kept verbatim in its arithmetic for
 * a before/after figure: every sample's 784 bytes scanned into int/float buffers, one running sum
 * per class, and the gradient applied class by class. Visits the images in plain order (the
 * shuffle costs the same in both and is left out).
 */
final class FoundationTrainer {
    private final SoftmaxModel model;
    private final ImageSet data;
    private final TrainingConfig config;
    private final int classes;
    private final int inputs;
    private final int[] nzIndex;
    private final float[] nzValue;
    private final int[] nzStart;
    private final int[] nzCount;
    private final float[] dz;
    private int next;

    FoundationTrainer(SoftmaxModel model, ImageSet data, TrainingConfig config) {
        this.model = model;
        this.data = data;
        this.config = config;
        this.classes = model.classes();
        this.inputs = model.inputs();
        int n = config.batchSize();
        nzIndex = new int[n * inputs];
        nzValue = new float[n * inputs];
        nzStart = new int[n];
        nzCount = new int[n];
        dz = new float[n * classes];
    }

    double step() {
        int n = config.batchSize();
        float lr = (float) config.learningRate();
        double loss = 0;
        int offset = 0;
        for (int i = 0; i < n; i++) {
            int image = next;
            next = (next + 1) % data.size();
            int label = data.label(image);
            int nnz = data.toSparse(image, nzIndex, nzValue, offset);
            nzStart[i] = offset;
            nzCount[i] = nnz;
            offset += nnz;
            int zOff = i * classes;
            model.scoresSparse(nzIndex, nzValue, nzStart[i], nnz, dz, zOff);
            loss += SoftmaxModel.crossEntropyFromScores(dz, zOff, classes, label);
            SoftmaxModel.argmax(dz, zOff, classes);
            SoftmaxModel.softmaxInPlace(dz, zOff, classes);
            dz[zOff + label] -= 1f;
        }
        float[] w = model.weights().data;
        float[] b = model.bias().data;
        float scale = lr / n;
        for (int i = 0; i < n; i++) {
            int zOff = i * classes;
            int start = nzStart[i];
            int end = start + nzCount[i];
            for (int k = 0, row = 0; k < classes; k++, row += inputs) {
                float g = scale * dz[zOff + k];
                b[k] -= g;
                for (int j = start; j < end; j++) {
                    w[row + nzIndex[j]] -= g * nzValue[j];
                }
            }
        }
        return loss / n;
    }
}
