package org.qpspin.cli;

import static org.qpspin.cli.SummaryFormat.g;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qpspin.fokkerplanck.FokkerPlanckDiffusion;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Scales;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.NoiseSpectrum;
import org.qpspin.noise.Observable;
import org.qpspin.noise.RelaxationMode;
import org.qpspin.noise.RelaxationConvergence;
import org.qpspin.noise.SpectrumOptions;
import org.qpspin.noise.ZeroFrequencyNoise;
import org.qpspin.rates.RateModels;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin noise}: the exact noise spectrum of N (or m, S) from the stationary factorization: S(0) by the
 * group inverse, S(ω) on a grid by the shift-invariant Krylov route, the slowest relaxation rates by ARPACK.
 */
@Command(name = "noise", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Noise spectra S_N(f), S_m(f) and relaxation rates.",
        description = {"Exact noise of the cluster size N (or m, S = N/2 - m):",
                "S_N(0) by the group inverse, S_N(f) on a grid by the Krylov mode expansion,",
                "the slowest relaxation rates (ARPACK), the Lorentzian weights, and the paper's",
                "coefficients S_N(0)/(Var N tau) beside the 1D Fokker-Planck values.",
                "Spectra are two-sided (docs/model.md); a spectrum analyser's one-sided density is 2 S.",
                "Example: qpspin noise --preset aluminium --V 0.001 --N0 30 --plot sN.png"},
        footer = {"", "Exit codes: 0 ok (a fixed --n-max beyond --tol, or rates not converged to --rate-tol, warn on",
                "stderr); 2 bad input, a truncation the automatic growth cannot bring within --tol, or more",
                "--eigenvalues than the chain can deliver (one line on stderr); 3 out of memory."})
