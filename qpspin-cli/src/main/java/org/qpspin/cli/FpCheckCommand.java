package org.qpspin.cli;

import static org.qpspin.cli.SummaryFormat.g;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qpspin.crosscheck.ExactVsFokkerPlanck;
import org.qpspin.fokkerplanck.FokkerPlanckComparison;
import org.qpspin.fokkerplanck.FokkerPlanckDiffusion;
import org.qpspin.fokkerplanck.FokkerPlanckDistribution;
import org.qpspin.meanfield.MeanFieldStationaryPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Scales;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qpspin fp-check}: the exact P(N) of one parameter set against Eq. 7, its diffusion and mean field. */
@Command(name = "fp-check", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Exact P(N) against the Fokker-Planck P(N) of Eq. 7.",
        description = {"Exact stationary P(N) against the Fokker-Planck distribution of Eq. 7: total-variation and",
                "Kolmogorov distances, relative errors of <N>, <N^2>, Var N; the 1D diffusion's S_N(0); the mean-field",
                "points of Eqs. 3-4 and 1-2 with their stability.",
                "Without model options: the built-in example --N0 20 --V 0.01 --gamma 1 --gamma-t 0 --tau-s 1 (SR, zeta_s = 0.01).",
                "Example: qpspin fp-check --preset aluminium --V 0.002 --N0 25 --plot pn.png"},
        footer = {"", "Exit codes: 0 ok; 2 bad input or a truncation beyond the tolerance."})
