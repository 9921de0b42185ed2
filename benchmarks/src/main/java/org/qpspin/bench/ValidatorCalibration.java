package org.qpspin.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.qpspin.dynamics.SampledAutocovariance;
import org.qpspin.dynamics.SampledCorrelation;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.montecarlo.GillespieSimulator;
import org.qpspin.montecarlo.MonteCarloResult;
import org.qpspin.montecarlo.MonteCarloSettings;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;
import org.qpspin.validation.ExactDistribution;
import org.qpspin.validation.SampleCsv;
import org.qpspin.validation.SampleInput;
import org.qpspin.validation.SampleValidator;
import org.qpspin.validation.Samples;
import org.qpspin.validation.TestVerdict;
import org.qpspin.validation.ValidationReport;

/**
 * The calibration and power study of {@code qpspin validate} (issue 13 item 5; results in docs/validation.md
 * "Calibration and power, measured"). Not a unit test: a reproducible driver that writes every p-value.
 *
 * <p>For each chain (a tiny one, an SR one and a TA one, {@link #CHAINS}) it builds the exact reference as
 * {@code qpspin validate} does (automatic truncation at 10⁻¹⁰, auto solver; τ_N = S_N(0)/(2 Var N) and S_N(ω)
 * from the noise package; the exact C_k of N sampled at the samples' Δt from {@link SampledAutocovariance}), then
 * for many seeds simulates, validates through {@link SampleValidator} on in-memory {@link Samples} (grid parts) or
 * {@link SampleInput} (events), and records
 * the p-value of every test:
 * <ul>
 *   <li>{@code calibration}: the right model, {@link GillespieSimulator}, 2 replicas of {@code --samples} grid
 *       samples at Δt = r τ_N, r ∈ {0.1, 0.3, 1, 3, 10};</li>
 *   <li>{@code events}: the right model, {@link JumpTimeRecorder} (every jump time, 2 replicas of
 *       {@code --event-time} τ_N), read by {@link SampleCsv#load} and validated as {@code validate --jump-times}
 *       does: the distribution tests on the time-weighted occupation against the exact long-run covariance
 *       ({@link NoiseAnalysis#crossZeroFrequencies}), the time-series tests on the sample-and-hold grid at the mean
 *       jump spacing against the exact C_k at that Δt;</li>
 *   <li>{@code power}: the right model and five planted errors ({@link PlantedRateModel}: singlet rate × 1.01,
 *       1.02, 1.05; boundary rule dropped; time axis × 1.02) at Δt = {@code --power-dt} τ_N and each of
 *       {@code --power-lengths} samples per replica.</li>
 * </ul>
 * Seeds: run s (1 … n) of setting k of chain c uses seed 10⁶ (c + 1) + 10³ (k + 1) + s, the same whatever
 * {@code --threads}; every number written is reproducible bit for bit.
 *
 * <p>Output (in {@code --out DIR}): {@code pvalues.csv}, one row per run × test
 * ({@code chain,part,model,sampling,length,seed,test,p}; p = NaN when the test did not run), and
 * {@code runs.csv}, one row per run (Δt, samples, τ_int, effective samples, CPU seconds). Then
 * {@link ValidatorCalibrationReport} makes the tables and the plot. Usage (from the repository root, after
 * {@code mvn -q -o -DskipTests -pl benchmarks -am package}):
 * <pre>java -Xmx3g -cp benchmarks/target/benchmarks.jar org.qpspin.bench.ValidatorCalibration --out DIR [options]</pre>
 */
public final class ValidatorCalibration {

    /** The chains: name and parameters (A, V, Γ, Γt, τs). */
    static final Map<String, ModelParameters> CHAINS = new LinkedHashMap<>();

