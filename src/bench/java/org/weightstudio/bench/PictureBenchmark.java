package org.weightstudio.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.weightstudio.analysis.Evaluator;
import org.weightstudio.data.Dataset;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.render.HeatmapRasterizer;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.Frame;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;

/** The work behind one picture (publish a frame, rasterise its twenty tiles) and a test-set evaluation. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class PictureBenchmark {
    private Dataset data;
    private Trainer trainer;
    private Frame previous;
    private int[] pixels;
    private float[] ranges;

    @Setup
    public void setup() {
        data = Mnist.get();
        trainer = new Trainer(new SoftmaxModel(data.classCount(), data.inputSize()), data.train(),
                TrainingConfig.defaults());
        for (int i = 0; i < 5000; i++) {
            trainer.step();
        }
        previous = Frame.capture(trainer, null, 0, 0);
        pixels = new int[data.inputSize()];
        ranges = new float[data.classCount()];
    }

    /** Frame.capture: copies of W and b, delta W - W_prev, the batch. */
    @Benchmark
    public Frame publishFrame() {
        return Frame.capture(trainer, previous, 0, 0);
    }

    /** Ten weight tiles and ten delta tiles to ARGB with per-tile ranges. */
    @Benchmark
    public int rasterizeTwentyTiles() {
        int classes = data.classCount();
        int tile = data.inputSize();
        int sum = rasterize(previous.weights(), classes, tile);
        return sum + rasterize(previous.delta(), classes, tile);
    }

    private int rasterize(float[] values, int tiles, int tileSize) {
        HeatmapRasterizer.ranges(values, tiles, tileSize, ScaleMode.PER_TILE, ranges);
        int sum = 0;
        for (int t = 0; t < tiles; t++) {
            HeatmapRasterizer.rasterize(values, t * tileSize, ranges[t], pixels);
            sum += pixels[t];
        }
        return sum;
    }

    @Benchmark
    public void evaluateTestSet(Blackhole bh) {
        bh.consume(Evaluator.evaluate(trainer.model(), data.test()));
    }
}
