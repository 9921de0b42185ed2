package org.qpspin.bench;

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
import org.openjdk.jmh.infra.Blackhole;
import org.qpspin.generator.Generator;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;

/**
 * The level solver (block GTH over N) on {@link BenchmarkChains#polarized} chains: stationary solve, solve with
 * the factorization kept, and one group-inverse solve with a kept factorization (the S_N(0) kernel).
 * Generator assembly and the factorization for the group-inverse solve are built in the set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx8g"})
public class LevelSolverBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int states;

    /** Level width: m window 0 … width − 1. */
    @Param({"32"})
    public int width;

    private Generator generator;
    private StationarySolver solver;
    private StationaryFactorization factorization;
    private double[] rhs;
    private double[] x;

    @Setup(Level.Trial)
    public void setUp() {
        generator = BenchmarkChains.polarized(states, width);
        solver = StationarySolvers.levels();
        factorization = solver.factorize(generator);
        rhs = BenchmarkChains.particleNumberNoiseSource(generator, factorization.stationary());
        x = new double[generator.size()];
    }

    @Benchmark
    public void solve(Blackhole bh) {
        bh.consume(solver.solve(generator));
    }

    @Benchmark
    public void factorize(Blackhole bh) {
        bh.consume(solver.factorize(generator));
    }

    @Benchmark
    public void groupInverseSolve(Blackhole bh) {
        factorization.solveGroupInverse(rhs, x);
        bh.consume(x);
    }
}