public final class FpCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--tol", paramLabel = "TOL", defaultValue = "1e-10",
            description = "Truncation tolerance on omitted flux / AV (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = "auto",
            description = "Stationary solver (default ${DEFAULT-VALUE}).")
    String solverName;

    @Mixin
    JsonOption json;

    @Mixin
    QuietOption quiet;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Write P(N) exact vs Eq. 7 on linear and log scales to FILE (.png or .svg).")
    Path plot;

    @Override
    public Integer call() {
        model.requirePrl2020("fp-check (Eq. 7, the Fokker-Planck distribution)");
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
        }
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new UsageException("--tol must be in (0, 1), got " + tolerance);
        }
        ModelParameters p = model.isEmpty() ? ModelParameters.withMeanFieldN0(20.0, 0.01, 1.0, 0.0, 1.0)
                : model.parameters();
        if (p.totalInjectionRate() == 0.0) {
            throw new UsageException("fp-check needs A > 0: with A = 0 the cluster is empty and Eq. 7 has no meaning");
        }
        if (plot != null) {
            AtomicOutput.check(plot, "--plot");
        }
        ExactVsFokkerPlanck e;
        try {
            e = ExactVsFokkerPlanck.of(p, Truncation.automatic(tolerance), StationarySolvers.byName(solverName)
                    .withProgress(ProgressBars.listener(spec.commandLine().getErr(), quiet.isSet())));
        } catch (org.qpspin.truncation.TruncationException t) {
            throw new UsageException("the exact chain is out of reach for fp-check (it has no state cap option): "
                    + t.getMessage().replace("; raise the state cap or the tolerance", "; lower --N0 or raise --tol"));
        }
        if (plot != null) {
            plot(e, plot);
            AtomicOutput.report(spec.commandLine().getErr(), List.of(plot));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.isSet() ? toJson(e) : summary(e));
        out.flush();
        return 0;
    }

    static String summary(ExactVsFokkerPlanck e) {
        ModelParameters p = e.parameters();
        Scales s = Scales.of(p);
        StationaryResult r = e.exactResult();
        FokkerPlanckComparison c = e.comparison();
        FokkerPlanckDistribution d = e.eq7();
        FokkerPlanckDiffusion fp = e.diffusion();
        MeanFieldStationaryPoint full = e.fullMeanField();
        StringBuilder b = new StringBuilder();
        b.append("qpspin fp-check: exact P(N) vs the Fokker-Planck distribution (Eq. 7), PRL 2020 rate model (prl2020)\n\n");
        b.append(String.format(Locale.ROOT, "parameters   %s%n", p));
        b.append(String.format(Locale.ROOT, "scales       zeta_s = %s, zeta_t = %s, Nc = %s, regime = %s%n",
                g(s.zetaS()), g(s.zetaT()), g(s.criticalClusterSize()), e.meanField().regime().label()));
        b.append(String.format(Locale.ROOT, "mean field   Eqs. 3-4: N0 = %s, m0 = %s;  Eqs. 1-2: N* = %s, m* = %s%n",
                g(e.n0()), g(e.meanField().meanM()), g(full.meanN()), g(full.meanM())));
        b.append(String.format(Locale.ROOT, "             eigenvalues %s, %s s^-1 (%s)%n", g(full.eigenvaluesReal()[0]),
                g(full.eigenvaluesReal()[1]), full.isStable() ? "stable" : "UNSTABLE"));
        b.append(String.format(Locale.ROOT, "%n%-14s %16s %16s %12s%n", "", "exact", "Eq. 7", "rel. error"));
        b.append(String.format(Locale.ROOT, "%-14s %16.10g %16.10g %12.4g%n", "<N>", c.exactMean(), c.approximateMean(),
                c.meanRelativeError()));
        b.append(String.format(Locale.ROOT, "%-14s %16.10g %16.10g %12.4g%n", "<N^2>", c.exactSecondMoment(),
                c.approximateSecondMoment(), c.secondMomentRelativeError()));
        b.append(String.format(Locale.ROOT, "%-14s %16.10g %16.10g %12.4g%n", "Var N", c.exactVariance(),
                c.approximateVariance(), c.varianceRelativeError()));
        b.append(String.format(Locale.ROOT, "%-14s %16.10g %16s%n", "<m>/<N>", e.exactFlippedFraction(), "-"));
        FokkerPlanckComparison rc = e.refinedComparison();
        b.append(String.format(Locale.ROOT, "%n distances    TV = %.4g, Kolmogorov = %.4g%n", c.totalVariation(),
                c.kolmogorov()));
        b.append(String.format(Locale.ROOT, " refined FP   (drift AV/(N+1) - 2N/tau_s - Gamma_t N^2/V, 2D = AV + 4N/tau_s + 2Gamma_t N^2/V):"
                        + "%n              <N> = %.10g (%.3g), Var N = %.10g (%.3g), TV = %.4g, S_N(0) = %s%n",
                rc.approximateMean(), rc.meanRelativeError(), rc.approximateVariance(), rc.varianceRelativeError(),
                rc.totalVariation(), g(e.refined().zeroFrequencyNoise())));
        b.append(String.format(Locale.ROOT, " Eq. 7        triplet weight w = %s (0 SR, 1 TA), <N>/N0 = %s, <N^2>/N0^2 = %s,"
                        + " quadrature error %.1g%n", g(d.tripletWeight()), g(d.meanOverMode()),
                g(d.secondMomentOverModeSquared()), d.quadratureError()));
        b.append(String.format(Locale.ROOT, " 1D diffusion S_N(0) = %s particles^2 s (two-sided), tau_N = %s s",
                g(fp.zeroFrequencyNoise()), g(fp.correlationTime())));
        if (p.hasSpinFlips()) {
            b.append(String.format(Locale.ROOT, ", S/(Var tau_s) = %s", g(fp.noiseOverVarianceTimesSpinFlipTime())));
        }
        if (p.tripletRate() > 0.0) {
            b.append(String.format(Locale.ROOT, ", S/(Var t_f) = %s", g(fp.noiseOverVarianceTimesTripletTime())));
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, " exact solve  %d states (nMax %d, mMax %d), %s, omitted flux/AV %.3g, "
                        + "residual %.3g, %.3f s", r.states(), r.maxN(), r.maxM(), r.solver(), r.relativeOmittedFlux(),
                r.relativeResidual(), e.exact().seconds()));
        return b.toString();
    }

    static String toJson(ExactVsFokkerPlanck e) {
        ObjectNode root = JsonOutput.object("fp-check");
        root.put("rateModel", e.exact().rateModel().name());
        ModelParameters p = e.parameters();
        JsonOutput.putParameters(root, p);
        Scales s = Scales.of(p);
        root.put("zetaS", s.zetaS());
        root.put("zetaT", s.zetaT());
        FokkerPlanckComparison c = e.comparison();
        ObjectNode cmp = root.putObject("comparison");
        cmp.put("totalVariation", c.totalVariation());
        cmp.put("kolmogorov", c.kolmogorov());
        cmp.put("exactMeanN", c.exactMean());
        cmp.put("exactMeanN2", c.exactSecondMoment());
        cmp.put("exactVarN", c.exactVariance());
        cmp.put("eq7MeanN", c.approximateMean());
        cmp.put("eq7MeanN2", c.approximateSecondMoment());
        cmp.put("eq7VarN", c.approximateVariance());
        cmp.put("meanRelativeError", c.meanRelativeError());
        cmp.put("secondMomentRelativeError", c.secondMomentRelativeError());
        cmp.put("varianceRelativeError", c.varianceRelativeError());
        cmp.put("exactFlippedFraction", e.exactFlippedFraction());
        cmp.put("exactEnhancement", e.exactEnhancement());
        FokkerPlanckComparison rc = e.refinedComparison();
        ObjectNode ref = root.putObject("refined");
        ref.put("meanN", rc.approximateMean());
        ref.put("varN", rc.approximateVariance());
        ref.put("meanRelativeError", rc.meanRelativeError());
        ref.put("varianceRelativeError", rc.varianceRelativeError());
        ref.put("totalVariation", rc.totalVariation());
        ref.put("kolmogorov", rc.kolmogorov());
        ref.put("sN0", e.refined().zeroFrequencyNoise());
        ObjectNode fp = root.putObject("fokkerPlanck");
        fp.put("mode", e.eq7().mode());
        fp.put("tripletWeight", e.eq7().tripletWeight());
        fp.put("quadratureError", e.eq7().quadratureError());
        fp.put("sN0", e.diffusion().zeroFrequencyNoise());
        fp.put("correlationTime", e.diffusion().correlationTime());
        fp.put("noiseQuadratureError", e.diffusion().noiseQuadratureError());
        ObjectNode mf = root.putObject("meanField");
        mf.put("N0", e.n0());
        mf.put("m0", e.meanField().meanM());
        mf.put("regime", e.meanField().regime().label());
        MeanFieldStationaryPoint full = e.fullMeanField();
        mf.put("fullN", full.meanN());
        mf.put("fullM", full.meanM());
        mf.put("eigenvalue1", full.eigenvaluesReal()[0]);
        mf.put("eigenvalue2", full.eigenvaluesReal()[1]);
        mf.put("eigenvalueImag", full.eigenvaluesImaginary()[0]);
        mf.put("stable", full.isStable());
        StationaryResult r = e.exactResult();
        ObjectNode ex = root.putObject("exact");
        ex.put("states", r.states());
        ex.put("nMax", r.maxN());
        ex.put("mMax", r.maxM());
        ex.put("solver", r.solver());
        ex.put("relativeOmittedFlux", r.relativeOmittedFlux());
        ex.put("relativeResidual", r.relativeResidual());
        ex.put("seconds", e.exact().seconds());
        return JsonOutput.write(root);
    }

    /** Two panels: P(N) linear and log, exact (markers) vs Eq. 7 and the refined diffusion (lines). */
    static Path plot(ExactVsFokkerPlanck e, Path file) {
        double[] exact = e.exactResult().marginalN();
        FokkerPlanckDistribution d = e.eq7();
        int top = exact.length - 1;
        double[] q = d.probabilities(top);
        double[] refined = e.refined().probabilities(top);
        List<PlotTheme.Panel> panels = new ArrayList<>();
        for (boolean log : new boolean[] {false, true}) {
            PlotTheme.Panel panel = PlotTheme.panel(log ? "P(N), log scale" : "P(N), linear scale",
                    "cluster size N (quasiparticles)", false, "probability P(N)", log, 760, 600);
            int count = 0;
            double floor = 1e-16;
            double[] xs = new double[top];
            double[] ys = new double[top];
            double[] qs = new double[top];
            double[] rs = new double[top];
            for (int n = 1; n <= top; n++) {
                if (log && (exact[n] < floor || q[n] < floor || refined[n] < floor)) {
                    continue;
                }
                xs[count] = n;
                ys[count] = exact[n];
                qs[count] = q[n];
                rs[count++] = refined[n];
            }
            xs = java.util.Arrays.copyOf(xs, count);
            panel.points("exact master equation", xs, java.util.Arrays.copyOf(ys, count), PlotTheme.PALETTE[0],
                    org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
            panel.line("Eq. 7 (Fokker–Planck)", xs, java.util.Arrays.copyOf(qs, count), PlotTheme.PALETTE[1],
                    PlotTheme.SOLID);
            panel.line("refined diffusion", xs, java.util.Arrays.copyOf(rs, count), PlotTheme.PALETTE[2],
                    PlotTheme.DASHED);
            panel.chart().getStyler().setMarkerSize(5);
            panels.add(panel);
        }
        String caption = PlotTheme.parameters(e.parameters()) + String.format(Locale.ROOT,
                ". Mean-field N0 = %s; exact chain %d states; TV distance exact vs Eq. 7 = %s, KS = %s.",
                PlotTheme.number(e.n0()), e.exactResult().states(), PlotTheme.number(e.comparison().totalVariation()),
                PlotTheme.number(e.comparison().kolmogorov()));
        return PlotTheme.grid(caption, panels, 1, 2).save(file);
    }
}
