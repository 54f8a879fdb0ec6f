package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.weightstudio.analysis.Evaluator;
import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.data.ImageSet;
import org.weightstudio.model.Network;
import org.weightstudio.render.HeatmapRasterizer;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.Frame;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code weight-studio bench}: the studio's speed figures, one {@code key=value} line each, after
 * warming the JIT. A quick companion of the JMH suite (the {@code bench} Maven profile) that runs
 * from the jar on any machine; {@code bench/compare.sh} reads its lines.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed, evaluation, frame publication, rasterising, loading and allocation.")
public final class BenchCommand implements Callable<Integer> {
    /** Batch sizes measured, with the learning rate each trains at. */
    private static final int[] BATCHES = {1, 2, 10, 100};
    private static final double[] RATES = {0.05, 0.05, 0.1, 0.5};

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Dataset folder with the four IDX files (default: bundled MNIST in assets/mnist).")
    Path dataDir;

    @Option(names = "--seconds", paramLabel = "S",
            description = "Measuring time per training figure, after as long again of warm-up (default: ${DEFAULT-VALUE}).")
    double seconds = 1.0;

    @Option(names = "--only", paramLabel = "WHAT", split = ",",
            description = "Measure only these: train, epoch, eval, frame, raster, load, alloc (default: all).")
    String[] only;

    @picocli.CommandLine.Mixin
    ArchOptions arch;

    @Option(names = "--batches", paramLabel = "N", split = ",",
            description = "Batch sizes of the train and alloc figures (default: 1,2,10,100; for --arch mlp 2,64).")
    int[] batches;

    private PrintWriter out;
    /** Results of measured work land here, so that the JIT cannot drop the work as unused. */
    private double sink;

