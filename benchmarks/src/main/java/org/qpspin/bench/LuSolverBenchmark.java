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
import org.qpspin.ordering.Orderings;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.SparseLuFactorization;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;

/**
 * The sparse LU solver (nested dissection, multifrontal, GTH pivots): stationary solve, solve keeping the
 * factorization, one group-inverse solve with a kept factorization (the S_N(0) kernel), and the nested-dissection
 * ordering alone. Shapes: {@code triangle}, the untruncated 0 ≤ m ≤ ⌊N/2⌋ (wide levels, where LU is meant to
 * beat the level solver), and {@code width32}, the polarized chains of {@link BenchmarkChains#polarized} that the
 * level solver is timed on. Assembly and the kept factorization are built in the set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx12g"})
public class LuSolverBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int states;

    @Param({"triangle", "width32"})
    public String shape;

    private Generator generator;
    private StationarySolver solver;
    private SparseLuFactorization factorization;
    private double[] rhs;
    private double[] x;

    @Setup(Level.Trial)
    public void setUp() {
        if (shape.equals("triangle")) {
            StateSpace space = BenchmarkChains.rectangle(states, Integer.MAX_VALUE / 4);
            generator = Generator.assemble(Prl2020RateModel.of(BenchmarkChains.polarizedParameters(space)), space);
        } else {
            generator = BenchmarkChains.polarized(states, 32);
        }
        solver = StationarySolvers.lu();
        factorization = StationarySolvers.luFactorization(generator);
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

    @Benchmark
    public void nestedDissection(Blackhole bh) {
        bh.consume(Orderings.nestedDissection(generator.space()));
    }
}
