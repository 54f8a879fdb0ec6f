package org.weightstudio.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.weightstudio.data.SparseImages;

/**
 * A model as a stack of layers, each output the next one's input, ending in class scores
 * (logits). Training steps go {@link #forward} (from a packed batch), the loss writes dL/dz into
 * {@link #scoreGradient()}, {@link #backward}, {@link #update}. Activation and gradient buffers
 * are sized once per batch size by {@link #prepare(int)}; a step then allocates nothing.
 * Not thread-safe: one thread trains a network; copy it for another thread.
 */
public final class Network implements Classifier {
    private final Architecture architecture;
    private final List<Layer> layers;
    /** The layers as an array, for the per-step loops. */
    private final Layer[] stack;
    private final List<Tensor> parameters;
    private final boolean sparseInput;

    /** acts[l] is the input of layer l, acts[L] the scores; acts[0] unused when the first layer reads packed input. */
    private float[][] acts;
    /** grads[l] is dL/d acts[l]. */
    private float[][] grads;
    private int capacity;

    // Batch-1 buffers for single-image scoring (evaluation), made on first use.
    private float[][] one;

    Network(Architecture architecture, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int l = 1; l < layers.size(); l++) {
            Shape before = layers.get(l - 1).outputShape();
            Shape after = layers.get(l).inputShape();
            if (before.size() != after.size()) {
                throw new IllegalArgumentException(layers.get(l).name() + " takes " + after + " but "
                        + layers.get(l - 1).name() + " gives " + before);
            }
        }
        this.architecture = architecture;
        this.layers = List.copyOf(layers);
        this.stack = layers.toArray(new Layer[0]);
        List<Tensor> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.parameters());
        }
        this.parameters = Collections.unmodifiableList(all);
        this.sparseInput = layers.get(0) instanceof SparseInputLayer;
    }

    public Architecture architecture() {
        return architecture;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Every parameter tensor, layer by layer, live. */
    public List<Tensor> parameters() {
        return parameters;
    }

    /** The tensor of that name ("dense1.W"), or null. */
    public Tensor parameter(String name) {
        for (Tensor t : parameters) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    public int parameterCount() {
        int n = 0;
        for (Tensor t : parameters) {
            n += t.size();
        }
        return n;
    }

    @Override
    public int classes() {
        return layers.get(layers.size() - 1).outputShape().size();
    }

    @Override
    public int inputs() {
        return layers.get(0).inputShape().size();
    }

    /** Seeded initial parameters: one Random(seed) drawn layer by layer (see {@link Layer#initialize}). */
    public void initialize(long seed, double scale) {
        Random random = new Random(seed);
        for (Layer layer : layers) {
            layer.initialize(random, scale);
        }
    }

    /** Sizes every buffer for batches of up to {@code batch} samples (a no-op if already big enough). */
    public void prepare(int batch) {
        if (batch <= capacity) {
            return;
        }
        int count = layers.size();
        acts = new float[count + 1][];
        grads = new float[count + 1][];
        for (int l = 0; l <= count; l++) {
            int size = (l == 0 ? layers.get(0).inputShape() : layers.get(l - 1).outputShape()).size();
            boolean unused = l == 0 && sparseInput;
            acts[l] = new float[unused ? 0 : batch * size];
            grads[l] = new float[l == 0 ? 0 : batch * size];
        }
        for (Layer layer : layers) {
            layer.prepare(batch);
        }
        capacity = batch;
    }

    /** Scores of the first n samples of the batch; returns the live scores buffer (n x classes). */
    public float[] forward(PackedBatch batch, int n) {
        return forward(batch, 0, n);
    }

    /**
     * Scores of the n samples of the batch from sample {@code from} on, as rows 0 to n - 1 of the
     * live scores buffer. Only a network with a dense first layer can start past sample 0 (see
     * {@link #splitsBatches()}): a sparse first layer's update reads the batch from sample 0.
     */
    public float[] forward(PackedBatch batch, int from, int n) {
        prepare(n);
        Layer first = layers.get(0);
        if (sparseInput) {
            if (from != 0) {
                throw new IllegalArgumentException("a sparse first layer reads the batch from sample 0, not " + from);
            }
            ((SparseInputLayer) first).forward(batch, acts[1], n);
        } else {
            int size = first.inputShape().size();
            for (int i = 0; i < n; i++) {
                batch.densify(from + i, acts[0], i * size, size);
            }
            first.forward(acts[0], acts[1], n);
        }
        for (int l = 1; l < stack.length; l++) {
            stack[l].forward(acts[l], acts[l + 1], n);
        }
        return acts[stack.length];
    }

    /** Where the loss writes dL/dz for {@link #backward} (n x classes, live). */
    public float[] scoreGradient() {
        return grads[layers.size()];
    }

    /** Back-propagates dL/dz from {@link #scoreGradient()} through every layer. */
    public void backward(PackedBatch batch, int n) {
        for (int l = stack.length - 1; l >= 1; l--) {
            stack[l].backward(acts[l], acts[l + 1], grads[l + 1], grads[l], n);
        }
        Layer first = layers.get(0);
        if (sparseInput) {
            ((SparseInputLayer) first).backward(batch, grads[1], n);
        } else {
            first.backward(acts[0], acts[1], grads[1], null, n);
        }
    }

    /**
     * Whether a batch may be split between this network and a copy of it ({@link #forward(PackedBatch,
     * int, int)} from any sample, then {@link #addGradients}): true when the first layer reads dense
     * input (the CNN), false for a sparse first layer, whose update works sample by sample.
     */
    public boolean splitsBatches() {
        return !sparseInput;
    }

    /**
     * Adds the parameter gradients of {@code twin}'s last backward to this network's, layer by
     * layer: after both have back-propagated their part of one batch, this network holds the
     * batch's gradient and its {@link #update} applies it. Twin must be a copy of this network.
     */
    public void addGradients(Network twin) {
        if (!splitsBatches() || twin.stack.length != stack.length) {
            throw new IllegalArgumentException("gradients can be added only between copies of a network with a dense"
                    + " first layer");
        }
        for (int l = 0; l < stack.length; l++) {
            stack[l].addGradients(twin.stack[l]);
        }
    }

    /** One SGD step of every layer: see {@link Layer#update}. */
    public void update(float scale, float shrink) {
        // An indexed loop over an array: a for-each would make an iterator per step.
        for (int l = 0; l < stack.length; l++) {
            stack[l].update(scale, shrink);
        }
    }

    /**
     * The activations of layer l's output for the last forward (l = 0 the first layer's output),
     * live: sample i at i * size. For showing what fired.
     */
    public float[] activations(int layer) {
        return acts[layer + 1];
    }

    // ---- single images (evaluation) ----

    @Override
    public void scores(float[] x, float[] z) {
        float[][] a = singleBuffers();
        System.arraycopy(x, 0, a[0], 0, inputs());
        Layer first = layers.get(0);
        first.forward(a[0], a[1], 1);
        for (int l = 1; l < layers.size(); l++) {
            layers.get(l).forward(a[l], a[l + 1], 1);
        }
        System.arraycopy(a[layers.size()], 0, z, 0, classes());
    }

    @Override
    public void scoresOf(SparseImages images, int i, float[] z, int zOffset) {
        float[][] a = singleBuffers();
        int size = inputs();
        java.util.Arrays.fill(a[0], 0f);
        byte[] value = images.value();
        for (int j = images.start(i), end = images.end(i); j < end; j++) {
            int p = images.index() != null ? images.index()[j] : images.wideIndex()[j];
            a[0][p] = PackedKernels.scaled(value[j]);
        }
        layers.get(0).forward(a[0], a[1], 1);
        for (int l = 1; l < layers.size(); l++) {
            layers.get(l).forward(a[l], a[l + 1], 1);
        }
        System.arraycopy(a[layers.size()], 0, z, zOffset, classes());
        assert size == a[0].length;
    }

    /** Layer l's output for the last single-image scoring (l = 0 the first layer's output). */
    public float[] singleActivations(int layer) {
        return singleBuffers()[layer + 1];
    }

    private float[][] singleBuffers() {
        if (one == null) {
            float[][] a = new float[layers.size() + 1][];
            a[0] = new float[inputs()];
            for (int l = 0; l < layers.size(); l++) {
                a[l + 1] = new float[layers.get(l).outputShape().size()];
            }
            one = a;
        }
        return one;
    }

    /** A network of the same architecture with copies of these parameters. */
    public Network copy() {
        Network c = architecture.build();
        copyInto(c);
        return c;
    }

    @Override
    public Classifier copyClassifier() {
        return copy();
    }

    /** Copies every parameter into {@code target}, which must have the same architecture. */
    public void copyInto(Network target) {
        for (int t = 0; t < parameters.size(); t++) {
            float[] from = parameters.get(t).data();
            System.arraycopy(from, 0, target.parameters.get(t).data(), 0, from.length);
        }
    }

    @Override
    public boolean isFinite() {
        for (Tensor t : parameters) {
            for (float v : t.data()) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The one-layer model this network is, sharing its arrays, or null if it is not one. */
    public SoftmaxModel asSoftmax() {
        if (layers.size() == 1 && layers.get(0) instanceof org.weightstudio.model.layers.TemplateDense t) {
            return SoftmaxModel.wrap(t.weights().shape().dim(0), t.weights().shape().dim(1), t.weights().data(),
                    t.bias().data());
        }
        return null;
    }
}
