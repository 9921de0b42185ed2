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
import org.qpspin.model.ModelParameters;
import org.qpspin.montecarlo.GillespieSimulator;
import org.qpspin.montecarlo.MonteCarloResult;
import org.qpspin.montecarlo.MonteCarloSettings;
import org.qpspin.rates.Prl2020RateModel;

/**
 * Gillespie throughput: events per second on one core (one replica, one thread). The "events" counter is the
 * headline figure (JMH reports it as ops/s); the time series is on, as in {@code qpspin simulate}.
 *
 * <p>Cases: {@code small}: A = 50, V = 1, Γ = 10, Γt = 0.5, τs = 0.2 (⟨N⟩ ≈ 3.6, a few states);
 * {@code n1000}: mean-field N0 = 1000 with V = 1, Γ = 10, Γt = 0.01, τs = 1 (thousands of visited states);
 * {@code aluminium}: the aluminium preset of docs/model.md at V = 0.001 µm³ with N0 = 10⁴ (TA regime).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MonteCarloBenchmark {

    @Param({"small", "n1000"})
    public String model;

    private GillespieSimulator simulator;
    private MonteCarloSettings settings;
    private long seed;

    /** Events simulated, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup
    public void setup() {
        ModelParameters p;
        double chunk; // simulated seconds per invocation: about 10^6 events
        switch (model) {
            case "small":
                p = ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2);
                chunk = 10_000.0;
                break;
            case "n1000":
                p = ModelParameters.withMeanFieldN0(1000.0, 1.0, 10.0, 0.01, 1.0);
                chunk = 1_000_000.0 / (p.totalInjectionRate() * 2.0);
                break;
            default:
                throw new IllegalArgumentException(model);
        }
        simulator = GillespieSimulator.of(Prl2020RateModel.of(p));
        settings = MonteCarloSettings.of(chunk).withThreads(1).withSampleInterval(chunk / 10_000.0)
                .withBurnIn(chunk / 10.0);
    }

    @Benchmark
    public MonteCarloResult gillespie(Events counter) {
        MonteCarloResult r = simulator.run(settings.withSeed(seed++));
        counter.events += r.totalEvents();
        return r;
    }
}
