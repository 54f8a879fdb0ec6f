package org.weightstudio.bench;

import org.weightstudio.data.Dataset;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Architecture;
import org.weightstudio.model.Network;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

/**
 * Trains a CNN on MNIST for whole epochs and prints the test accuracy after each, with the wall
 * and thread-CPU seconds of the epoch's training.
 *
 *   java -cp target/weight-studio.jar:target/test-classes org.weightstudio.bench.CnnAccuracy 8,16 "" 2 0.05 5
 *   (filters, hidden, batch, learning rate, epochs)
 */
public final class CnnAccuracy {
    private CnnAccuracy() {
    }

    public static void main(String[] args) {
        String filters = args[0];
        String hidden = args[1];
        int batch = Integer.parseInt(args[2]);
        double lr = Double.parseDouble(args[3]);
        int epochs = Integer.parseInt(args[4]);
        Dataset data = Mnist.get();
        Architecture a = Architecture.parse(Architecture.CNN, hidden, filters, 28, 28, 10);
        Network network = a.build();
        Trainer trainer = new Trainer(network, data.train(), TrainingConfig.defaults().withBatchSize(batch)
                .withLearningRate(lr), 0);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int e = 1; e <= epochs; e++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            for (int s = 0; s < trainer.stepsPerEpoch(); s++) {
                trainer.step();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("%s batch=%d lr=%s epoch=%d epoch_seconds=%.1f epoch_cpu_seconds=%.1f test_accuracy=%.4f%n",
                    a.describe(), batch, lr, e, wall, cpu, accuracy(network, data.test()));
        }
    }

    static double accuracy(Network network, ImageSet test) {
        float[] z = new float[network.classes()];
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            network.scoresOf(test.sparse(), i, z, 0);
            if (SoftmaxModel.argmax(z, 0, z.length) == test.label(i)) {
                right++;
            }
        }
        return (double) right / test.size();
    }
}