public final class NoiseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    TruncationOptions truncation;

    @Option(names = "--observable", paramLabel = "NAME", defaultValue = "N",
            description = "Observable: N, m or S (= N/2 - m) (default ${DEFAULT-VALUE}).")
    String observableName;

    @Option(names = "--omega", paramLabel = "W", split = ",",
            description = "Angular frequencies in rad/s (comma-separated); replaces the f grid.")
    double[] omega;

    @Option(names = "--f-min", paramLabel = "HZ", description = "Lowest frequency in Hz (default 1e-3/(2 pi tau)).")
    Double fMin;

    @Option(names = "--f-max", paramLabel = "HZ", description = "Highest frequency in Hz (default 1e3/(2 pi tau)).")
    Double fMax;

    @Option(names = "--points", paramLabel = "K", defaultValue = "200",
            description = "Number of log-spaced frequencies (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--eigenvalues", paramLabel = "K", defaultValue = "6",
            description = "Number of slowest relaxation rates (ARPACK; dense on small chains), converged in the "
                    + "truncation to --rate-tol (0: skip; default ${DEFAULT-VALUE}).")
    int eigenvalues;

    @Option(names = "--rate-tol", paramLabel = "TOL", defaultValue = "1e-8",
            description = "Relative tolerance of each relaxation rate: the chain grows until every rate changes by "
                    + "less (default ${DEFAULT-VALUE}).")
    double rateTolerance;

    @Option(names = "--route", paramLabel = "R", defaultValue = "auto",
            description = "Spectrum route: auto, modes, direct (default ${DEFAULT-VALUE}; see docs/theory.md).")
    String route;

    @Option(names = "--spectrum-tol", paramLabel = "TOL", defaultValue = "1e-9",
            description = "Relative tolerance of the Krylov route (default ${DEFAULT-VALUE}).")
    double spectrumTolerance;

    @Mixin
    JsonOption json;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write S(f) on log-log axes to FILE (.png or .svg).")
    Path plot;

    @Option(names = "--csv", paramLabel = "FILE.csv",
            description = "Also write the spectrum to FILE.csv (f,omega,S,direct; one header line) and its metadata "
                    + "to FILE.meta.json.")
    Path csv;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        if (plot != null) {
            NoisePlot.checkFileName(plot);
        }
        ModelParameters parameters = model.requiredParameters("noise");
        if (parameters.totalInjectionRate() == 0.0) {
            throw new UsageException("no noise with A = 0: the only stationary state is the empty cluster");
        }
        Observable observable = Observable.byName(observableName);
        SpectrumOptions options = spectrumOptions();
        if (points < 2 && omega == null) {
            throw new UsageException("--points must be >= 2, got " + points);
        }
        if (eigenvalues < 0) {
            throw new UsageException("--eigenvalues must be >= 0, got " + eigenvalues);
        }
        if (!(rateTolerance > 0.0 && rateTolerance < 1.0)) {
            throw new UsageException("--rate-tol must be in (0, 1), got " + rateTolerance);
        }
        if (plot != null) {
            AtomicOutput.check(plot, "--plot");
        }
        checkFrequencies();
        PrintWriter err = spec.commandLine().getErr();
        quiet.report(err, "solving the stationary chain...");
        NoiseSetup setup = NoiseSetup.of(model.rateModel(parameters), truncation, err, quiet.isSet());
        StationaryAnalysis sa = setup.stationary;
        quiet.report(err, String.format(Locale.ROOT, "stationary: %d states, %s, %.2f s", sa.result().states(),
                sa.result().solver(), sa.seconds()));
        NoiseAnalysis analysis = setup.analysis;
        ZeroFrequencyNoise zero = setup.zeroFrequency(observable);
        double[] grid = grid(zero);
        RelaxationConvergence relaxation = null;
        if (eigenvalues > 0) {
            quiet.report(err, "slowest relaxation rates, growing the chain until they change by < "
                    + rateTolerance + "...");
            relaxation = RelaxationConvergence.compute(analysis, eigenvalues, (n, m) -> NoiseSetup.of(sa.rateModel(),
                    n, m, truncation, sa.result().solver()), rateTolerance, RelaxationConvergence.DEFAULT_MAX_GROWTHS,
                    Math.max(4L * sa.result().states(), 100_000L), ProgressBars.listener(err, quiet.isSet()));
            if (!relaxation.converged()) {
                err.printf(Locale.ROOT, "qpspin: warning: the %d slowest relaxation rates did not converge to "
                        + "--rate-tol %.1e in the truncation (%s); their estimated errors are printed beside "
                        + "them%n", eigenvalues, rateTolerance,
                        relaxation.steps().get(relaxation.steps().size() - 1));
                err.flush();
            }
        }
        quiet.report(err, "spectrum at " + grid.length + " frequencies...");
        NoiseSpectrum spectrum = analysis.spectrum(observable, grid,
                options.withProgress(ProgressBars.listener(err, quiet.isSet())));
        if (!spectrum.krylovConverged()) {
            err.printf(Locale.ROOT, "qpspin: warning: the Krylov route did not reach --spectrum-tol %.1e at every "
                    + "frequency (estimated relative error %.1e at Krylov dimension %d); loosen --spectrum-tol or "
                    + "lower --f-max%n", spectrumTolerance, spectrum.estimatedRelativeError(),
                    spectrum.krylovDimension());
            err.flush();
        }
        // the 1D Fokker-Planck diffusion is a limit of the PRL 2020 rates: shown beside that model only
        FokkerPlanckDiffusion fp = observable.name().equals("N") && RateModels.isPrl2020(sa.rateModel())
                ? fokkerPlanck(parameters) : null;
        UsageException plotFailure = null;
        if (plot != null) {
            try {
                NoisePlot.write(spectrum, parameters, String.format(Locale.ROOT, "Exact chain: %d states (nMax = %d, "
                        + "mMax = %d), solver %s", sa.result().states(), sa.result().maxN(), sa.result().maxM(),
                        sa.result().solver()), plot);
            } catch (UsageException e) { // the results are still printed; the failure is reported after them
                plotFailure = e;
            }
        }
        ObjectNode summary = json(sa, zero, spectrum, relaxation, fp, plotFailure == null ? plot : null, setup.verdict);
        if (csv != null) {
            AtomicOutput.report(err, writeCsv(spectrum, csv, summary));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.isSet()) {
            out.println(JsonOutput.write(summary));
        } else {
            printSummary(out, sa, zero, spectrum, relaxation, fp, setup.verdict);
        }
        out.flush();
        if (plotFailure != null) {
            throw plotFailure;
        }
        if (plot != null) {
            AtomicOutput.report(err, java.util.List.of(plot));
        }
        return 0;
    }

    private SpectrumOptions spectrumOptions() {
        SpectrumOptions.Route r;
        switch (route.toLowerCase(Locale.ROOT)) {
            case "auto":
                r = SpectrumOptions.Route.AUTO;
                break;
            case "modes":
                r = SpectrumOptions.Route.MODES;
                break;
            case "direct":
                r = SpectrumOptions.Route.DIRECT;
                break;
            default:
                throw new UsageException("unknown --route '" + route + "'; choose auto, modes or direct");
        }
        if (!(spectrumTolerance > 0.0 && spectrumTolerance < 1.0)) {
            throw new UsageException("--spectrum-tol must be in (0, 1), got " + spectrumTolerance);
        }
        return SpectrumOptions.defaults().withRoute(r).withTolerance(spectrumTolerance);
    }

    /** --omega, --f-min, --f-max as far as they can be checked before the solve (the defaults need tau). */
    private void checkFrequencies() {
        if (omega != null) {
            if (fMin != null || fMax != null) {
                throw new UsageException("give either --omega or --f-min/--f-max, not both");
            }
            for (double w : omega) {
                if (!(w >= 0.0) || !Double.isFinite(w)) {
                    throw new UsageException("--omega values must be finite and >= 0 rad/s, got " + w);
                }
            }
            return;
        }
        if (fMin != null && (!(fMin > 0.0) || !Double.isFinite(2 * Math.PI * fMin))) {
            throw new UsageException("--f-min must be > 0 Hz and 2 pi f-min finite, got " + fMin);
        }
        if (fMax != null && (!(fMax > 0.0) || !Double.isFinite(2 * Math.PI * fMax))) {
            throw new UsageException("--f-max must be > 0 Hz and 2 pi f-max finite, got " + fMax);
        }
        if (fMin != null && fMax != null && !(fMax > fMin)) {
            throw new UsageException("--f-max must be > --f-min, got --f-min " + fMin + ", --f-max " + fMax);
        }
    }

    /** The ω grid: --omega, or log-spaced f from --f-min to --f-max (defaults around the correlation time). */
    private double[] grid(ZeroFrequencyNoise zero) {
        if (omega != null) {
            if (fMin != null || fMax != null) {
                throw new UsageException("give either --omega or --f-min/--f-max, not both");
            }
            for (double w : omega) {
                if (!(w >= 0.0) || !Double.isFinite(w)) {
                    throw new UsageException("--omega values must be finite and >= 0 rad/s, got " + w);
                }
            }
            return omega.clone();
        }
        double tau = zero.correlationTime();
        double corner = Double.isFinite(tau) && tau > 0 ? 1.0 / (2 * Math.PI * tau) : 1.0;
        double lo = fMin != null ? fMin : 1e-3 * corner;
        double hi = fMax != null ? fMax : 1e3 * corner;
        if (!(lo > 0.0) || !Double.isFinite(lo)) {
            throw new UsageException("--f-min must be finite and > 0 Hz, got " + lo);
        }
        if (!(hi > lo) || !Double.isFinite(hi)) {
            throw new UsageException("--f-max must be finite and > --f-min, got " + hi);
        }
        double[] w = new double[points];
        for (int i = 0; i < points; i++) {
            w[i] = 2 * Math.PI * lo * Math.pow(hi / lo, i / (double) (points - 1));
        }
        return w;
    }

    /**
     * Whether the grid integral of S over the grid means anything as a sum rule: at least {@value #SUM_RULE_POINTS}
     * points spanning at least {@value #SUM_RULE_DECADES} decades (the default grid: 200 points, 6 decades around the
     * corner); a short --omega list integrates to an arbitrary number.
     */
    static boolean denseGrid(NoiseSpectrum s) {
        double[] w = s.omega();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0.0;
        for (double x : w) {
            if (x > 0.0) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return w.length >= SUM_RULE_POINTS && hi / lo >= Math.pow(10, SUM_RULE_DECADES);
    }

    static final int SUM_RULE_POINTS = 50;
    static final int SUM_RULE_DECADES = 4;

    /** The 1D Fokker–Planck value beside the exact one (null where it is not defined). */
    static FokkerPlanckDiffusion fokkerPlanck(ModelParameters p) {
        try {
            return FokkerPlanckDiffusion.of(p);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    static void printSummary(PrintWriter out, StationaryAnalysis sa, ZeroFrequencyNoise zero, NoiseSpectrum s,
                             RelaxationConvergence relaxation, FokkerPlanckDiffusion fp,
                             TruncationVerdict verdict) {
        ModelParameters p = sa.parameters();
        Scales sc = Scales.of(p);
        StationaryResult r = sa.result();
        String o = zero.observable();
        out.println("qpspin noise: exact noise of " + o + " (two-sided spectra, docs/model.md; one-sided = 2 S), "
                + StationaryCommand.modelTitle(sa.rateModel()));
        out.println();
        SummaryFormat.printParametersLine(out, p);
        if (!RateModels.isPrl2020(sa.rateModel())) {
            out.println("note         mean field, paper coefficients and Fokker-Planck are limits of the PRL 2020 "
                    + "rates (shown for scale, no Fokker-Planck column)");
        }
        out.printf(Locale.ROOT, "mean field   N0 = %s, regime = %s, zeta_s = %s, zeta_t = %s, t_f = %s s%n",
                g(sa.meanField().meanN()), sa.meanField().regime().label(), g(sc.zetaS()), g(sc.zetaT()),
                g(sc.tripletNoiseTime()));
        out.printf(Locale.ROOT, "stationary   %d states (nMax = %d, mMax = %d), cost %.3g (%s), solver %s%n",
                r.states(), r.maxN(), r.maxM(), r.relativeOmittedFlux(), verdict.toleranceWords(), r.solver());
        out.println("zero frequency");
        out.printf(Locale.ROOT, "  <%s> = %.10g, Var %s = %.10g%n", o, zero.mean(), o, zero.variance());
        out.printf(Locale.ROOT, "  S_%s(0) = %.10g /Hz (two-sided; one-sided %.6g)%n", o, zero.zeroFrequency(),
                zero.oneSidedZeroFrequency());
        out.printf(Locale.ROOT, "  tau = S(0)/(2 Var) = %.6g s%n", zero.correlationTime());
        if (p.hasSpinFlips() && o.equals("N")) {
            out.printf(Locale.ROOT, "  S(0)/(Var tau_s) = %.6g   (paper, SR limit: 0.5)%s%n",
                    zero.zeroFrequency() / (zero.variance() * p.spinFlipTime()),
                    fp == null ? "" : String.format(Locale.ROOT, "   1D Fokker-Planck: %.6g",
                            fp.noiseOverVarianceTimesSpinFlipTime()));
        }
        if (Double.isFinite(sc.tripletNoiseTime()) && o.equals("N")) {
            out.printf(Locale.ROOT, "  S(0)/(Var t_f)   = %.6g   (paper, TA limit: 0.6)%s%n",
                    zero.zeroFrequency() / (zero.variance() * sc.tripletNoiseTime()),
                    fp == null ? "" : String.format(Locale.ROOT, "   1D Fokker-Planck: %.6g",
                            fp.noiseOverVarianceTimesTripletTime()));
        }
        if (relaxation != null) {
            out.printf(Locale.ROOT, "slowest relaxation rates (%s; %s to relative %.0e in the truncation at nMax = "
                    + "%d, mMax = %d, %d states)%n", relaxation.method(), relaxation.converged() ? "converged"
                    : "NOT converged", relaxation.tolerance(), relaxation.nMax(), relaxation.mMax(),
                    relaxation.states());
            double[] rates = relaxation.rates();
            double[] freq = relaxation.frequencies();
            double[] res = relaxation.residuals();
            double[] errs = relaxation.errors();
            for (int k = 0; k < rates.length; k++) {
                out.printf(Locale.ROOT, "  gamma_%d = %.10g s^-1%s   (est. error %.1e, residual %.1e)%n", k + 1,
                        rates[k], freq[k] == 0.0 ? "" : String.format(Locale.ROOT, " %+.4g i", freq[k]), errs[k],
                        res[k]);
            }
        }
        out.println("Lorentzian weights (modes of the expansion carrying > 1e-4 of Var; rates of the stationary "
                + "truncation: the faster ones depend on it, the converged rates are above)");
        for (RelaxationMode m : s.modes()) {
            if (Math.abs(m.weight()) > 1e-4 * s.variance()) {
                out.printf(Locale.ROOT, "  gamma = %.8g s^-1%s, weight = %.6g (%.4f of Var)%n", m.rate(),
                        m.frequency() == 0.0 ? "" : String.format(Locale.ROOT, " %+.4g i", m.frequency()),
                        m.weight(), m.weight() / s.variance());
            }
        }
        out.println("spectrum (every ~20th point; --json for all)");
        double[] f = s.frequencyHz();
        double[] v = s.values();
        int step = Math.max(1, f.length / 10);
        for (int i = 0; i < f.length; i += step) {
            out.printf(Locale.ROOT, "  f = %-12.6g Hz   S = %.8g /Hz%n", f[i], v[i]);
        }
        out.println("diagnostics");
        out.printf(Locale.ROOT, "  route %s, Krylov dimension %d, converged %s, est. rel. error %.1e, direct check %s%n",
                s.route(), s.krylovDimension(), s.krylovConverged(), s.estimatedRelativeError(),
                Double.isNaN(s.verificationError()) ? "not run" : String.format(Locale.ROOT, "%.1e",
                        s.verificationError()));
        if (denseGrid(s)) {
            out.printf(Locale.ROOT, "  sum rule: grid integral / Var = %.6f, modes / Var = %.12f%n", s.sumRuleRatio(),
                    s.modeSumRuleRatio());
        } else {
            out.printf(Locale.ROOT, "  sum rule: modes / Var = %.12f (no grid integral: the grid has %d points, too "
                    + "few or too narrow to integrate S)%n", s.modeSumRuleRatio(), s.omega().length);
        }
        out.printf(Locale.ROOT, "  group-inverse residual %.1e; noise %.3f s, spectrum %.3f s%s%n",
                zero.relativeResidual(), zero.seconds(), s.seconds(), relaxation == null ? ""
                        : String.format(Locale.ROOT, ", relaxation rates %.3f s", relaxation.seconds()));
    }

    /** The columns of {@code --csv}. */
    static final Map<String, String> CSV_COLUMNS = CsvFiles.columns(
            "f", "frequency f = omega / 2 pi",
            "omega", "angular frequency",
            "S", "two-sided spectral density of the observable at omega (docs/model.md)",
            "direct", "1 where S was computed by a direct solve (a check of the Krylov route), else 0");

    static java.util.List<Path> writeCsv(NoiseSpectrum s, Path file, ObjectNode json) {
        double[] w = s.omega();
        double[] f = s.frequencyHz();
        double[] v = s.values();
        boolean[] d = s.direct();
        return CsvFiles.write(file, CSV_COLUMNS, out -> {
            for (int i = 0; i < w.length; i++) {
                out.write(f[i] + "," + w[i] + "," + v[i] + "," + (d[i] ? 1 : 0) + "\n");
            }
        }, json);
    }

    /** The object of {@code --json}, also the sidecar of {@code --csv}. */
    static ObjectNode json(StationaryAnalysis sa, ZeroFrequencyNoise zero, NoiseSpectrum s,
                           RelaxationConvergence relaxation, FokkerPlanckDiffusion fp, Path plot,
                           TruncationVerdict verdict) {
        ObjectNode root = JsonOutput.object("noise");
        ModelParameters p = sa.parameters();
        Scales sc = Scales.of(p);
        StationaryResult r = sa.result();
        root.put("rateModel", sa.rateModel().name());
        root.put("observable", zero.observable());
        root.put("convention", "two-sided: S(w) = int dt e^{iwt} <<x(t)x(0)>>, int S dw/2pi = Var; one-sided = 2S");
        String o = JsonOutput.observableSuffix(zero.observable());
        root.put("s" + o + "0", zero.zeroFrequency());
        root.put("s" + o + "0OneSided", zero.oneSidedZeroFrequency());
        root.put("mean" + o, zero.mean());
        root.put("var" + o, zero.variance());
        root.put("correlationTime", zero.correlationTime());
        root.put("tF", sc.tripletNoiseTime());
        if (o.equals("N")) { // the paper's coefficients are about N
            root.put("coefficientSR", p.hasSpinFlips() ? zero.zeroFrequency() / (zero.variance()
                    * p.spinFlipTime()) : Double.NaN);
            root.put("coefficientTA", zero.zeroFrequency() / (zero.variance() * sc.tripletNoiseTime()));
        }
        if (fp != null) {
            ObjectNode f = root.putObject("fokkerPlanck");
            f.put("sN0", fp.zeroFrequencyNoise());
            f.put("coefficientSR", fp.noiseOverVarianceTimesSpinFlipTime());
            f.put("coefficientTA", fp.noiseOverVarianceTimesTripletTime());
        }
        ArrayNode eig = root.putArray("slowestEigenvalues");
        if (relaxation != null) {
            double[] rates = relaxation.rates();
            double[] freq = relaxation.frequencies();
            double[] res = relaxation.residuals();
            for (int k = 0; k < rates.length; k++) {
                ObjectNode e = eig.addObject();
                e.put("rate", rates[k]);
                e.put("frequency", freq[k]);
                e.put("residual", res[k]);
                e.put("estimatedError", relaxation.errors()[k]);
            }
            ObjectNode rc = root.putObject("relaxationConvergence");
            rc.put("converged", relaxation.converged());
            rc.put("tolerance", relaxation.tolerance());
            rc.put("nMax", relaxation.nMax());
            rc.put("mMax", relaxation.mMax());
            rc.put("states", relaxation.states());
            rc.put("method", relaxation.method());
            ArrayNode steps = rc.putArray("steps");
            relaxation.steps().forEach(steps::add);
        }
        ArrayNode modes = root.putArray("modes");
        for (RelaxationMode m : s.modes()) {
            ObjectNode e = modes.addObject();
            e.put("rate", m.rate());
            e.put("frequency", m.frequency());
            e.put("weight", m.weight());
            e.put("weightImaginary", m.weightImaginary());
        }
        ArrayNode spectrum = root.putArray("spectrum");
        double[] w = s.omega();
        double[] f = s.frequencyHz();
        double[] v = s.values();
        boolean[] d = s.direct();
        for (int i = 0; i < w.length; i++) {
            ObjectNode e = spectrum.addObject();
            e.put("f", f[i]);
            e.put("omega", w[i]);
            e.put("S", v[i]);
            e.put("direct", d[i]);
        }
        ObjectNode diag = root.putObject("diagnostics");
        diag.put("route", s.route());
        diag.put("krylovDimension", s.krylovDimension());
        diag.put("krylovConverged", s.krylovConverged());
        diag.put("estimatedRelativeError", s.estimatedRelativeError());
        diag.put("verificationError", s.verificationError());
        if (denseGrid(s)) {
            diag.put("sumRuleRatio", s.sumRuleRatio());
        } else {
            diag.putNull("sumRuleRatio");
        }
        diag.put("modeSumRuleRatio", s.modeSumRuleRatio());
        diag.put("highFrequencyCoefficient", s.highFrequencyCoefficient());
        diag.put("groupInverseResidual", zero.relativeResidual());
        diag.put("noiseSeconds", zero.seconds());
        diag.put("spectrumSeconds", s.seconds());
        if (relaxation != null) {
            diag.put("arpackSeconds", relaxation.seconds());
            diag.put("arpackImplementation", relaxation.method());
        }
        ObjectNode st = root.putObject("stationary");
        st.put("states", r.states());
        st.put("nMax", r.maxN());
        st.put("mMax", r.maxM());
        st.put("meanN", r.meanN());
        st.put("varN", r.varianceN());
        st.put("relativeOmittedFlux", r.relativeOmittedFlux());
        verdict.putJson(st);
        st.put("solver", r.solver());
        st.put("seconds", sa.seconds());
        JsonOutput.putParameters(root, p).put("rateModel", sa.rateModel().name());
        ObjectNode mf = root.putObject("meanField");
        mf.put("N0", sa.meanField().meanN());
        mf.put("m0", sa.meanField().meanM());
        mf.put("regime", sa.meanField().regime().label());
        if (plot != null) {
            root.put("plot", plot.toString());
        }
        return root;
    }
}