    @Override
    public Integer call() {
        if (!(seconds > 0) || seconds > 600) {
            throw new UsageException("--seconds must be between 0 and 600, got " + seconds);
        }
        out = spec.commandLine().getOut();
        Path dir = dataDir == null ? DatasetLoader.bundledMnistDir() : dataDir;
        long t0 = System.nanoTime();
        Dataset data = DatasetLoader.load(dir);
        long loadNanos = System.nanoTime() - t0;
        line("# weight-studio bench on %s: %d train, %d test images; java %s, %d cpus", data.name(),
                data.train().size(), data.test().size(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        if (wants("load")) {
            benchLoad(dir, loadNanos);
        }
        if (wants("train")) {
            for (int batch : trainBatches()) {
                benchTraining(data, batch, rateFor(batch));
            }
        }
        if (wants("epoch")) {
            benchEpoch(data);
        }
        if (wants("eval")) {
            benchEvaluation(data);
        }
        if (wants("frame") || wants("raster")) {
            benchPicture(data);
        }
        if (wants("alloc")) {
            for (int batch : batches != null ? batches : arch.isMlp() ? new int[] {2, 64} : new int[] {2, 100}) {
                benchAllocation(data, batch);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int[] trainBatches() {
        if (batches != null) {
            return batches;
        }
        return arch.isMlp() ? new int[] {2, 64} : BATCHES;
    }

    /** The learning rate each batch size trains at: the MLP's default, or the one-layer table's. */
    private double rateFor(int batch) {
        if (arch.isMlp()) {
            return TrainingConfig.mlpDefaults().learningRate();
        }
        for (int i = 0; i < BATCHES.length; i++) {
            if (BATCHES[i] == batch) {
                return RATES[i];
            }
        }
        return batch <= 2 ? 0.05 : 0.5;
    }

    private boolean wants(String what) {
        return only == null || Arrays.asList(only).contains(what);
    }

    private void line(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }

    /** Reading and checking the gzip IDX files, then packing the ink pixels once. */
    private void benchLoad(Path dir, long firstLoadNanos) {
        long best = firstLoadNanos;
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            DatasetLoader.load(dir);
            best = Math.min(best, System.nanoTime() - t0);
        }
        ImageSet train = DatasetLoader.load(dir).train();
        long t0 = System.nanoTime();
        var ink = train.sparse();
        long packNanos = System.nanoTime() - t0;
        line("load dataset_ms=%.1f first_ms=%.1f pack_ink_ms=%.1f ink_pixels=%d ink_mb=%.1f",
                best / 1e6, firstLoadNanos / 1e6, packNanos / 1e6, ink.entries(), ink.footprintBytes() / 1e6);
    }

    /**
     * Steady-state samples/s: warm up for {@code seconds}, then count the updates of the next
     * {@code seconds}. Also per second of this thread's CPU time, which a busy machine disturbs
     * far less than wall time (time spent waiting for a core is not counted).
     */
    private void benchTraining(Dataset data, int batch, double lr) {
        Trainer trainer = newTrainer(data, batch, lr);
        runFor(trainer, seconds);
        long stepsBefore = trainer.steps();
        long cpu0 = threadCpuNanos();
        long nanos = runFor(trainer, seconds);
        long cpu = threadCpuNanos() - cpu0;
        long steps = trainer.steps() - stepsBefore;
        double samples = steps * (double) batch;
        line("train batch=%d lr=%s samples_per_s=%.0f samples_per_cpu_s=%.0f us_per_step=%.2f%s", batch, lr,
                samples / (nanos / 1e9), cpu > 0 ? samples / (cpu / 1e9) : Double.NaN, nanos / 1e3 / steps,
                arch.isMlp() ? " arch=" + trainer.network().architecture().describe().replace(' ', ':') : "");
    }

    private static long threadCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** Runs updates for about {@code secs} seconds; returns the exact nanoseconds taken. */
    private static long runFor(Trainer trainer, double secs) {
        long budget = (long) (secs * 1e9);
        long t0 = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < 200; i++) {
                trainer.step();
            }
            elapsed = System.nanoTime() - t0;
        } while (elapsed < budget);
        return elapsed;
    }

    /** One full epoch at batch 2 from a zero model, on the warmed-up JIT. */
    private void benchEpoch(Dataset data) {
        for (int batch : new int[] {2, 100}) {
            Trainer trainer = newTrainer(data, batch, batch == 2 ? 0.05 : 0.5);
            long steps = trainer.stepsPerEpoch();
            long t0 = System.nanoTime();
            for (long i = 0; i < steps; i++) {
                trainer.step();
            }
            long nanos = System.nanoTime() - t0;
            double accuracy = Evaluator.evaluate(trainer.network(), data.test()).accuracy();
            line("epoch batch=%d seconds=%.3f test_accuracy=%.4f", batch, nanos / 1e9, accuracy);
        }
    }

    private void benchEvaluation(Dataset data) {
        Network model = trainedModel(data);
        long best = bestOf(5, n -> sink += Evaluator.evaluate(model, data.test()).accuracy());
        line("evaluate images=%d ms=%.2f (Evaluator, on the packed ink pixels)", data.test().size(), best / 1e6);
    }

    /**
     * Publishing a frame ({@link Frame#capture}: copies of W and b and the delta against the
     * previous frame) and rasterising its twenty tiles (ten of W, ten of the delta) to ARGB with
     * the diverging colour map, per-tile ranges included: the work behind one picture.
     */
    private void benchPicture(Dataset data) {
        Trainer trainer = newTrainer(data, 2, 0.05);
        runFor(trainer, 0.2);
        int classes = trainer.model().classes();
        int tile = data.train().imageSize();
        Frame[] previous = {Frame.capture(trainer, null, 0, 0)};
        Frame[] frame = {previous[0]};
        long capture = bestOf(2000, n -> {
            previous[0] = frame[0];
            frame[0] = Frame.capture(trainer, previous[0], 0, 0);
        });
        int[] pixels = new int[tile];
        float[] ranges = new float[classes];
        long raster = bestOf(2000, n -> {
            rasterizeTiles(frame[0].weights(), classes, tile, ranges, pixels);
            rasterizeTiles(frame[0].delta(), classes, tile, ranges, pixels);
            sink += pixels[(int) (n & 7)];
        });
        line("frame publish_us=%.1f (copies of W %dx%d and b, delta W - W_prev)", capture / 1e3, classes, tile);
        line("raster tiles=%d us=%.1f (diverging map, per-tile range, to ARGB int[])", 2 * classes, raster / 1e3);
        line("picture publish_plus_raster_ms=%.3f", (capture + raster) / 1e6);
    }

    private static void rasterizeTiles(float[] values, int tiles, int tileSize, float[] ranges, int[] pixels) {
        HeatmapRasterizer.ranges(values, tiles, tileSize, ScaleMode.PER_TILE, ranges);
        for (int t = 0; t < tiles; t++) {
            HeatmapRasterizer.rasterize(values, t * tileSize, ranges[t], pixels);
        }
    }

    /** Bytes the training thread allocates per update once warm (the target is zero). */
    private void benchAllocation(Dataset data, int batch) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Trainer trainer = newTrainer(data, batch, batch <= 2 ? 0.05 : 0.5);
        runFor(trainer, 0.3);
        long id = Thread.currentThread().getId();
        int steps = 20_000 / batch * 10;
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < steps; i++) {
            trainer.step();
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        line("alloc batch=%d bytes_per_step=%.3f (%d bytes over %d steps)", batch, allocated / (double) steps,
                allocated, steps);
    }

    /** A trainer of the benchmarked architecture (the one-layer net unless --arch says otherwise). */
    private Trainer newTrainer(Dataset data, int batch, double lr) {
        TrainingConfig config = (arch.isMlp() ? TrainingConfig.mlpDefaults() : TrainingConfig.defaults())
                .withBatchSize(batch).withLearningRate(lr);
        return new Trainer(arch.architecture(data).build(), data.train(), config, 0);
    }

    private Network trainedModel(Dataset data) {
        Trainer trainer = newTrainer(data, 100, 0.5);
        for (int i = 0; i < 100; i++) {
            trainer.step();
        }
        return trainer.network();
    }

    /** The fastest of {@code runs} timed runs of {@code work}, after as many untimed ones. */
    private static long bestOf(int runs, LongConsumer work) {
        for (int i = 0; i < runs; i++) {
            work.accept(i);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.accept(i);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }
}
