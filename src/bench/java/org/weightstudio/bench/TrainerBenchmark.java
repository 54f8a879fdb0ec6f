package org.weightstudio.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.weightstudio.data.Dataset;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

/**
 * Training throughput in samples/s (one "op" is one training sample) for the studio's trainer,
 * the foundation's trainer it replaced, and a dense EJML trainer, at the same batch sizes, so one
 * run gives before/after and hand-kernel/EJML ratios under the same machine load.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class TrainerBenchmark {
    /** Samples per benchmark call: a multiple of every batch size measured. */
    private static final int SAMPLES = 100;

    @Param({"1", "2", "10", "100"})
    int batch;

    private Trainer trainer;
    private FoundationTrainer foundation;
    private EjmlDenseTrainer dense;

    @Setup
    public void setup() {
        Dataset data = Mnist.get();
        double lr = batch <= 2 ? 0.05 : batch <= 10 ? 0.1 : 0.5;
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(batch).withLearningRate(lr);
        trainer = new Trainer(new SoftmaxModel(data.classCount(), data.inputSize()), data.train(), config);
        foundation = new FoundationTrainer(new SoftmaxModel(data.classCount(), data.inputSize()), data.train(), config);
        dense = new EjmlDenseTrainer(new SoftmaxModel(data.classCount(), data.inputSize()), data.train(), config);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void studio() {
        for (int i = SAMPLES / batch; i > 0; i--) {
            trainer.step();
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void foundation() {
        for (int i = SAMPLES / batch; i > 0; i--) {
            foundation.step();
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void ejmlDense() {
        for (int i = SAMPLES / batch; i > 0; i--) {
            dense.step();
        }
    }
}
