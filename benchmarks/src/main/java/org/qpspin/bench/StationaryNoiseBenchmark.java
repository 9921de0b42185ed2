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
import org.qpspin.generator.Generator;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;

/**
 * The peer comparison's unit of work, "stationary vector + S_N(0)", per solver on the same matrices as
 * benchmarks/peer/scipy_peer.py ({@link BenchmarkChains#peerRectangle}): factorize, then S_N(0) by
 * {@link NoiseAnalysis#zeroFrequency} (one group-inverse solve with its residual check), as
 * {@code qpspin export-generator --solve} times it for the peer comparison. Assembly is in the set-up. Returns
 * S_N(0) so the work cannot be eliminated.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StationaryNoise -p solver=core,levels -p states=100000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx12g"})
public class StationaryNoiseBenchmark {

    @Param({"SR", "TA", "weak"})
    public String regime;

    @Param({"10000", "100000", "1000000"})
    public int states;

    @Param({"core", "levels", "lu"})
    public String solver;

    private Generator generator;
    private StationarySolver stationarySolver;

    @Setup(Level.Trial)
    public void setUp() {
        generator = BenchmarkChains.peerRectangle(regime, states);
        stationarySolver = StationarySolvers.byName(solver);
    }

    @Benchmark
    public double stationaryAndZeroFrequencyNoise() {
        StationaryFactorization f = stationarySolver.factorize(generator);
        return NoiseAnalysis.of(generator, f).zeroFrequency(Observable.particleNumber()).zeroFrequency();
    }
}
