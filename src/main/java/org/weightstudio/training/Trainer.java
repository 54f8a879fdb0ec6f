package org.weightstudio.training;

import java.util.Random;
import org.weightstudio.data.Augmenter;
import org.weightstudio.data.ImageSet;
import org.weightstudio.data.SparseImages;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.PackedBatch;
import org.weightstudio.model.Sgd;
import org.weightstudio.model.SoftmaxCrossEntropy;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.model.layers.Dense;

/**
 * Minibatch stochastic gradient descent for any {@link Network}: the one-layer net (softmax
 * regression) and the MLP alike. Each epoch visits the training images in an order shuffled from
 * (seed, epoch), in full batches; the remainder of an epoch that does not fill a batch is left out
 * of that epoch. Because the order depends only on the seed and the epoch number, a run resumed at
 * step s continues exactly as if never stopped.
 *
 * <p>One step: forward from the packed ink pixels of the batch, softmax cross-entropy, backward,
 * update. With {@link TrainingConfig#augmentation()} on, the batch's images are augmented first
 * (see {@link Augmenter}) and the network reads the augmented copies: the amounts depend on
 * (seed, step, position in the batch) only, so augmented runs replay and resume bit for bit too. All work buffers are sized once per batch size; {@link #step()} allocates nothing. Not
 * thread-safe: one thread owns a trainer.
 *
 * <p>With {@link #setThreads(int) two threads} (for a network with a dense first layer, the CNN),
 * each batch of at least {@value #SPLIT_FROM} samples is split in two halves computed at the same
 * time, the second on a {@link BatchHelper}'s copy of the network; the gradients are added in a fixed order and applied once.
 * Runs then replay bit for bit for that thread count. {@link #close()} ends the helper thread.
 */
public final class Trainer implements AutoCloseable {
    private final Network network;
    /** The one-layer model over the network's own arrays, or null for other architectures. */
    private final SoftmaxModel model;
    private final ImageSet data;
    /** The ink pixels of every training image, packed once; shared with the image set. */
    private final SparseImages ink;
    private final int classes;
    private final int[] order;
    /** Re-seeded for every epoch's shuffle; kept so that an epoch boundary allocates nothing. */
    private final Random shuffler = new Random();

    private TrainingConfig config;
    private long step;
    private int orderEpoch = -1;

    // Work buffers, sized for the batch size.
    private PackedBatch batch;
    private int[] batchLabels;
    private int[] batchPredictions;
    /** Made when augmentation is first on, for the batch size; null until then. */
    private Augmenter augmenter;
    private boolean lastAugmented;
    private double lastLoss;
    /** Sink of {@link #touchImages}. */
    private int touched;
    private int lastCorrect;
    /**
     * The smallest batch a two-thread trainer splits: each half must take the dense layers' batch
     * gradient path (smaller batches update row by row, which cannot be split); smaller batches
     * run on the trainer's thread alone.
     */
    static final int SPLIT_FROM = 2 * Dense.SMALL_BATCH;

    /** The second thread of a two-thread trainer, or null. */
    private BatchHelper helper;

    public Trainer(SoftmaxModel model, ImageSet data, TrainingConfig config) {
        this(model, data, config, 0);
    }

    /** A trainer that continues a model already trained for {@code startStep} updates. */
    public Trainer(SoftmaxModel model, ImageSet data, TrainingConfig config, long startStep) {
        this(Architecture.over(model, data.rows(), data.cols()), model, data, config, startStep);
    }

    /**
     * A trainer of any network; at step 0 it initialises the parameters from the seed (the
     * one-layer net only when {@code initScale > 0}: it starts from zero weights by default).
     */
    public Trainer(Network network, ImageSet data, TrainingConfig config, long startStep) {
        this(network, network.asSoftmax(), data, config, startStep);
    }

