package org.weightstudio.training;

import java.util.Random;
import org.weightstudio.data.Augmenter;
import org.weightstudio.data.ImageSet;
import org.weightstudio.data.PackedInk;
import org.weightstudio.data.SparseImages;
import org.weightstudio.model.PackedKernels;
import org.weightstudio.model.SoftmaxModel;

/**
 * Minibatch stochastic gradient descent for {@link SoftmaxModel}. Each epoch visits the
 * training images in an order shuffled from (seed, epoch), in full batches; the remainder of an
 * epoch that does not fill a batch is left out of that epoch. Because the order depends only on
 * the seed and the epoch number, a run resumed at step s continues exactly as if never stopped.
 *
 * <p>With {@link TrainingConfig#augmentation()} on, each batch's images are augmented before the
 * update (see {@link Augmenter}): the amounts depend on (seed, step, position in the batch) only,
 * so augmented runs replay and resume bit for bit too.
 *
 * <p>All work buffers are sized once per batch size; {@link #step()} allocates nothing. Not
 * thread-safe: one thread owns a trainer.
 */
public final class Trainer {
    private final SoftmaxModel model;
    private final ImageSet data;
    /** The ink pixels of every training image, packed once; shared with the image set. */
    private final SparseImages ink;
    private final int classes;
    private final int inputs;
    private final int[] order;
    /** Re-seeded for every epoch's shuffle; kept so that an epoch boundary allocates nothing. */
    private final Random shuffler = new Random();

    private TrainingConfig config;
    private long step;
    private int orderEpoch = -1;

    // Work buffers, sized for the batch size.
    private float[] dz;
    private int[] batchImages;
    private int[] batchPredictions;
    /** Made when augmentation is first on, for the batch size; null until then. */
    private Augmenter augmenter;
    /** 0, 1, ..., n - 1: the rows of an augmented batch in its packed form. */
    private int[] positions;
    /** What this step's update reads: image batchRows[i] of batchInk is the batch's i-th input. */
    private PackedInk batchInk;
    private int[] batchRows;
    private boolean lastAugmented;
    private double lastLoss;
    /** Sink of {@link #touchImages}. */
    private int touched;
    private int lastCorrect;

    public Trainer(SoftmaxModel model, ImageSet data, TrainingConfig config) {
        this(model, data, config, 0);
    }

    /** A trainer that continues a model already trained for {@code startStep} updates. */
    public Trainer(SoftmaxModel model, ImageSet data, TrainingConfig config, long startStep) {
        if (model.inputs() != data.imageSize()) {
            throw new IllegalArgumentException("model takes " + model.inputs() + " inputs, images have "
                    + data.imageSize() + " pixels");
        }
        this.model = model;
        this.data = data;
        this.ink = data.sparse();
        this.classes = model.classes();
        this.inputs = model.inputs();
        this.order = new int[data.size()];
        this.step = startStep;
        setConfig(config);
        if (startStep == 0 && config.initScale() > 0) {
            model.randomize(config.seed(), (float) config.initScale());
        }
    }

    /**
     * Changes the hyper-parameters from the next step on, keeping the trained weights. A new
     * batch size changes how many steps an epoch has; the epoch count carries on from the
     * samples seen.
     */
    public void setConfig(TrainingConfig newConfig) {
        if (newConfig.batchSize() > data.size()) {
            throw new IllegalArgumentException("batch size " + newConfig.batchSize() + " is larger than the "
                    + data.size() + " training images");
        }
        if (config != null && config.batchSize() != newConfig.batchSize()) {
            // Keep the position in the data: convert steps done at the old size to the new size.
            long samples = step * config.batchSize();
            step = samples / newConfig.batchSize();
            orderEpoch = -1;
        }
        if (config == null || config.batchSize() != newConfig.batchSize()) {
            allocate(newConfig.batchSize());
        }
        if (config != null && config.seed() != newConfig.seed()) {
            orderEpoch = -1;
        }
        if (!newConfig.augmentation().isOff() && augmenter == null) {
            augmenter = new Augmenter(data.rows(), data.cols(), newConfig.batchSize());
        }
        this.config = newConfig;
    }

    private void allocate(int n) {
        dz = new float[n * classes];
        batchImages = new int[n];
        batchPredictions = new int[n];
        positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        augmenter = null;
    }

    public TrainingConfig config() {
        return config;
    }

    public SoftmaxModel model() {
        return model;
    }

    public ImageSet data() {
        return data;
    }

    /** Updates performed so far. */
    public long steps() {
        return step;
    }

    public int stepsPerEpoch() {
        return data.size() / config.batchSize();
    }

    /** Completed epochs, fractional: 1.5 means halfway through the second epoch. */
    public double epochs() {
        return (double) step / stepsPerEpoch();
    }

    /** Mean cross-entropy of the last update's batch, measured before the update. */
    public double lastLoss() {
        return lastLoss;
    }

    /** How many images of the last batch were classified right before the update. */
    public int lastCorrect() {
        return lastCorrect;
    }

    /** Indices into the training set of the last batch's images (live buffer: copy to keep). */
    public int[] lastBatchImages() {
        return batchImages;
    }

