package org.weightstudio.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.weightstudio.model.kernels.Gemm;

/**
 * The CNN's matrix products, C (m x n) += op(A) op(B) with inner size k, in microseconds per
 * product: the studio's {@link Gemm}, EJML's {@code CommonOps_FDRM.mult*} (which overwrite C, a
 * little less work) and a naive triple loop. Shapes: the forward product of conv1 (16 filters x
 * 784 positions x 25 taps) and conv2 (32 x 196 x 400), conv2's weight gradient dY col^T (A B^T,
 * 32 x 400 x 196) and input gradient W^T dY (A^T B, 400 x 196 x 32), and the dense layer 1568 ->
 * 128 at batch 64 (64 x 128 x 1568).
 *
 *   mvn -B -Pbench test-compile exec:exec -Djmh.args="Gemm -f 1 -wi 3 -i 3"
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class GemmBenchmark {
    /** op:m:n:k, op = AB | ATB | ABT. */
    @Param({"AB:16:784:25", "AB:32:196:400", "ABT:32:400:196", "ATB:400:196:32", "AB:64:128:1568"})
    public String shape;

    private String op;
    private int m;
    private int n;
    private int k;
    private float[] a;
    private float[] b;
    private float[] c;
    private Gemm gemm;
    private FMatrixRMaj ma;
    private FMatrixRMaj mb;
    private FMatrixRMaj mc;

    @Setup
    public void setup() {
        String[] p = shape.split(":");
        op = p[0];
        m = Integer.parseInt(p[1]);
        n = Integer.parseInt(p[2]);
        k = Integer.parseInt(p[3]);
        Random random = new Random(1);
        a = random(random, m * k);
        b = random(random, k * n);
        c = new float[m * n];
        gemm = new Gemm();
        // EJML's views: A stored m x k (or k x m for A^T), B stored k x n (or n x k for B^T)
        ma = op.equals("ATB") ? FMatrixRMaj.wrap(k, m, a) : FMatrixRMaj.wrap(m, k, a);
        mb = op.equals("ABT") ? FMatrixRMaj.wrap(n, k, b) : FMatrixRMaj.wrap(k, n, b);
        mc = FMatrixRMaj.wrap(m, n, c);
    }

    private static float[] random(Random random, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = random.nextFloat() - 0.5f;
        }
        return v;
    }

    @Benchmark
    public float[] studio() {
        switch (op) {
            case "AB" -> gemm.multAdd(m, n, k, a, 0, b, 0, c, 0);
            case "ATB" -> gemm.multTransAAdd(m, n, k, a, 0, b, 0, c, 0);
            default -> gemm.multTransBAdd(m, n, k, a, 0, b, 0, c, 0);
        }
        return c;
    }

    @Benchmark
    public FMatrixRMaj ejml() {
        switch (op) {
            case "AB" -> CommonOps_FDRM.mult(ma, mb, mc);
            case "ATB" -> CommonOps_FDRM.multTransA(ma, mb, mc);
            default -> CommonOps_FDRM.multTransB(ma, mb, mc);
        }
        return mc;
    }

    @Benchmark
    public float[] naive() {
        boolean ta = op.equals("ATB");
        boolean tb = op.equals("ABT");
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = c[i * n + j];
                for (int t = 0; t < k; t++) {
                    s += (ta ? a[t * m + i] : a[i * k + t]) * (tb ? b[j * k + t] : b[t * n + j]);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }
}
