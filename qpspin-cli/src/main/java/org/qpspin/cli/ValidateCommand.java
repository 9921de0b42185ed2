package org.qpspin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qpspin.dynamics.SampledAutocovariance;
import org.qpspin.dynamics.SampledCorrelation;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.noise.ZeroFrequencyNoise;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;
import org.qpspin.validation.ExactDistribution;
import org.qpspin.validation.Occupation;
import org.qpspin.validation.SampleCsv;
import org.qpspin.validation.SampleInput;
import org.qpspin.validation.SampleValidator;
import org.qpspin.validation.Samples;
import org.qpspin.validation.TestVerdict;
import org.qpspin.validation.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin validate}: tests samples of N (and m) from any simulator against the exact stationary law of the
 * given parameters, with the samples' autocorrelation accounted for; a verdict and p-value per test.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Test Monte Carlo samples against the exact answer.",
        description = {"Test Monte Carlo samples against the exact answer: G-tests of P(N) and P(N,m), KS on N,",
                "<N>, Var N, <m> with confidence intervals, and (for time series) the correlation time of N",
                "against S_N(0)/(2 Var N); all corrected for autocorrelation.",
                "Samples CSV: a header naming columns N [m] [t] [replica] (or one/two bare columns N[,m]);",
                "'#' lines are comments; quoted headers, a UTF-8 BOM, CRLF and a pandas index column are read;",
                "other columns are ignored (one warning names them). 'qpspin simulate --out' writes this format.",
                "Histograms: N[,m],count (independent samples) or 'qpspin simulate --histogram' (N,m,time,fraction:",
                "dwell times); only the distribution tests apply to them (no time order).",
                "Example: qpspin validate --samples samples.csv --A 50 --V 1 --gamma 10 --gamma-t 0.5 "
                        + "--tau-s 0.2 --plot hist.png"},
        footer = {"", "Exit codes: 0 samples agree; 4 samples rejected (some p-value below alpha / tests);",
                "2 bad input, e.g. a malformed sample file (one line on stderr naming the line);",
                "3 out of memory (one line on stderr)."})
public final class ValidateCommand implements Callable<Integer> {

    /** Exit code when the samples are rejected: differs from 2 (bad input) and 3 (out of memory), issue 14. */
    static final int REJECTED = 4;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--samples", paramLabel = "FILE.csv", required = true, description = "The samples to test.")
    Path samplesFile;

    @Option(names = "--jump-times", description = "The rows' times are the jump times of a piecewise-constant "
            + "trajectory (each row holds until the next): distribution tests on the time-weighted occupation, "
            + "time-series tests on the trajectory sampled-and-held every mean row spacing (exact); without it an "
            + "irregular time grid is refused.")
    boolean jumpTimes;

    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "0.01",
            description = "Significance level of each test (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--tol", paramLabel = "TOL", defaultValue = "1e-10",
            description = "Truncation tolerance of the exact solution (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Mixin
    JsonOption json;

