package org.qpspin.cli;

import static org.qpspin.cli.SummaryFormat.g;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qpspin.crosscheck.ConvergenceStudy;
import org.qpspin.crosscheck.ConvergenceStudy.Limit;
import org.qpspin.crosscheck.ConvergenceStudy.Metric;
import org.qpspin.crosscheck.ExactVsFokkerPlanck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code qpspin fp-convergence}: how fast the exact P(N) approaches Eq. 7 along N0 → ∞ and along ζ → 0. */
@Command(name = "fp-convergence", mixinStandardHelpOptions = true, sortOptions = false,
        header = "How fast the exact P(N) approaches Eq. 7 as N0 grows.",
        description = {"Convergence of the exact P(N) to Eq. 7 along four paths: N0 growing at fixed zeta (SR and TA)",
                "and zeta = m0/N0 falling at fixed N0 (SR and TA); fits gap = g_inf + C x^p (x = 1/N0 or zeta).",
                "SR path: Gamma = 1, Gamma_t = 0, tau_s = 1, V = zeta; TA path: tau_s = inf, V = 1, Gamma_t = 2 zeta/N0.",
                "Example: qpspin fp-convergence --N0 10,20,40,80 --zeta 0.001 --plot conv.png",
                "The same study point by point on Apache Spark (resumable): qpspin sweep fp-convergence --out DIR ... (docs/sweep.md)."},
        footer = {"", "Exit codes: 0 ok; 2 bad input."})
