package org.weightstudio.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.weightstudio.data.Dataset;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Layer;
import org.weightstudio.model.Network;
import org.weightstudio.model.SoftmaxCrossEntropy;

/**
 * Where a training step's CPU time goes, layer by layer: forward, backward and update of each
 * layer of a network timed with this thread's CPU clock over real MNIST batches, after a warm-up.
 * Prints microseconds per sample and the share of the step. For finding the next kernel to speed
 * up; the figures to quote come from {@code train} and bench/compare_cnn.sh.
 *
 *   java -cp target/weight-studio.jar:target/test-classes org.weightstudio.bench.LayerProfile 16,32 128 64 10
 *   (filters, hidden, batch, seconds)
 */
public final class LayerProfile {
    private LayerProfile() {
    }

    public static void main(String[] args) {
        String filters = args.length > 0 ? args[0] : "8,16";
        String hidden = args.length > 1 ? args[1] : "";
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        ImageSet train = Mnist.get().train();
        Network network = Architecture.parse(Architecture.CNN, hidden, filters, 28, 28, 10).build();
        network.initialize(42, 0);
        List<Layer> layers = network.layers();
        int count = layers.size();
        float[][] acts = new float[count + 1][];
        float[][] grads = new float[count + 1][];
        for (int l = 0; l <= count; l++) {
            int size = (l == 0 ? layers.get(0).inputShape() : layers.get(l - 1).outputShape()).size();
            acts[l] = new float[batch * size];
            grads[l] = new float[batch * size];
        }
        for (Layer layer : layers) {
            layer.prepare(batch);
        }
        int[] labels = new int[batch];
        int[] predictions = new int[batch];
        long[] forward = new long[count];
        long[] backward = new long[count];
        long[] update = new long[count];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        float[] image = new float[train.imageSize()];
        int next = 0;
        long steps = 0;
        long warmEnd = System.nanoTime() + (long) 3e9;
        boolean measuring = false;
        long measureEnd = 0;
        while (!measuring || System.nanoTime() < measureEnd) {
            if (!measuring && System.nanoTime() > warmEnd) {
                measuring = true;
                measureEnd = System.nanoTime() + (long) (seconds * 1e9);
                java.util.Arrays.fill(forward, 0);
                java.util.Arrays.fill(backward, 0);
                java.util.Arrays.fill(update, 0);
                steps = 0;
            }
            for (int i = 0; i < batch; i++, next = (next + 1) % train.size()) {
                train.toFloats(next, image);
                System.arraycopy(image, 0, acts[0], i * image.length, image.length);
                labels[i] = train.label(next);
            }
            for (int l = 0; l < count; l++) {
                long t = threads.getCurrentThreadCpuTime();
                layers.get(l).forward(acts[l], acts[l + 1], batch);
                forward[l] += threads.getCurrentThreadCpuTime() - t;
            }
            SoftmaxCrossEntropy.lossAndGradient(acts[count], grads[count], batch, 10, labels, predictions);
            for (int l = count - 1; l >= 0; l--) {
                long t = threads.getCurrentThreadCpuTime();
                layers.get(l).backward(acts[l], acts[l + 1], grads[l + 1], l == 0 ? null : grads[l], batch);
                backward[l] += threads.getCurrentThreadCpuTime() - t;
            }
            for (int l = 0; l < count; l++) {
                long t = threads.getCurrentThreadCpuTime();
                layers.get(l).update(0.05f / batch, 1f);
                update[l] += threads.getCurrentThreadCpuTime() - t;
            }
            steps++;
        }
        long total = 0;
        for (int l = 0; l < count; l++) {
            total += forward[l] + backward[l] + update[l];
        }
        double samples = (double) steps * batch;
        System.out.printf("%s batch=%d steps=%d samples_per_cpu_s=%.0f (layers only)%n",
                network.architecture().describe(), batch, steps, samples / (total / 1e9));
        System.out.printf("%-10s %10s %10s %10s %7s%n", "layer", "fwd us", "bwd us", "upd us", "share");
        for (int l = 0; l < count; l++) {
            long sum = forward[l] + backward[l] + update[l];
            System.out.printf("%-10s %10.2f %10.2f %10.2f %6.1f%%%n", layers.get(l).name(),
                    forward[l] / samples / 1e3, backward[l] / samples / 1e3, update[l] / samples / 1e3,
                    100.0 * sum / total);
        }
    }
}
