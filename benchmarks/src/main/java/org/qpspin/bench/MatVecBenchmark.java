package org.qpspin.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/**
 * The bandwidth yardstick: one product out = L p with the generator in CSC ({@link Generator#multiply}), i.e. one
 * sweep over the matrix (12 bytes per stored entry, ~6 entries per state, plus the two vectors). A solver's time
 * divided by this one is "how many matrix–vector products the solve is worth" (docs/benchmarks.md).
 *
 * <p>Chains: the rectangle 0 ≤ N ≤ Nmax, 0 ≤ m ≤ min(⌊N/2⌋, width − 1) with the smallest Nmax giving at least
 * {@code states} states, for a polarized spin-relaxation parameter set (the matvec cost depends on the sparsity
 * pattern only, not on the values).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx12g"})
public class MatVecBenchmark {

    @Param({"10000", "100000", "1000000", "10000000"})
    public int states;

    /** Level width: the m window 0 … width − 1. */
    @Param({"32", "300"})
    public int width;

    private Generator generator;
    private double[] p;
    private double[] out;

    /** Bytes one product streams: values (8) and row indices (4) per entry, column pointers, p and out. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Traffic {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void setUp() {
        int nMax = 0;
        long total = 1;
        while (total < states) {
            nMax++;
            total += Math.min(nMax / 2, width - 1) + 1;
        }
        StateSpace space = StateSpace.rectangle(nMax, width - 1);
        ModelParameters parameters = ModelParameters.withMeanFieldN0(Math.max(1.0, nMax / 3.0), 1.0, 50.0, 1e-3,
                1.0);
        generator = Generator.assemble(Prl2020RateModel.of(parameters), space);
        int n = generator.size();
        p = new double[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble(); // dense: multiply skips zero entries of p
        }
        out = new double[n];
    }

    @Benchmark
    public double multiply(Traffic traffic) {
        generator.multiply(p, out);
        traffic.bytes += 12L * generator.nonZeros() + 4L * (generator.size() + 1) + 16L * generator.size();
        return out[out.length / 2];
    }
}
