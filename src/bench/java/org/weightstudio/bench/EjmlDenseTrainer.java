package org.weightstudio.bench;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.TrainingConfig;

/**
 * Minibatch SGD the dense way, with EJML doing the matrix products: the candidate the sparse hand
 * kernel has to beat. Work matrices are allocated once; a step allocates nothing.
 */
final class EjmlDenseTrainer {
    private final SoftmaxModel model;
    private final ImageSet data;
    private final TrainingConfig config;
    private final FMatrixRMaj x;
    private final FMatrixRMaj z;
    private final FMatrixRMaj g;
    private final int[] labels;
    private final float[] row;
    private int next;

    EjmlDenseTrainer(SoftmaxModel model, ImageSet data, TrainingConfig config) {
        this.model = model;
        this.data = data;
        this.config = config;
        int n = config.batchSize();
        x = new FMatrixRMaj(n, model.inputs());
        z = new FMatrixRMaj(n, model.classes());
        g = new FMatrixRMaj(model.classes(), model.inputs());
        labels = new int[n];
        row = new float[model.inputs()];
    }

    void step() {
        int n = config.batchSize();
        int classes = model.classes();
        int inputs = model.inputs();
        for (int i = 0; i < n; i++) {
            int image = next;
            next = (next + 1) % data.size();
            labels[i] = data.label(image);
            data.toFloats(image, row);
            System.arraycopy(row, 0, x.data, i * inputs, inputs);
        }
        // Z = X W^T + 1 b^T
        CommonOps_FDRM.multTransB(x, model.weights(), z);
        float[] b = model.bias().data;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                z.data[i * classes + k] += b[k];
            }
            // dZ = (softmax(Z) - Y) lr / n
            SoftmaxModel.softmaxInPlace(z.data, i * classes, classes);
            z.data[i * classes + labels[i]] -= 1f;
        }
        float scale = (float) config.learningRate() / n;
        CommonOps_FDRM.scale(scale, z);
        // G = dZ^T X; W -= G; b -= column sums of dZ
        CommonOps_FDRM.multTransA(z, x, g);
        CommonOps_FDRM.subtractEquals(model.weights(), g);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                b[k] -= z.data[i * classes + k];
            }
        }
    }
}
