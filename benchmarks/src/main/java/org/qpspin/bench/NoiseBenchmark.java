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
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;

/**
 * Cost of the noise against the stationary solve it reuses (docs/benchmarks.md, "Noise").
 *
 * <p>Chains: the PRL 2020 rates in the TA regime, mean-field N0 = nMax/3 and m0 = mMax/4 (V = 1, Γ = 1,
 * Γt = 2 ζt/N0 with ζt = m0/N0, τs = 100 t_f), on the rectangle nMax × mMax:
 * {@code 1e4} = 480 × 20, {@code 1e5} = 2000 × 50, {@code 1e6} = 20000 × 50 states (about).
 * <ul>
 *   <li>{@code stationarySolve}: the {@code auto} solver's solve;</li>
 *   <li>{@code factorize}: the same with the factorization kept (what the noise needs);</li>
 *   <li>{@code zeroFrequency}: S_N(0) given the factorization (one group-inverse solve);</li>
 *   <li>{@code spectrum200}: S_N(ω) at 200 log-spaced frequencies over six decades around the corner, Krylov
 *       route (no direct check above 40 000 states).</li>
 * </ul>
 * Single-shot times: each is a seconds-scale operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-Xss16m"})
public class NoiseBenchmark {

    @Param({"1e4", "1e5"})
    public String states;

    private Generator generator;
    private StationarySolver solver;
    private StationaryFactorization factorization;
    private NoiseAnalysis analysis;
    private double[] omega;

    @Setup
    public void setup() {
        int nMax;
        int mMax;
        switch (states) {
            case "1e4":
                nMax = 480;
                mMax = 20;
                break;
            case "1e5":
                nMax = 2000;
                mMax = 50;
                break;
            case "1e6":
                nMax = 20000;
                mMax = 50;
                break;
            default:
                throw new IllegalArgumentException(states);
        }
        double n0 = nMax / 3.0;
        double m0 = mMax / 4.0;
        double zeta = m0 / n0;
        double gammaT = 2.0 * zeta / n0; // TA: m0/N0 = ζt = N0 Γt / (2Γ) with Γ = 1
        double tf = 1.0 / (gammaT * n0); // V = 1
        ModelParameters p = ModelParameters.withMeanFieldN0(n0, 1.0, 1.0, gammaT, 100.0 * tf);
        generator = Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle(nMax, mMax));
        solver = StationarySolvers.auto();
        factorization = solver.factorize(generator);
        analysis = NoiseAnalysis.of(generator, factorization);
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
