package org.qpspin.cli;

import static org.qpspin.cli.SummaryFormat.g;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Scales;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.RateModels;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;
import org.qpspin.truncation.TruncationAttempt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin stationary}: the exact stationary distribution P(N, m) of the cluster chain, its moments and the
 * cost of its truncation. Automatic truncation to {@code --tol} by default; {@code --n-max/--m-max} for a fixed one.
 */
@Command(name = "stationary", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Exact stationary P(N, m), moments, truncation cost.",
        description = {"Exact stationary distribution P(N, m) of the PRL 2020 cluster chain: <N>, <N^2>, Var N, <m>,",
                "with the truncation cost (omitted flux / AV) and the solver's residual.",
                "Example: qpspin stationary --preset aluminium --V 0.001 --N0 100"},
        footer = {"", "Exit codes: 0 ok; 2 bad input or a truncation cost beyond the tolerance (one line on stderr)."})
public final class StationaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    TruncationOptions truncationOptions;

    @Mixin
    JsonOption json;

    @Option(names = "--csv", paramLabel = "DIR", description = "Also write P(N) to DIR/pN.csv and P(N,m) to DIR/pNm.csv (metadata: *.meta.json).")
    Path csvDirectory;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also plot P(N) (linear and log) and the P(N, m) heat map to FILE (.png or .svg).")
    Path plot;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
        }
        ModelParameters parameters = model.requiredParameters("stationary");
        Truncation truncation = truncationOptions.truncation();
        PrintWriter err = spec.commandLine().getErr();
        StationarySolver solver = truncationOptions.solver().withProgress(ProgressBars.listener(err, quiet.isSet()));
        if (csvDirectory != null) {
            if (csvDirectory.toString().isEmpty()) {
                throw new UsageException("--csv needs a directory name, got ''");
            }
            AtomicOutput.check(csvDirectory.resolve("pN.csv"), "--csv");
            AtomicOutput.check(csvDirectory.resolve("pNm.csv"), "--csv");
        }
        StationaryAnalysis analysis = StationaryAnalysis.solve(model.rateModel(parameters),
                truncation, solver, quiet.isSet() ? null : new StderrProgress(err));
        TruncationVerdict verdict = TruncationVerdict.of(analysis, truncationOptions.tolerance);
        if (csvDirectory != null) {
            AtomicOutput.report(err, writeCsv(analysis.result(), csvDirectory, json(analysis, csvDirectory, plot, verdict)));
        }
        if (plot != null) {
            AtomicOutput.report(err, List.of(ResultPlots.stationary(analysis, plot)));
        }
        verdict.warn(err, "<N>, Var N and P(N, m)");
        PrintWriter out = spec.commandLine().getOut();
        if (json.isSet()) {
            out.println(toJson(analysis, csvDirectory, plot, verdict));
        } else {
            printSummary(out, analysis, verdict);
        }
        out.flush();
        return 0;
    }

    /** Progress lines for solves that take a noticeable time (≥ {@value #PROGRESS_STATES} states or ≥ 1 s). */
    private static final class StderrProgress implements StationaryAnalysis.Progress {
        private final PrintWriter err;

        StderrProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void solving(int nMax, int mMax, int states, String solver) {
            if (states >= PROGRESS_STATES) {
                err.printf(Locale.ROOT, "qpspin: solving nMax=%d mMax=%d (%d states) with %s...%n", nMax, mMax, states,
                        solver);
                err.flush();
            }
        }

        @Override
        public void solved(TruncationAttempt attempt) {
            if (attempt.states() >= PROGRESS_STATES || attempt.seconds() >= 1.0) {
                err.println("qpspin: " + attempt);
                err.flush();
            }
        }
    }

    /** Attempts with at least this many states print progress lines. */
    static final int PROGRESS_STATES = 50_000;

    /** "PRL 2020 rate model" or "exact-spin rate model": the model as every summary's first line names it. */
    static String modelTitle(RateModel model) {
        return RateModels.isPrl2020(model) ? "PRL 2020 rate model (prl2020)" : model.name() + " rate model";
    }

    /** The caveat printed where the mean-field m0 exceeds N0/4. */
    static final String M0_CAVEAT = "caveat: m0 > N0/4, outside the paper's m << N (Eqs. 3-4 expand in m/N): the "
            + "mean-field m0 and regime are indicative only; the exact <m> below is not affected";

    /** Whether the mean-field m0 exceeds N0/4 (where the paper's m ≪ N expansion is stretched). */
    static boolean strongPolarization(MeanFieldFixedPoint mf) {
        return mf.meanM() > 0.25 * mf.meanN();
    }

    /** The readable summary. */
    static void printSummary(PrintWriter out, StationaryAnalysis a, TruncationVerdict verdict) {
        ModelParameters p = a.parameters();
        Scales s = Scales.of(p);
        MeanFieldFixedPoint mf = a.meanField();
        StationaryResult r = a.result();
        out.println("qpspin stationary: " + modelTitle(a.rateModel()) + ", exact stationary distribution P(N, m)");
        out.println();
        out.println("parameters");
        out.printf(Locale.ROOT, "  A       = %s s^-1 um^-3   (injection)%n", g(p.injectionRate()));
        out.printf(Locale.ROOT, "  V       = %s um^3%n", g(p.volume()));
        out.printf(Locale.ROOT, "  Gamma   = %s s^-1 um^3    (singlet)%n", g(p.singletRate()));
        out.printf(Locale.ROOT, "  Gamma_t = %s s^-1 um^3    (triplet)%n", g(p.tripletRate()));
        out.printf(Locale.ROOT, "  tau_s   = %s s            (spin flip)%n", g(p.spinFlipTime()));
        out.println("scales");
        out.printf(Locale.ROOT, "  Vc = %s um^3, Ac = %s s^-1 um^-3, Nc = %s, c0 V = %s, zeta_s = %s, zeta_t = %s%n",
                g(s.criticalVolume()), g(s.criticalInjectionRate()), g(s.criticalClusterSize()),
                g(s.unpolarizedClusterSize()), g(s.zetaS()), g(s.zetaT()));
        out.println(RateModels.isPrl2020(a.rateModel()) ? "mean field (Eqs. 3-4)"
                : "mean field (Eqs. 3-4 of the PRL 2020 rates, for scale: not a limit of " + a.rateModel().name() + ")");
        out.printf(Locale.ROOT, "  N0 = %s, m0 = %s, regime = %s%n", g(mf.meanN()), g(mf.meanM()),
                mf.regime().label());
        if (strongPolarization(mf)) {
            out.println("  " + M0_CAVEAT);
        }
        out.println("truncation");
        out.printf(Locale.ROOT, "  %s: %d attempt(s)%n", a.truncation(), a.attempts().size());
        for (TruncationAttempt t : a.attempts()) {
            out.printf(Locale.ROOT, "    nMax = %d, mMax = %d, states = %d, cost = %.3g%n", t.nMax(), t.mMax(),
                    t.states(), t.relativeOmittedFlux());
        }
        out.println("result");
        out.printf(Locale.ROOT, "  states        = %d (nMax = %d, mMax = %d)%n", r.states(), r.maxN(), r.maxM());
        out.printf(Locale.ROOT, "  <N>           = %.12g%n", r.meanN());
        out.printf(Locale.ROOT, "  <N^2>         = %.12g%n", r.meanN2());
        out.printf(Locale.ROOT, "  Var N         = %.12g%n", r.varianceN());
        out.printf(Locale.ROOT, "  <m>           = %.12g%n", r.meanM());
        out.printf(Locale.ROOT, "  <N>/N0        = %s, <N^2>/N0^2 = %s%n", g(r.meanN() / mf.meanN()),
                g(r.meanN2() / (mf.meanN() * mf.meanN())));
        out.println("diagnostics");
        out.printf(Locale.ROOT, "  residual      = %.3g s^-1 (|L p|_1; relative %.3g)%n", r.residual(),
                r.relativeResidual());
        out.printf(Locale.ROOT, "  boundary mass = %.3g (outer level %.3g, outer m column %.3g)%n", r.boundaryMass(),
                r.outerLevelMass(), r.outerColumnMass());
        out.printf(Locale.ROOT, "  omitted flux  = %.3g s^-1 = %.3g AV (%s)%n", r.omittedFlux(),
                r.relativeOmittedFlux(), verdict.toleranceWords());
        out.printf(Locale.ROOT, "  error scale   = %s%s%n", verdict.errorScaleWords(), Double.isNaN(verdict.errorScale)
                ? "" : " (estimated truncation error of <N> and <m>: 4/3 x cost x Var N)");
        out.printf(Locale.ROOT, "  solver        = %s, %.3f s solve, %.3f s total, %s dense kernel%n", r.solver(),
                r.seconds(), a.seconds(), StationarySolvers.denseKernel());
        if (a.note() != null) {
            out.println("note: " + a.note());
        }
    }

    /** The JSON object of {@code --json}. */
    static String toJson(StationaryAnalysis a, Path csvDirectory, Path plot, TruncationVerdict verdict) {
        return JsonOutput.write(json(a, csvDirectory, plot, verdict));
    }

    /** The object of {@code --json}, also the sidecar of the CSV files. */
    static ObjectNode json(StationaryAnalysis a, Path csvDirectory, Path plot, TruncationVerdict verdict) {
        ObjectNode root = JsonOutput.object("stationary");
        StationaryResult r = a.result();
        root.put("rateModel", a.rateModel().name());
        root.put("states", r.states());
        root.put("nMax", r.maxN());
        root.put("mMax", r.maxM());
        root.put("meanN", r.meanN());
        root.put("meanN2", r.meanN2());
        root.put("varN", r.varianceN());
        root.put("meanM", r.meanM());
        root.put("varM", r.varianceM());
        root.put("residual", r.residual());
        root.put("relativeResidual", r.relativeResidual());
        root.put("boundaryMass", r.boundaryMass());
        root.put("outerLevelMass", r.outerLevelMass());
        root.put("outerColumnMass", r.outerColumnMass());
        root.put("omittedFlux", r.omittedFlux());
        root.put("relativeOmittedFlux", r.relativeOmittedFlux());
        if (Double.isNaN(verdict.errorScale)) {
            root.putNull("truncationErrorScale");
        } else {
            root.put("truncationErrorScale", verdict.errorScale);
        }
        root.put("solver", r.solver());
        root.put("denseKernel", StationarySolvers.denseKernel());
        root.put("seconds", r.seconds());
        root.put("totalSeconds", a.seconds());
        ModelParameters p = a.parameters();
        ObjectNode par = JsonOutput.putParameters(root, p);
        par.put("rateModel", a.rateModel().name());
        Scales s = Scales.of(p);
        ObjectNode sc = root.putObject("scales");
        sc.put("Vc", s.criticalVolume());
        sc.put("Ac", s.criticalInjectionRate());
        sc.put("Nc", s.criticalClusterSize());
        sc.put("c0", s.unpolarizedDensity());
        sc.put("NUnpolarized", s.unpolarizedClusterSize());
        sc.put("zetaS", s.zetaS());
        sc.put("zetaT", s.zetaT());
        sc.put("tF", s.tripletNoiseTime());
        ObjectNode mf = root.putObject("meanField");
        mf.put("N0", a.meanField().meanN());
        mf.put("m0", a.meanField().meanM());
        mf.put("regime", a.meanField().regime().label());
        if (strongPolarization(a.meanField())) {
            mf.put("caveat", M0_CAVEAT);
        }
        ObjectNode tr = root.putObject("truncation");
        tr.put("automatic", a.truncation().isAutomatic());
        tr.put("band", a.truncation().isBand());
        tr.put("windows", a.truncation().isWindows());
        tr.put("tolerance", verdict.tolerance);
        tr.put("withinTolerance", verdict.withinTolerance);
        ArrayNode history = tr.putArray("attempts");
        for (TruncationAttempt t : a.attempts()) {
            ObjectNode h = history.addObject();
            h.put("nMax", t.nMax());
            h.put("mMax", t.mMax());
            h.put("states", t.states());
            h.put("relativeOmittedFlux", t.relativeOmittedFlux());
            h.put("outerLevelMass", t.outerLevelMass());
            h.put("outerColumnMass", t.outerColumnMass());
            h.put("solver", t.solver());
            h.put("seconds", t.seconds());
        }
        if (a.note() != null) {
            root.put("note", a.note());
        }
        if (csvDirectory != null) {
            root.put("csvDirectory", csvDirectory.toString());
        }
        if (plot != null) {
            root.put("plot", plot.toString());
        }
        return root;
    }

    /** The columns of pN.csv. */
    static final Map<String, String> PN_COLUMNS = CsvFiles.columns(
            "N", "cluster size", "P", "stationary probability P(N) (marginal over m)");

    /** The columns of pNm.csv. */
    static final Map<String, String> PNM_COLUMNS = CsvFiles.columns(
            "N", "cluster size", "m", "flipped spins", "P", "stationary probability P(N, m)");

    /**
     * P(N) to dir/pN.csv ("N,P") and P(N, m) to dir/pNm.csv ("N,m,P"), doubles in round-trip form, one header line
     * each, with the sidecars pN.meta.json and pNm.meta.json ({@code json}: the {@code --json} object).
     */
    static List<Path> writeCsv(StationaryResult r, Path dir, ObjectNode json) {
        double[] pn = r.marginalN();
        List<Path> written = new ArrayList<>(CsvFiles.write(dir.resolve("pN.csv"), PN_COLUMNS, w -> {
            for (int n = 0; n < pn.length; n++) {
                w.write(n + "," + pn[n] + "\n");
            }
        }, json));
        StateSpace space = r.space();
        double[] p = r.probabilitiesView();
        written.addAll(CsvFiles.write(dir.resolve("pNm.csv"), PNM_COLUMNS, w -> {
            for (int i = 0; i < p.length; i++) {
                w.write(space.levelOf(i) + "," + space.mOf(i) + "," + p[i] + "\n");
            }
        }, json));
        return written;
    }
}