    private Trainer(Network network, SoftmaxModel model, ImageSet data, TrainingConfig config, long startStep) {
        if (network.inputs() != data.imageSize()) {
            throw new IllegalArgumentException("model takes " + network.inputs() + " inputs, images have "
                    + data.imageSize() + " pixels");
        }
        this.network = network;
        this.model = model;
        this.data = data;
        this.ink = data.sparse();
        this.classes = network.classes();
        this.order = new int[data.size()];
        this.step = startStep;
        setConfig(config);
        if (startStep == 0 && (model == null || config.initScale() > 0)) {
            network.initialize(config.seed(), config.initScale());
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
        batch = new PackedBatch(ink, n);
        batchLabels = new int[n];
        batchPredictions = new int[n];
        network.prepare(n);
        if (helper != null) {
            helper.prepare(n / 2);
        }
        augmenter = null;
    }

    /**
     * Trains on one thread (1) or splits each batch over two (2). Two threads need a network with
     * a dense first layer ({@link Network#splitsBatches()}): the CNN, not the one-layer net or the
     * MLP, whose sparse first layers update sample by sample.
     */
    public void setThreads(int threads) {
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("threads must be 1 or 2, not " + threads);
        }
        if (threads == 2 && !network.splitsBatches()) {
            throw new IllegalArgumentException("two threads need a network with a dense first layer (a cnn), not a "
                    + network.architecture().describe());
        }
        if (threads == 1 && helper != null) {
            helper.close();
            helper = null;
        } else if (threads == 2 && helper == null) {
            helper = new BatchHelper(network, "weight-studio-batch-helper");
            helper.prepare(config.batchSize() / 2);
        }
    }

    /** 1, or 2 when batches are split over a second thread. */
    public int threads() {
        return helper == null ? 1 : 2;
    }

    /** Ends the second thread, if any; the trainer goes on with one. */
    @Override
    public void close() {
        setThreads(1);
    }

    /** The second thread's id, or -1 (for the allocation test). */
    long helperThreadId() {
        return helper == null ? -1 : helper.threadId();
    }

    public TrainingConfig config() {
        return config;
    }

    /** The one-layer model being trained (its arrays are the network's). */
    public SoftmaxModel model() {
        if (model == null) {
            throw new IllegalStateException("a " + network.architecture().describe() + " is not a one-layer model");
        }
        return model;
    }

    /** The network being trained, live. */
    public Network network() {
        return network;
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
        return batch.images();
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

        int[] images = batch.images();
        for (int i = 0; i < n; i++) {
            images[i] = order[first + i];
            batchLabels[i] = data.label(images[i]);
        }
        selectInputs(first, n);
        if (helper != null && n >= SPLIT_FROM) {
            forwardBackwardSplit(n);
        } else {
            float[] z = network.forward(batch, n);
            float[] dz = network.scoreGradient();
            double loss = SoftmaxCrossEntropy.lossAndGradient(z, dz, n, classes, batchLabels, batchPredictions);
            lastLoss = loss / n;
            network.backward(batch, n);
        }
        countCorrect(n);
        // W <- (1 - lr*l2) W - (lr/n) sum_i grad_i
        network.update(Sgd.scale(lr, n), Sgd.shrink(lr, config.l2()));
        step++;
    }

    /**
     * Samples [0, h) on this thread, [h, n) on the helper's copy at the same time, h = ceil(n / 2);
     * then g = g_first + g_second and loss = loss_first + loss_second, in that order.
     */
    private void forwardBackwardSplit(int n) {
        int half = (n + 1) / 2;
        helper.start(network, batch, half, n - half, batchLabels);
        float[] z = network.forward(batch, 0, half);
        float[] dz = network.scoreGradient();
        double loss = SoftmaxCrossEntropy.lossAndGradient(z, dz, half, classes, batchLabels, batchPredictions);
        network.backward(batch, half);
        helper.finish();
        loss += helper.loss();
        System.arraycopy(helper.predictions(), 0, batchPredictions, half, n - half);
        network.addGradients(helper.network());
        lastLoss = loss / n;
    }

    /** Images of this batch -> the inputs of the update: the packed originals, or augmented copies. */
    private void selectInputs(int first, int n) {
        lastAugmented = !config.augmentation().isOff();
        if (lastAugmented) {
            augmenter.augment(data, batch.images(), n, config.augmentation(), config.seed(), step);
            batch.readAugmented(augmenter.packed());
        } else {
            touchImages(first, n);
            batch.readOriginals();
        }
    }

    private void countCorrect(int n) {
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (batchPredictions[i] == batchLabels[i]) {
                correct++;
            }
        }
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
