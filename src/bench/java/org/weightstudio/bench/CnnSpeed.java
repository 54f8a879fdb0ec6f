package org.weightstudio.bench;

import java.lang.management.ManagementFactory;
import org.weightstudio.data.Dataset;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

/**
 * Training speed of a CNN on MNIST, inside the process: samples per second of wall time and per
 * second of this thread's CPU time, after a warm-up. For choosing the default CNN; the figures to
 * quote come from {@code train} and bench/compare_cnn.sh.
 *
 *   java -cp target/weight-studio.jar:target/test-classes org.weightstudio.bench.CnnSpeed 8,16 "" 64 0.05 10
 *   (filters, hidden, batch, learning rate, seconds)
 */
public final class CnnSpeed {
    private CnnSpeed() {
    }

    public static void main(String[] args) {
        String filters = args.length > 0 ? args[0] : "8,16";
        String hidden = args.length > 1 ? args[1] : "";
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        double lr = args.length > 3 ? Double.parseDouble(args[3]) : 0.05;
        double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 10;
        Dataset data = Mnist.get();
        Architecture a = Architecture.parse(Architecture.CNN, hidden, filters, 28, 28, 10);
        Network network = a.build();
        Trainer trainer = new Trainer(network, data.train(), TrainingConfig.defaults().withBatchSize(batch)
                .withLearningRate(lr), 0);
        var threads = ManagementFactory.getThreadMXBean();
        long warmEnd = System.nanoTime() + (long) 2e9;
        while (System.nanoTime() < warmEnd) {
            trainer.step();
        }
        long steps = 0;
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        while (System.nanoTime() - t0 < seconds * 1e9) {
            trainer.step();
            steps++;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("%s batch=%d steps=%d samples_per_s=%.0f samples_per_cpu_s=%.0f loss=%.3f%n", a.describe(),
                batch, steps, steps * batch / wall, steps * batch / cpu, trainer.lastLoss());
    }
}
