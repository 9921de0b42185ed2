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
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/** {@link Generator#assemble} (rates straight into CSC, O(nnz)) on the chains of {@link BenchmarkChains}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class GeneratorAssemblyBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int states;

    /** Level width: m window 0 … width − 1. */
    @Param({"32"})
    public int width;

    private Prl2020RateModel rates;
    private StateSpace space;

    @Setup(Level.Trial)
    public void setUp() {
        space = BenchmarkChains.rectangle(states, width);
        rates = Prl2020RateModel.of(BenchmarkChains.polarizedParameters(space));
    }

    @Benchmark
    public void assemble(Blackhole bh) {
        bh.consume(Generator.assemble(rates, space));
    }
}