    /** Predictions for the last batch, made before the update (live buffer: copy to keep). */
    public int[] lastBatchPredictions() {
        return batchPredictions;
    }

    /**
     * The pixels of the last batch as the model saw them, augmented, image i of the batch at
     * [i*rows*cols, (i+1)*rows*cols) (live buffer: copy to keep); null when the last update was
     * not augmented (then they are the training images {@link #lastBatchImages()} as stored).
     */
    public byte[] lastBatchPixels() {
        return lastAugmented ? augmenter.pixels() : null;
    }

    /** Performs exactly one minibatch update. */
    public void step() {
        int n = config.batchSize();
        int perEpoch = stepsPerEpoch();
        int epoch = (int) (step / perEpoch);
        int first = (int) (step % perEpoch) * n;
        ensureOrder(epoch);
        float lr = (float) config.learningRateAt((double) step / perEpoch);

        for (int i = 0; i < n; i++) {
            batchImages[i] = order[first + i];
        }
        selectInputs(first, n);
        forward(n);
        applyGradient(n, lr);
        step++;
    }

    /** Images of this batch -> the inputs of the update: the packed originals, or augmented copies. */
    private void selectInputs(int first, int n) {
        lastAugmented = !config.augmentation().isOff();
        if (lastAugmented) {
            augmenter.augment(data, batchImages, n, config.augmentation(), config.seed(), step);
            batchInk = augmenter.packed();
            batchRows = positions;
        } else {
            touchImages(first, n);
            batchInk = ink;
            batchRows = batchImages;
        }
    }

    /**
     * For each image of the batch: z = W x + b, the prediction argmax z, loss = -log softmax(z)_y,
     * and dz = softmax(z) - y into {@code dz}. Sets lastLoss and lastCorrect.
     */
    private void forward(int n) {
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int label = data.label(batchImages[i]);
            int zOff = i * classes;
            model.scoresOf(batchInk, batchRows[i], dz, zOff);
            int predicted = SoftmaxModel.argmax(dz, zOff, classes);
            batchPredictions[i] = predicted;
            if (predicted == label) {
                correct++;
            }
            loss += SoftmaxModel.softmaxWithLoss(dz, zOff, classes, label);
            // dL/dz = p - y
            dz[zOff + label] -= 1f;
        }
        lastLoss = loss / n;
        lastCorrect = correct;
    }

    /**
     * Reads one entry per cache line of the packed pixels of the images order[from, from + n)
     * before the kernels run. The batch's images lie at random places in 27 MB; these loads do not
     * depend on each other, so their cache misses overlap, where the kernels would otherwise meet
     * them one at a time: 7% to 15% faster steps measured at batch 2 and 100. (Touching the next
     * batch as well gained nothing more.)
     */
    private void touchImages(int from, int n) {
        char[] index = ink.index();
        byte[] value = ink.value();
        int sum = touched;
        for (int i = from; i < from + n; i++) {
            int image = order[i];
            int end = ink.end(image);
            for (int j = ink.start(image); j < end; j += 32) {
                sum += value[j] + (index != null ? index[j] : 0);
            }
        }
        touched = sum; // a field write, so that the JIT keeps the loads
    }

    /**
     * W <- (1 - lr*l2) W - (lr/n) sum_i dz_i x_i^T and b <- b - (lr/n) sum_i dz_i, touching only the
     * columns where x_i has ink. Samples are applied one after the other in batch order, so each
     * weight gets its terms in the same order as ever (see {@link PackedKernels}).
     */
    private void applyGradient(int n, float lr) {
        float[] w = model.weights().data;
        float[] b = model.bias().data;
        if (config.l2() > 0) {
            float shrink = (float) (1 - lr * config.l2());
            for (int j = 0; j < w.length; j++) {
                w[j] *= shrink;
            }
        }
        float scale = lr / n;
        PackedInk x = batchInk;
        char[] index = x.index();
        byte[] value = x.value();
        for (int i = 0; i < n; i++) {
            int zOff = i * classes;
            // g_i = (lr/n) dz_i, in place; b -= g_i; W -= g_i x_i^T
            for (int k = 0; k < classes; k++) {
                float g = scale * dz[zOff + k];
                dz[zOff + k] = g;
                b[k] -= g;
            }
            int image = batchRows[i];
            if (index != null) {
                PackedKernels.subtractOuter(w, classes, inputs, dz, zOff, index, value, x.start(image), x.end(image));
            } else {
                PackedKernels.subtractOuter(w, classes, inputs, dz, zOff, x.wideIndex(), value, x.start(image),
                        x.end(image));
            }
        }
    }

    /** The visiting order of an epoch: a Fisher-Yates shuffle seeded by (seed, epoch). */
    private void ensureOrder(int epoch) {
        if (epoch == orderEpoch) {
            return;
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // setSeed(s) restarts the same sequence as new Random(s)
        Random random = shuffler;
        random.setSeed(config.seed() * 0x9E3779B97F4A7C15L + epoch);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        orderEpoch = epoch;
    }
}