public final class FpConvergenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FpConvergenceOptions options;

    @Mixin
    FpConvergenceOutput output;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        output.checkPlotName();
        List<FpConvergencePath> paths = options.paths();
        output.checkPlotFile();
        PrintWriter err = spec.commandLine().getErr();
        List<PathView> views = new ArrayList<>();
        long points = paths.stream().mapToLong(FpConvergencePath::size).sum();
        try (ProgressBars.Bar bar = ProgressBars.steps(err, quiet.isSet(), "fp-convergence", points)) {
            // a bar on a terminal, else the progress lines
            java.util.function.Consumer<String> progress = ProgressBars.enabled(quiet.isSet()) ? line -> bar.step()
                    : quiet.progressTo(err);
            for (FpConvergencePath path : paths) {
                views.add(PathView.of(path.compute(progress)));
            }
        } catch (org.qpspin.truncation.TruncationException t) {
            throw new UsageException("an exact chain of the study is out of reach (fp-convergence has no state cap "
                    + "option; lower the largest --n0 or --fixed-n0): " + t.getMessage().replace(
                    "; raise the state cap or the tolerance", ""));
        }
        output.write(views, spec.commandLine().getOut(), err);
        return 0;
    }

    /** One point of a path: what the table, the JSON and the plot show of it. */
    record PointView(double n0, double zeta, long states, double exactFlippedFraction, double[] metrics,
                     String solver) {

        /** The value of {@code m} (the metrics are in {@link Metric} order). */
        double metric(Metric m) {
            return metrics[m.ordinal()];
        }

        static PointView of(ExactVsFokkerPlanck e, double zeta) {
            double[] m = new double[Metric.values().length];
            for (Metric metric : Metric.values()) {
                m[metric.ordinal()] = metric.of(e.comparison());
            }
            return new PointView(e.n0(), zeta, e.exactResult().states(), e.exactFlippedFraction(), m,
                    e.exactResult().solver());
        }

        /** From {@code qpspin fp-check --json} of the same chain (its fields of the same values). */
        static PointView ofFpCheck(JsonNode fpCheck, double zeta) {
            JsonNode c = fpCheck.path("comparison");
            double[] m = new double[Metric.values().length];
            m[Metric.TOTAL_VARIATION.ordinal()] = JsonOutput.number(c.get("totalVariation"));
            m[Metric.KOLMOGOROV.ordinal()] = JsonOutput.number(c.get("kolmogorov"));
            m[Metric.MEAN.ordinal()] = JsonOutput.number(c.get("meanRelativeError"));
            m[Metric.SECOND_MOMENT.ordinal()] = JsonOutput.number(c.get("secondMomentRelativeError"));
            m[Metric.VARIANCE.ordinal()] = JsonOutput.number(c.get("varianceRelativeError"));
            return new PointView(JsonOutput.number(fpCheck.path("meanField").get("N0")), zeta,
                    fpCheck.path("exact").path("states").asLong(),
                    JsonOutput.number(c.get("exactFlippedFraction")), m,
                    fpCheck.path("exact").path("solver").asText());
        }
    }

    /** One path: regime, direction, the fixed value, x and the points; fits as {@link ConvergenceStudy}'s. */
    record PathView(Limit limit, boolean isAlongN0, double fixedValue, double[] variable, List<PointView> points) {

        static PathView of(ConvergenceStudy s) {
            List<PointView> p = new ArrayList<>();
            double[] z = s.zetas();
            for (int i = 0; i < z.length; i++) {
                p.add(PointView.of(s.points().get(i), z[i]));
            }
            return new PathView(s.limit(), s.isAlongN0(), s.fixedValue(), s.variable(), p);
        }

        /** The path of {@code path} whose points' comparisons are the fp-check outputs {@code fpChecks}. */
        static PathView of(FpConvergencePath path, List<JsonNode> fpChecks) {
            double[] n0 = path.n0s();
            double[] z = path.zetas();
            double[] x = new double[n0.length];
            List<PointView> p = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                x[i] = path.alongN0() ? 1.0 / n0[i] : z[i];
                p.add(PointView.ofFpCheck(fpChecks.get(i), z[i]));
            }
            return new PathView(path.limit(), path.alongN0(), path.fixedValue(), x, p);
        }

        double[] values(Metric m) {
            double[] y = new double[points.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = points.get(i).metric(m);
            }
            return y;
        }

        ConvergenceStudy.Fit fit(Metric m) {
            return ConvergenceStudy.fit(variable, values(m));
        }

        double localRate(Metric m) {
            return ConvergenceStudy.localRate(variable, values(m));
        }
    }

    static String title(PathView s) {
        return s.isAlongN0()
                ? String.format(Locale.ROOT, "%s, zeta = %s fixed, N0 grows (x = 1/N0)", label(s.limit()),
                g(s.fixedValue()))
                : String.format(Locale.ROOT, "%s, N0 = %s fixed, zeta falls (x = zeta)", label(s.limit()),
                g(s.fixedValue()));
    }

    static String label(Limit l) {
        return l == Limit.SPIN_RELAXATION ? "SR" : "TA";
    }

    static String table(List<PathView> studies) {
        StringBuilder b = new StringBuilder("qpspin fp-convergence: exact P(N) vs Eq. 7 along four paths, PRL 2020 rate model (prl2020)\n");
        for (PathView s : studies) {
            b.append('\n').append(title(s)).append('\n');
            b.append(String.format(Locale.ROOT, "  %10s %10s %9s %10s %10s %10s %10s %10s %9s %8s%n", "N0", "zeta",
                    "states", "<m>/<N>", "TV", "KS", "dMean", "dN2", "dVar", "solver"));
            for (PointView e : s.points()) {
                b.append(String.format(Locale.ROOT, "  %10.4g %10.4g %9d %10.4g %10.4g %10.4g %10.4g %10.4g %9.4g %8s%n",
                        e.n0(), e.zeta(), e.states(), e.exactFlippedFraction(),
                        e.metric(Metric.TOTAL_VARIATION), e.metric(Metric.KOLMOGOROV), e.metric(Metric.MEAN),
                        e.metric(Metric.SECOND_MOMENT), e.metric(Metric.VARIANCE), e.solver()));
            }
            b.append("  fits gap = g_inf + C x^p over all points; local p from the last two points:\n");
            for (Metric m : Metric.values()) {
                b.append(String.format(Locale.ROOT, "    %-6s %-44s local p = %.3f%n", m.label(), s.fit(m),
                        s.localRate(m)));
            }
        }
        return b.toString();
    }

    static String toJson(List<PathView> studies) {
        ObjectNode root = JsonOutput.object("fp-convergence");
        ArrayNode paths = root.putArray("paths");
        for (PathView s : studies) {
            ObjectNode o = paths.addObject();
            o.put("regime", label(s.limit()));
            o.put("path", s.isAlongN0() ? "N0" : "zeta");
            o.put("fixed", s.fixedValue());
            ArrayNode pts = o.putArray("points");
            double[] x = s.variable();
            for (int i = 0; i < x.length; i++) {
                PointView e = s.points().get(i);
                ObjectNode p = pts.addObject();
                p.put("x", x[i]);
                p.put("N0", e.n0());
                p.put("zeta", e.zeta());
                p.put("states", e.states());
                p.put("exactFlippedFraction", e.exactFlippedFraction());
                for (Metric m : Metric.values()) {
                    p.put(m.label(), e.metric(m));
                }
            }
            ObjectNode fits = o.putObject("fits");
            for (Metric m : Metric.values()) {
                ConvergenceStudy.Fit f = s.fit(m);
                ObjectNode fo = fits.putObject(m.label());
                fo.put("exponent", f.rate());
                fo.put("amplitude", f.amplitude());
                fo.put("limit", f.limit());
                fo.put("rmsResidual", f.rmsResidual());
                fo.put("localExponent", s.localRate(m));
            }
        }
        return JsonOutput.write(root);
    }

    /** The y-axis title: what the gap is. */
    static final String GAP_TITLE = "gap to Eq. 7: distance or |relative error|";

    /**
     * One log–log panel per path: TV and KS distances and the |relative errors| of ⟨N⟩, ⟨N²⟩ and Var N of
     * Eq. 7 against the exact P(N), as markers, against x (1/N0 or ζ), each with its fitted curve
     * |g∞ + C x^p| dashed in the same colour.
     */
    /** g∞ + C x^p as text, "C x^p" when g∞ = 0. */
    static String fitFormula(ConvergenceStudy.Fit f) {
        String power = PlotTheme.number(Math.abs(f.amplitude())) + " x^" + String.format(Locale.ROOT, "%.2f", f.rate());
        if (f.limit() == 0.0) {
            return (f.amplitude() < 0 ? "−" : "") + power;
        }
        return PlotTheme.number(f.limit()) + (f.amplitude() < 0 ? " − " : " + ") + power;
    }

    static Path plot(List<PathView> studies, Path file) {
        List<PlotTheme.Panel> panels = new ArrayList<>();
        for (PathView s : studies) {
            PlotTheme.Panel panel = PlotTheme.panel(title(s), s.isAlongN0() ? "x = 1/N0 (dimensionless)"
                    : "x = ζ = m0/N0 (dimensionless)", true, GAP_TITLE, true, 760, 640);
            double[] x = s.variable();
            double xLo = Double.POSITIVE_INFINITY;
            double xHi = 0.0;
            for (double v : x) {
                xLo = Math.min(xLo, v);
                xHi = Math.max(xHi, v);
            }
            int colour = 0;
            for (Metric m : Metric.values()) {
                java.awt.Color c = PlotTheme.PALETTE[colour++];
                double[] y = s.values(m);
                double[] ay = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    ay[i] = Math.abs(y[i]);
                }
                String name = m.label().startsWith("d") ? "|" + m.label() + "|" : m.label();
                ConvergenceStudy.Fit f = s.fit(m);
                panel.points(String.format(Locale.ROOT, "%s   fit %s  (local p = %.2f)", name, fitFormula(f),
                        s.localRate(m)), x, ay, c, org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
                int k = 40;
                double[] fx = new double[k + 1];
                double[] fy = new double[k + 1];
                for (int i = 0; i <= k; i++) {
                    fx[i] = xLo * Math.pow(xHi / xLo, (double) i / k);
                    fy[i] = Math.abs(f.limit() + f.amplitude() * Math.pow(fx[i], f.rate()));
                }
                panel.line(name + " fit", fx, fy, c, PlotTheme.DASHED).setShowInLegend(false);
            }
            panels.add(panel);
        }
        String caption = "Gaps between the exact stationary P(N) and the Fokker–Planck distribution of Eq. 7 along four "
                + "paths (docs/validation.md): TV = total-variation distance, KS = Kolmogorov distance, "
                + "|dMean|, |dN2|, |dVar| = |relative errors| of <N>, <N²>, Var N. Dashed: least-squares fit "
                + "gap = g∞ + C x^p over all points (in the legend; local p from the last two points). SR path: Γ = 1, Γt = 0, τs = 1 s, V = ζ; TA path: τs = ∞, V = 1, "
                + "Γt = 2ζ/N0.";
        return PlotTheme.grid(caption, panels, 2, 2).save(file);
    }
}