    static {
        CHAINS.put("tiny", ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2));
        CHAINS.put("SR", ModelParameters.of(200.0, 1.0, 10.0, 0.0, 1.0));
        CHAINS.put("TA", ModelParameters.of(400.0, 1.0, 10.0, 0.2, 10.0));
    }

    /** The sampling intervals of the calibration, in units of τ_N. */
    static final double[] RATIOS = {0.1, 0.3, 1.0, 3.0, 10.0};
    private double[] ratios = RATIOS;
    /** Short names of the tests, in the validator's order (the CSV's {@code test} column). */
    static final Map<String, String> TEST_CODES = new LinkedHashMap<>();

    static {
        TEST_CODES.put("G-test P(N)", "G_N");
        TEST_CODES.put("G-test P(N,m)", "G_Nm");
        TEST_CODES.put("KS P(N)", "KS_N");
        TEST_CODES.put("mean N", "mean_N");
        TEST_CODES.put("Var N", "var_N");
        TEST_CODES.put("mean m", "mean_m");
        TEST_CODES.put("correlation time N", "tau_N");
        TEST_CODES.put("spectrum N (Welch)", "welch_N");
    }

    private static final double BURN_IN_TAU = 20.0;
    private static final int REPLICAS = 2;

    private final List<String> chains = new ArrayList<>(CHAINS.keySet());
    private final List<String> parts = new ArrayList<>(List.of("calibration", "events", "power"));
    private int seeds = 200;
    private int powerSeeds = 100;
    private int samples = 8192;
    private double eventTime = 1000.0;
    private double powerRatio = 0.3;
    private int[] powerLengths = {2048, 8192, 32768, 131072};
    private int threads = 1;
    private int firstSeed = 1;
    private Path out;

    private ValidatorCalibration() {
    }

    /** One chain's exact reference, as {@code qpspin validate} builds it. */
    private static final class Chain {
        final String name;
        final ModelParameters parameters;
        final RateModel right;
        final StationaryAnalysis analysis;
        /** Not thread-safe (it shares the factorization's workspaces): used only under this chain's lock. */
        private final NoiseAnalysis noise;
        final ExactDistribution base; // P(N, m), τ_N, S_N(ω)
        final double tauN;
        final SampledAutocovariance sampler;
        final int[] start;

        Chain(String name, ModelParameters parameters) {
            this.name = name;
            this.parameters = parameters;
            right = Prl2020RateModel.of(parameters);
            analysis = StationaryAnalysis.factorize(right, Truncation.automatic(1e-10), StationarySolvers.auto());
            noise = NoiseAnalysis.of(analysis.generator(), analysis.factorization());
            tauN = noise.zeroFrequency(Observable.particleNumber()).correlationTime();
            base = ExactDistribution.of(analysis.result().space(), analysis.result().probabilitiesView())
                    .withCorrelationTime(tauN)
                    .withSpectrum(this::spectrumN);
            sampler = SampledAutocovariance.of(analysis.generator(), analysis.result().probabilitiesView());
            MeanFieldFixedPoint mf = MeanFieldFixedPoint.of(parameters);
            int n = (int) Math.round(mf.meanN());
            start = new int[] {n, (int) Math.max(0, Math.min(n / 2, Math.round(mf.meanM())))};
        }

        /**
         * The exact reference with the C_k of N sampled every dt, as {@code qpspin validate} builds it: when their
         * computation does not converge, validate falls back to the continuous τ_N and S_N(ω) (and says so), and
         * so does this.
         */
        synchronized ExactDistribution at(double dt) {
            SampledCorrelation c = sampler.compute(Observable.particleNumber(), dt, 0,
                    SampledAutocovariance.DEFAULT_TOLERANCE);
            return c.converged() ? base.withSampledCorrelation(c) : base;
        }

        /** S_N(ω), exact, two-sided (the Welch test's reference). */
        private synchronized double[] spectrumN(double[] omega) {
            return noise.spectrum(Observable.particleNumber(), omega).values();
        }

        /**
         * The exact long-run covariance V_ij = S_{f_i f_j}(0) of observables of this chain, from the chain's own
         * factorization, as {@code validate --jump-times} gives it to the time-weighted tests.
         */
        synchronized double[][] longRunCovariance(double[][] f) {
            return noise.crossZeroFrequencies(f);
        }
    }

    /** One setting: a chain, a part, a simulated model, a sampling and a length; run for many seeds. */
    private record Setting(Chain chain, String part, String model, RateModel simulated, String sampling,
                           double ratio, int length, int index, int seeds) {
        long seed(int s) {
            return 1_000_000L * (List.copyOf(CHAINS.keySet()).indexOf(chain.name) + 1) + 1_000L * (index + 1) + s;
        }
    }

    /** The outcome of one run. */
    private record Run(Setting setting, long seed, double dt, String reference, long samples, double tauInt,
                       double effective,
                       double seconds, List<TestVerdict> verdicts) {
    }

    public static void main(String[] args) throws Exception {
        ValidatorCalibration study = new ValidatorCalibration();
        try {
            study.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ValidatorCalibration: " + e.getMessage());
            System.exit(2);
        }
        study.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--out" -> out = Path.of(v);
                case "--chains" -> chains.retainAll(List.of(v.split(",")));
                case "--parts" -> parts.retainAll(List.of(v.split(",")));
                case "--seeds" -> seeds = Integer.parseInt(v);
                case "--power-seeds" -> powerSeeds = Integer.parseInt(v);
                case "--samples" -> samples = Integer.parseInt(v);
                case "--event-time" -> eventTime = Double.parseDouble(v);
                case "--power-dt" -> powerRatio = Double.parseDouble(v);
                case "--power-lengths" -> powerLengths = java.util.Arrays.stream(v.split(","))
                        .mapToInt(Integer::parseInt).toArray();
                case "--threads" -> threads = Integer.parseInt(v);
                case "--first-seed" -> firstSeed = Integer.parseInt(v);
                case "--ratios" -> ratios = java.util.Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble)
                        .toArray();
                default -> throw new IllegalArgumentException("unknown option " + a + "; options: --out DIR "
                        + "--chains tiny,SR,TA --parts calibration,events,power --seeds N --power-seeds N "
                        + "--samples PER_REPLICA --event-time TAU_N --power-dt RATIO --power-lengths L1,L2,... "
                        + "--ratios 0.1,0.3,1,3,10 --threads T --first-seed S (resume a setting's seeds at S)");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (chains.isEmpty() || parts.isEmpty()) {
            throw new IllegalArgumentException("no chain or no part selected");
        }
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        String started = java.time.Instant.now().toString();
        String load = uptime();
        List<Setting> settings = new ArrayList<>();
        List<Chain> solved = new ArrayList<>();
        for (String name : chains) {
            Chain c = new Chain(name, CHAINS.get(name));
            solved.add(c);
            System.err.printf(Locale.ROOT, "%s: %s, %d states, <N> = %.6g, Var N = %.6g, tau_N = %.6g s%n", name,
                    c.parameters, c.analysis.result().states(), c.analysis.result().meanN(),
                    c.analysis.result().varianceN(), c.tauN);
            if (parts.contains("calibration")) {
                for (int i = 0; i < RATIOS.length; i++) {
                    double r = RATIOS[i];
                    if (java.util.Arrays.stream(ratios).anyMatch(x -> x == r)) {
                        settings.add(new Setting(c, "calibration", "right", c.right, "r" + fmt(r), r, samples, i,
                                seeds));
                    }
                }
            }
            int k = 10;
            if (parts.contains("events")) {
                settings.add(new Setting(c, "events", "right", c.right, "events", Double.NaN, (int) eventTime, k,
                        seeds));
            }
            k = 20;
            if (parts.contains("power")) {
                List<RateModel> models = List.of(c.right, PlantedRateModel.singletScaled(c.right, 1.01),
                        PlantedRateModel.singletScaled(c.right, 1.02), PlantedRateModel.singletScaled(c.right, 1.05),
                        PlantedRateModel.withoutBoundaryRule(c.right), PlantedRateModel.timeScaled(c.right, 1.02));
                for (RateModel model : models) {
                    String label = model == c.right ? "right" : model.name();
                    for (int length : powerLengths) {
                        settings.add(new Setting(c, "power", label, model, "r" + fmt(powerRatio), powerRatio, length,
                                k, powerSeeds));
                        k++;
                    }
                }
            }
        }
        Path pFile = out.resolve("pvalues.csv");
        Path runFile = out.resolve("runs.csv");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long studyStart = System.nanoTime();
        try (Writer p = Files.newBufferedWriter(pFile, StandardCharsets.UTF_8);
             Writer r = Files.newBufferedWriter(runFile, StandardCharsets.UTF_8)) {
            String header = "# qpspin ValidatorCalibration (docs/validation.md \"Calibration and power, measured\")\n"
                    + "# started " + started + "; load before: " + load + "\n"
                    + "# threads " + threads + ", seeds " + seeds + ", power seeds " + powerSeeds + ", samples/replica "
                    + samples + ", replicas " + REPLICAS + ", event time " + eventTime + " tau_N/replica, power dt "
                    + powerRatio + " tau_N, burn-in " + BURN_IN_TAU + " tau_N\n"
                    + "# events validated as validate --jump-times: distribution tests on the time-weighted "
                    + "occupation (exact long-run covariance), time-series tests on the sample-and-hold grid; "
                    + "their 'effective' is T/(2 tau_N)\n";
            StringBuilder chainLines = new StringBuilder();
            for (Chain c : solved) {
                chainLines.append(String.format(Locale.ROOT, "# chain %s: %s; %d states; <N> = %.8g; Var N = %.8g; "
                                + "tau_N = %.8g s%n", c.name, c.parameters, c.analysis.result().states(),
                        c.analysis.result().meanN(), c.analysis.result().varianceN(), c.tauN));
            }
            StringBuilder codes = new StringBuilder("# tests:");
            TEST_CODES.forEach((name, code) -> codes.append(' ').append(code).append(" = ").append(name).append(';'));
            p.write(header + chainLines + codes + "\n");
            p.write("chain,part,model,sampling,length,seed,test,p\n");
            r.write(header + chainLines);
            r.write("chain,part,model,sampling,length,seed,dt,reference,samples,tau_int,effective,cpu_s\n");
            for (Setting s : settings) {
                long t0 = System.nanoTime();
                ExactDistribution exact = s.sampling.equals("events") ? null
                        : s.chain.at(s.ratio * s.chain.tauN);
                List<Future<Run>> futures = new ArrayList<>();
                for (int i = firstSeed; i <= s.seeds; i++) {
                    int seedIndex = i;
                    futures.add(pool.submit(() -> runOne(s, s.seed(seedIndex), exact)));
                }
                int rejected = 0;
                for (Future<Run> f : futures) {
                    Run run = f.get();
                    for (Map.Entry<String, String> e : TEST_CODES.entrySet()) {
                        TestVerdict v = run.verdicts.stream().filter(t -> t.name().equals(e.getKey())).findFirst()
                                .orElse(null);
                        p.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%d,%s,%s%n", s.chain.name, s.part, s.model,
                                s.sampling, s.length, run.seed, e.getValue(), v == null ? "NaN" : pv(v.pValue())));
                        if (v != null && v.pValue() < 0.01) {
                            rejected++;
                        }
                    }
                    r.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%d,%.6g,%s,%d,%.5g,%.6g,%.4g%n", s.chain.name,
                            s.part, s.model, s.sampling, s.length, run.seed, run.dt, run.reference, run.samples,
                            run.tauInt,
                            run.effective, run.seconds));
                }
                p.flush();
                r.flush();
                System.err.printf(Locale.ROOT, "%-5s %-11s %-18s %-7s L=%-7d %3d seeds: %4d p<0.01 (of %d tests), "
                                + "%.1f s wall, elapsed %.0f s%n", s.chain.name, s.part, s.model, s.sampling, s.length,
                        s.seeds, rejected, s.seeds * TEST_CODES.size(), (System.nanoTime() - t0) * 1e-9,
                        (System.nanoTime() - studyStart) * 1e-9);
            }
            String end = "# finished " + java.time.Instant.now() + "; load after: " + uptime() + "\n";
            p.write(end);
            r.write(end);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String pv(double p) {
        return p == 0.0 ? "0" : String.format(Locale.ROOT, "%.5g", p);
    }

    private static String fmt(double r) {
        return r == Math.rint(r) ? Integer.toString((int) r) : Double.toString(r);
    }

    private Run runOne(Setting s, long seed, ExactDistribution gridExact) throws IOException {
        long cpu0 = cpuNanos();
        Chain c = s.chain;
        Samples data;
        ExactDistribution exact = gridExact;
        ValidationReport report;
        if (s.sampling.equals("events")) {
            JumpTimeRecorder recorder = new JumpTimeRecorder(s.simulated);
            StringBuilder csv = new StringBuilder("replica,t,N,m\n");
            for (int rep = 0; rep < REPLICAS; rep++) {
                recorder.record(csv, rep, seed * 16, c.start[0], c.start[1], BURN_IN_TAU * c.tauN,
                        s.length * c.tauN);
            }
            // as validate --jump-times: the time-weighted occupation for the distribution tests (exact long-run
            // covariance), the sample-and-hold grid at the mean jump spacing for the time-series tests (exact C_k
            // at that grid's Δt)
            SampleInput input = SampleCsv.load(new StringReader(csv.toString()), "events", true);
            if (input.layout() != SampleInput.Layout.JUMP_TIMES) {
                throw new IllegalStateException("expected jump times, read " + input.layout());
            }
            data = input.series();
            exact = c.at(data.interval()).withLongRunCovariance(c::longRunCovariance);
            report = SampleValidator.withDefaults().withSignificance(0.01).validate(input, exact);
        } else {
            double dt = s.ratio * c.tauN;
            MonteCarloSettings settings = MonteCarloSettings.of((s.length + 0.5) * dt).withSampleInterval(dt)
                    .withBurnIn(BURN_IN_TAU * c.tauN).withReplicas(REPLICAS).withThreads(1).withSeed(seed);
            MonteCarloResult result = GillespieSimulator.of(s.simulated).run(settings);
            data = Samples.of(result);
            if (data.size() != (long) REPLICAS * s.length) {
                throw new IllegalStateException("expected " + REPLICAS * s.length + " samples, got " + data.size());
            }
            report = SampleValidator.withDefaults().withSignificance(0.01).validate(data, exact);
        }
        String reference = exact.sampledCorrelation(data.interval()) != null ? "sampled" : "continuous";
        return new Run(s, seed, data.interval(), reference, data.size(), report.autocorrelationN().tau(),
                report.effectiveSamples(), (cpuNanos() - cpu0) * 1e-9, report.tests());
    }

    private static long cpuNanos() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        return bean.getCurrentThreadCpuTime();
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
