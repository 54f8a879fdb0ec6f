package org.weightstudio.training;

import java.util.concurrent.locks.LockSupport;
import org.weightstudio.model.Network;
import org.weightstudio.model.PackedBatch;
import org.weightstudio.model.SoftmaxCrossEntropy;

/**
 * A second training thread that computes one part of each minibatch: forward, loss and backward
 * of samples [from, from + count) on its own copy of the network, while the trainer's thread does
 * the rest on the network itself. The trainer then adds the copy's gradients to its own, in that
 * order, and updates once, so a run is bit-for-bit repeatable for a given number of threads (not
 * equal to the one-thread run: the batch's sums are added in another order).
 *
 * <p>The hand-off allocates nothing: two volatile counters and {@link LockSupport#park}/unpark;
 * the waiting side spins briefly first, since the two halves of a batch take about the same time.
 * One named daemon thread per helper, ended by {@link #close()}.
 */
final class BatchHelper implements AutoCloseable {
    /** Spins before parking while waiting for the other thread (a few tens of microseconds). */
    private static final int SPINS = 2000;

    private final Network copy;
    private final int classes;
    private final Thread thread;

    // The current request, written by the trainer's thread before it bumps 'requested'.
    private PackedBatch batch;
    private int from;
    private int count;
    private int[] labels = new int[0];
    private int[] predictions = new int[0];
    private Thread owner;

    private volatile long requested;
    private volatile long completed;
    private volatile boolean closed;

    // Results, written by the helper before it sets 'completed'.
    private double loss;
    private Throwable failure;

    BatchHelper(Network network, String name) {
        this.copy = network.copy();
        this.classes = network.classes();
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Sizes the label and prediction buffers for parts of up to {@code count} samples. */
    void prepare(int count) {
        if (labels.length < count) {
            labels = new int[count];
            predictions = new int[count];
        }
        copy.prepare(count);
    }

    /**
     * Starts the part [from, from + count) of the batch on the helper thread, with the network's
     * current parameters; {@code batchLabels} holds the labels of the whole batch.
     */
    void start(Network network, PackedBatch batch, int from, int count, int[] batchLabels) {
        network.copyInto(copy);
        System.arraycopy(batchLabels, from, labels, 0, count);
        this.batch = batch;
        this.from = from;
        this.count = count;
        this.owner = Thread.currentThread();
        requested++;
        LockSupport.unpark(thread);
    }

    /** Waits until the part is done; then {@link #loss()}, {@link #predictions()} and the copy's gradients hold it. */
    void finish() {
        int spins = 0;
        while (completed != requested) {
            if (spins++ < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        if (failure != null) {
            Throwable t = failure;
            failure = null;
            throw new IllegalStateException("the second training thread failed: " + t, t);
        }
    }

    /** The copy of the network whose gradients hold the part's (after {@link #finish()}). */
    Network network() {
        return copy;
    }

    /** The part's summed cross-entropy. */
    double loss() {
        return loss;
    }

    /** The part's predictions, sample by sample (live buffer). */
    int[] predictions() {
        return predictions;
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    /** The helper thread's id, for the allocation test. */
    long threadId() {
        return thread.getId();
    }

    private void run() {
        long done = 0;
        while (true) {
            while (requested == done && !closed) {
                LockSupport.park(this);
            }
            if (closed) {
                return;
            }
            done = requested;
            try {
                compute();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            completed = done;
            LockSupport.unpark(owner);
        }
    }

    /** z = f(x) for the part; dz = softmax(z) - y and its loss; back-propagated through the copy. */
    private void compute() {
        float[] z = copy.forward(batch, from, count);
        float[] dz = copy.scoreGradient();
        loss = SoftmaxCrossEntropy.lossAndGradient(z, dz, count, classes, labels, predictions);
        copy.backward(batch, count);
    }
}
