package org.qpspin.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qpspin.linalg.dense.DenseKernel;
import org.qpspin.linalg.dense.VectorKernel;

/**
 * The dense kernel of the level and LU eliminations ({@link DenseKernel#multiplyAdd4x4}): a rank-4 update of a
 * {@code width} × {@code width} row-major block, four rows at a time, by the SIMD implementation (Vector API) and
 * the scalar one. 8 width² flops per call; GF/s = 8 width² / (ns per call). Both kernels are public in
 * {@code org.qpspin.linalg.dense}, so the benchmark lives with the others and installs nothing into the library's
 * packages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DenseKernelBenchmark {

    /** Block width (the level widths of the peer cores are 40–150, LU fronts up to ~650). */
    @Param({"32", "64", "128", "256", "512"})
    public int width;

    @Param({"vector", "scalar"})
    public String kernel;

    private boolean simd;
    private double[] block;
    private double[] rows;
    private double[] mult;

    @Setup(Level.Trial)
    public void setUp() {
        if (kernel.equals("vector") && !DenseKernel.VECTOR) {
            throw new IllegalStateException("the SIMD kernel needs --add-modules jdk.incubator.vector");
        }
        simd = kernel.equals("vector");
        SplittableRandom random = new SplittableRandom(7);
        block = new double[width * width];
        rows = new double[4 * width];
        mult = new double[4 * width];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextDouble() * 1e-3;
            mult[i] = random.nextDouble() * 1e-3;
        }
    }

    /** block[i][·] += Σ_u mult[u][i] rows[u][·] for every row i, as PanelUpdate lays it out. */
    @Benchmark
    public double rank4Update() {
        for (int i = 0; i + 3 < width; i += 4) {
            if (simd) {
                VectorKernel.multiplyAdd4x4(block, i * width, width, rows, 0, width, mult, i, 1, width, 0, width,
                        false);
            } else {
                DenseKernel.scalar4x4(block, i * width, width, rows, 0, width, mult, i, 1, width, 0, width, false);
            }
        }
        return block[width + 1];
    }
}
