package org.weightstudio.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.weightstudio.data.ImageSet;
import org.weightstudio.data.SparseImages;
import org.weightstudio.model.PackedKernels;
import org.weightstudio.model.SoftmaxModel;

/**
 * The two inner loops alone, in ns per image, over the first 1,000 MNIST training images: the
 * studio's packed ten-class kernels, the foundation's per-class loops on int/float buffers filled
 * by scanning the image, and the packed kernels with fused multiply-add (not kept: it changes the
 * weights' bits and gains little).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class KernelBenchmark {
    private static final int IMAGES = 1000;
    private static final float[] SCALE = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALE[v] = v * (1f / 255f);
        }
    }

    private ImageSet images;
    private SparseImages ink;
    private SoftmaxModel model;
    private float[] z;
    private float[] g;
    private int[] index;
    private float[] value;

    @Setup
    public void setup() {
        images = Mnist.get().train().head(IMAGES);
        ink = images.sparse();
        model = new SoftmaxModel(10, 784);
        model.randomize(1, 0.01f);
        z = new float[10];
        g = new float[10];
        for (int k = 0; k < 10; k++) {
            g[k] = (k - 4.5f) * 1e-9f; // tiny, so a long run leaves W about where it was
        }
        index = new int[784];
        value = new float[784];
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public float scoresPacked() {
        float sum = 0;
        for (int i = 0; i < IMAGES; i++) {
            model.scoresPacked(ink.index(), ink.value(), ink.start(i), ink.end(i), z, 0);
            sum += z[3];
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public float scoresFoundation() {
        float sum = 0;
        for (int i = 0; i < IMAGES; i++) {
            int nnz = images.toSparse(i, index, value, 0);
            model.scoresSparse(index, value, 0, nnz, z, 0);
            sum += z[3];
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public float scoresPackedFma() {
        float sum = 0;
        float[] w = model.weights().data;
        char[] ix = ink.index();
        byte[] v = ink.value();
        for (int i = 0; i < IMAGES; i++) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0;
            for (int j = ink.start(i); j < ink.end(i); j++) {
                int p = ix[j];
                float x = SCALE[v[j] & 0xFF];
                s0 = Math.fma(w[p], x, s0);
                s1 = Math.fma(w[784 + p], x, s1);
                s2 = Math.fma(w[1568 + p], x, s2);
                s3 = Math.fma(w[2352 + p], x, s3);
                s4 = Math.fma(w[3136 + p], x, s4);
                s5 = Math.fma(w[3920 + p], x, s5);
                s6 = Math.fma(w[4704 + p], x, s6);
                s7 = Math.fma(w[5488 + p], x, s7);
                s8 = Math.fma(w[6272 + p], x, s8);
                s9 = Math.fma(w[7056 + p], x, s9);
            }
            sum += s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void gradientPacked() {
        float[] w = model.weights().data;
        for (int i = 0; i < IMAGES; i++) {
            PackedKernels.subtractOuter(w, 10, 784, g, 0, ink.index(), ink.value(), ink.start(i), ink.end(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void gradientFoundation() {
        float[] w = model.weights().data;
        for (int i = 0; i < IMAGES; i++) {
            int nnz = images.toSparse(i, index, value, 0);
            for (int k = 0, row = 0; k < 10; k++, row += 784) {
                float gk = g[k];
                for (int j = 0; j < nnz; j++) {
                    w[row + index[j]] -= gk * value[j];
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void gradientPackedFma() {
        float[] w = model.weights().data;
        char[] ix = ink.index();
        byte[] v = ink.value();
        for (int i = 0; i < IMAGES; i++) {
            for (int j = ink.start(i); j < ink.end(i); j++) {
                int p = ix[j];
                float x = SCALE[v[j] & 0xFF];
                w[p] = Math.fma(-g[0], x, w[p]);
                w[784 + p] = Math.fma(-g[1], x, w[784 + p]);
                w[1568 + p] = Math.fma(-g[2], x, w[1568 + p]);
                w[2352 + p] = Math.fma(-g[3], x, w[2352 + p]);
                w[3136 + p] = Math.fma(-g[4], x, w[3136 + p]);
                w[3920 + p] = Math.fma(-g[5], x, w[3920 + p]);
                w[4704 + p] = Math.fma(-g[6], x, w[4704 + p]);
                w[5488 + p] = Math.fma(-g[7], x, w[5488 + p]);
                w[6272 + p] = Math.fma(-g[8], x, w[6272 + p]);
                w[7056 + p] = Math.fma(-g[9], x, w[7056 + p]);
            }
        }
    }
}
