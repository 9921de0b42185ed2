package org.qpspin.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.NoiseSpectrum;
import org.qpspin.noise.Observable;
import org.qpspin.noise.SpectrumOptions;
import org.qpspin.noise.ZeroFrequencyNoise;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * Cost of the noise against the stationary solve it reuses (docs/benchmarks.md, "Noise").
 *
 * <p>Chains: the PRL 2020 rates in the TA regime at fixed ζt = 0.001 (V = 1, Γ = 1, Γt = 2ζt/N0, τs = ∞), with
 * the automatic truncation (omitted flux/AV ≤ 1e-10): {@code n0=160} gives 14 868 states, {@code n0=640}
 * 129 869 states, {@code n0=2000} about 10⁶. Solver: {@code lu} by default (its group inverse pins the most
 * probable state; the level solver's loses all digits on the larger chains, see docs/validation.md "Noise").
 * <ul>
 *   <li>{@code stationarySolve}: the solver's solve;</li>
 *   <li>{@code factorize}: the same with the factorization kept (what the noise needs);</li>
 *   <li>{@code zeroFrequency}: S_N(0) given the factorization (one group-inverse solve and its residual check);</li>
 *   <li>{@code spectrum200}: S_N(ω) at 200 log-spaced frequencies over six decades around the corner, Krylov
 *       route (no direct check above 10 000 states).</li>
 * </ul>
 * Single-shot times: each is a seconds-scale operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx12g", "-Xss16m"})
public class NoiseBenchmark {

    @Param({"160", "640"})
    public double n0;

    @Param({"lu"})
    public String solverName;

    private Generator generator;
    private StationarySolver solver;
    private NoiseAnalysis analysis;
    private double[] omega;

    @Setup
    public void setup() {
        double zeta = 0.001;
        ModelParameters p = ModelParameters.withMeanFieldN0(n0, 1.0, 1.0, 2.0 * zeta / n0, Double.POSITIVE_INFINITY);
        solver = StationarySolvers.byName(solverName);
        StationaryAnalysis sa = StationaryAnalysis.factorize(Prl2020RateModel.of(p), Truncation.automatic(), solver);
        generator = sa.generator();
        analysis = NoiseAnalysis.of(generator, sa.factorization());
        double tau = analysis.zeroFrequency(Observable.particleNumber()).correlationTime();
        omega = new double[200];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = 1e-3 / tau * Math.pow(1e6, i / 199.0);
        }
    }

    @Benchmark
    public StationaryResult stationarySolve() {
        return solver.solve(generator);
    }

    @Benchmark
    public StationaryFactorization factorize() {
        return solver.factorize(generator);
    }

    @Benchmark
    public ZeroFrequencyNoise zeroFrequency() {
        return analysis.zeroFrequency(Observable.particleNumber());
    }

    @Benchmark
    public NoiseSpectrum spectrum200() {
        return analysis.spectrum(Observable.particleNumber(), omega,
                SpectrumOptions.defaults().withRoute(SpectrumOptions.Route.MODES));
    }
}