    @Mixin
    QuietOption quiet;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Plot the samples' histogram against the exact P(N): FILE (linear) and FILE-log (log "
                    + "scale), and for time series FILE-spectrum (Welch vs exact S_N); .png or .svg.")
    Path plot;

    /**
     * The work the exact C_k may take, in states × products with the generator (about a minute or two of a core):
     * beyond it {@code validate} tests the dynamics against the continuous τ_N and says so, instead of running for
     * hours (N0 = 300, Δt = 5e-5 s: an ETA of hours was measured).
     */
    static final double LAG_WORK = 2e10;

    /**
     * The lag cap of the exact C_k at {@code dt}: {@link #LAG_WORK} / (n (q Δt + 1)), q the largest exit rate
     * (one lag's kernel takes about q Δt + 1 products with the n-state generator), within [4, MAX_LAGS].
     */
    static int lagCap(Generator generator, double dt) {
        double q = 0.0;
        for (int i = 0; i < generator.size(); i++) {
            q = Math.max(q, generator.exitRate(i));
        }
        double perLag = (double) generator.size() * (q * dt + 1.0);
        return (int) Math.max(4, Math.min(SampledAutocovariance.MAX_LAGS, LAG_WORK / perLag));
    }

    @Override
    public Integer call() {
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
        }
        if (model.isEmpty()) {
            throw new UsageException("no model parameters: give the parameters the samples were simulated with "
                    + "(--A --V --gamma --gamma-t --tau-s, or --preset aluminium --V --N0)");
        }
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new UsageException("--alpha must be in (0, 1), got " + alpha);
        }
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new UsageException("--tol must be in (0, 1), got " + tolerance);
        }
        ModelParameters parameters = model.parameters();
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
            for (Path target : ValidationPlots.targets(plot, true)) {
                AtomicOutput.check(target, "--plot");
            }
        }
        SampleInput input;
        try {
            input = SampleCsv.load(samplesFile, jumpTimes);
        } catch (IOException e) {
            throw new UsageException("cannot read " + samplesFile + ": " + e.getMessage());
        }
        for (String w : input.warnings()) { // before any work: the user sees at once what was not read
            spec.commandLine().getErr().println("qpspin: warning: " + w);
        }
        Samples samples = input.series(); // null for a histogram
        InputChecks.requireNotFar("sample state", input.maxN(), parameters, 0.0);
        StationaryAnalysis analysis = StationaryAnalysis.factorize(model.rateModel(parameters),
                Truncation.automatic(tolerance), StationarySolvers.auto());
        StationaryResult stationary = analysis.result();
        ExactDistribution exact = ExactDistribution.of(stationary.space(), stationary.probabilitiesView());
        ZeroFrequencyNoise noise = null;
        if (input.occupation() != null && input.occupation().timeWeighted()) { // dwell times: exact long-run covariance
            NoiseAnalysis longRun = NoiseAnalysis.of(analysis.generator(), analysis.factorization());
            exact = exact.withLongRunCovariance(longRun::crossZeroFrequencies);
        }
        if (samples != null && samples.hasInterval() && stationary.varianceN() > 0.0) {
            NoiseAnalysis noiseAnalysis = NoiseAnalysis.of(analysis.generator(), analysis.factorization());
            try {
                noise = noiseAnalysis.zeroFrequency(Observable.particleNumber());
            } catch (RuntimeException e) { // the distribution tests still run; the report notes the missing ones
                spec.commandLine().getErr().println("qpspin: S_N(0) failed, dynamics not tested: " + e.getMessage());
            }
            double tau = noise == null ? Double.NaN : noise.correlationTime();
            if (tau > 0.0 && Double.isFinite(tau)) {
                exact = exact.withCorrelationTime(tau)
                        .withSpectrum(omega -> noiseAnalysis.spectrum(Observable.particleNumber(), omega).values());
            }
            try { // the exact C_k of N sampled at the file's own interval: the time-domain tests' exact reference
                int lagCap = lagCap(analysis.generator(), samples.interval());
                SampledCorrelation sampled = SampledAutocovariance.of(analysis.generator(),
                                stationary.probabilitiesView())
                        .compute(Observable.particleNumber(), samples.interval(), 0,
                                SampledAutocovariance.DEFAULT_TOLERANCE, lagCap,
                                ProgressBars.listener(spec.commandLine().getErr(), quiet.isSet()));
                if (sampled.converged()) {
                    exact = exact.withSampledCorrelation(sampled);
                } else {
                    spec.commandLine().getErr().println("qpspin: the exact autocovariance at dt = "
                            + samples.interval() + " s did not converge" + (sampled.autocovariance().length - 1
                            >= lagCap ? String.format(Locale.ROOT, " within %d lags (the cap of %.0e state-products)",
                            lagCap, LAG_WORK) : "") + "; dynamics tested against the continuous tau_N");
                }
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("qpspin: the exact autocovariance at dt = " + samples.interval()
                        + " s failed (" + e.getMessage() + "); dynamics tested against the continuous tau_N");
            }
        }
        ValidationReport report = SampleValidator.withDefaults().withSignificance(alpha).validate(input, exact);
        long beyond = beyondTruncation(input, stationary.maxN());
        List<Path> plots = List.of();
        UsageException plotFailure = null;
        if (plot != null) {
            try {
                plots = ValidationPlots.write(plot, report, exact, "qpspin validate: " + samplesFile.getFileName());
            } catch (IOException e) {
                plotFailure = new UsageException("cannot write --plot " + plot + ": " + AtomicOutput.reason(e));
            } catch (UsageException e) { // the verdicts are still printed; the failure is reported after them
                plotFailure = e;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.isSet()) {
            out.println(toJson(report, analysis, noise, plots, beyond));
        } else {
            if (beyond > 0) { // first, so that the binned tests' PASS below is not read as the verdict
                out.println("qpspin validate: " + beyondLine(beyond, stationary.maxN(),
                        analysis.truncation().tolerance()));
            }
            printSummary(out, report, analysis);
        }
        out.flush();
        if (plotFailure != null) {
            throw plotFailure;
        }
        AtomicOutput.report(spec.commandLine().getErr(), plots);
        return report.passed() && beyond == 0 ? 0 : REJECTED;
    }

    /**
     * Samples with N beyond the automatic truncation's Nmax: the exact law puts less than the truncation tolerance
     * (1e-10 by default) of its probability there, so even one such sample among fewer than 10⁸ rejects the
     * samples at any usual alpha (P(at least one) ≤ n × tol), whatever the binned tests say (they merge the tail).
     */
    static long beyondTruncation(SampleInput input, int nMax) {
        long count = 0;
        Occupation occupation = input.occupation();
        if (occupation != null) { // rows (jumps or histogram rows; counts for a histogram of counts)
            for (int i = 0; i < occupation.size(); i++) {
                if (occupation.n(i) > nMax) {
                    count += occupation.timeWeighted() ? 1 : Math.round(occupation.weight(i));
                }
            }
            return count;
        }
        Samples samples = input.series();
        for (int s = 0; s < samples.seriesCount(); s++) {
            for (int n : samples.n(s)) {
                if (n > nMax) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String beyondLine(long beyond, int nMax, double tol) {
        return String.format(Locale.ROOT, "FAIL: %d sample(s) at N > %d, beyond the exact truncation, where the exact "
                + "law holds less than %.1g of the probability", beyond, nMax, tol);
    }

    private static void printSummary(PrintWriter o, ValidationReport r, StationaryAnalysis a) {
        o.printf(Locale.ROOT, "qpspin validate: %s at alpha = %s per test (overall: Bonferroni, %d tests)%n",
                r.passed() ? "PASS" : "FAIL", r.alpha(), r.tests().size());
        if (!r.input().isEmpty()) {
            o.println("  input: " + r.input());
        }
        if (r.autocorrelationN() == null) { // a histogram
            Occupation h = r.occupation().occupation();
            o.printf(Locale.ROOT, h.timeWeighted() ? "  samples: %d rows, %.6g s of dwell time, effective samples "
                    + "%.4g (T / 2 tau_N)%n" : "  samples: %d rows, %.0f counts, effective samples %.4g%n",
                    h.rows(), h.total(), r.effectiveSamples());
        } else {
            o.printf(Locale.ROOT, "  samples: %d in %d series%s; tau_int(N) = %.4g samples (Sokal window %d), "
                            + "effective samples %.4g; batch means %d x %d%n", r.samples(), r.series(),
                    Double.isNaN(r.interval()) ? ", untimed" : String.format(Locale.ROOT, ", dt = %.6g s",
                            r.interval()), r.autocorrelationN().tau(), r.autocorrelationN().window(),
                    r.effectiveSamples(), r.batches(), r.batchLength());
        }
        StationaryResult s = a.result();
        o.printf(Locale.ROOT, "  exact: %s rates, %s, %d states (Nmax %d), truncation cost %.2g, solver %s%n",
                a.rateModel().name(), a.truncation().isAutomatic() ? "automatic truncation" : "fixed truncation", s.states(), s.maxN(),
                s.relativeOmittedFlux(), s.solver());
        for (TestVerdict t : r.tests()) {
            o.printf(Locale.ROOT, "  %-20s %s  p = %-9.3g", t.name(), t.passed() ? "PASS" : "FAIL", t.pValue());
            if (!Double.isNaN(t.estimate()) && !Double.isNaN(t.exact())) {
                o.printf(Locale.ROOT, " estimate %.6g, %.0f%% CI [%.6g, %.6g], exact %.6g", t.estimate(),
                        100 * (1 - t.alpha()), t.ciLow(), t.ciHigh(), t.exact());
            } else if (!t.note().isEmpty()) {
                o.print(" " + t.note());
            }
            o.println();
        }
        for (String w : r.warnings()) {
            o.println("  note: " + w);
        }
    }

    static String toJson(ValidationReport r, StationaryAnalysis a, ZeroFrequencyNoise noise, List<Path> plots,
                         long beyond) {
        ObjectNode root = JsonOutput.object("validate");
        root.put("rateModel", a.rateModel().name());
        root.put("passed", r.passed() && beyond == 0);
        root.put("samplesBeyondTruncation", beyond);
        root.put("alpha", r.alpha());
        root.put("minPValue", r.minPValue());
        root.put("samples", r.samples());
        root.put("series", r.series());
        root.put("dt", r.interval()); // NaN (untimed samples) is written null
        if (r.autocorrelationN() == null) { // a histogram: no order, no batches
            root.putNull("tauIntSamples");
            root.putNull("sokalWindow");
        } else {
            root.put("tauIntSamples", r.autocorrelationN().tau());
            root.put("sokalWindow", r.autocorrelationN().window());
        }
        root.put("effectiveSamples", r.effectiveSamples());
        root.put("batches", r.batches());
        root.put("batchLength", r.batchLength());
        root.put("input", r.input());
        JsonOutput.putParameters(root, a.parameters()).put("rateModel", a.rateModel().name());
        ObjectNode exact = root.putObject("exact");
        StationaryResult s = a.result();
        exact.put("states", s.states());
        exact.put("nMax", s.maxN());
        exact.put("relativeOmittedFlux", s.relativeOmittedFlux());
        exact.put("solver", s.solver());
        exact.put("meanN", s.meanN());
        exact.put("varN", s.varianceN());
        exact.put("meanM", s.meanM());
        if (noise != null) {
            exact.put("sN0", noise.zeroFrequency());
            exact.put("correlationTime", noise.correlationTime());
        }
        ArrayNode tests = root.putArray("tests");
        for (TestVerdict t : r.tests()) {
            ObjectNode n = tests.addObject();
            n.put("name", t.name());
            n.put("passed", t.passed());
            n.put("pValue", t.pValue());
            n.put("statistic", t.statistic());
            putIfNumber(n, "degreesOfFreedom", t.degreesOfFreedom());
            putIfNumber(n, "estimate", t.estimate());
            putIfNumber(n, "standardError", t.standardError());
            putIfNumber(n, "ciLow", t.ciLow());
            putIfNumber(n, "ciHigh", t.ciHigh());
            putIfNumber(n, "exactValue", t.exact());
            putIfNumber(n, "designEffect", t.designEffect());
            n.put("method", t.method());
            n.put("note", t.note());
        }
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        ArrayNode plotFiles = root.putArray("plots");
        plots.forEach(p -> plotFiles.add(p.toString()));
        return JsonOutput.write(root);
    }

    private static void putIfNumber(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        }
    }
}
