package org.qpspin.cli;

import static org.qpspin.cli.SummaryFormat.g;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qpspin.dynamics.StartDistribution;
import org.qpspin.dynamics.TransientAnalysis;
import org.qpspin.dynamics.TransientResult;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin transient}: P(N, m; t) = e^{tL} p(0) at a list of times, its marginals and moments, with the
 * truncation grown until the mass that leaves it by the last time is below {@code --tol}.
 */
@Command(name = "transient", mixinStandardHelpOptions = true,
        header = "The law of the cluster at times t after a start.", sortOptions = false,
        description = {"The law of the cluster at times t after a start state (or law): P(N, m; t), <N>(t),",
                "Var N(t), <m>(t), by exp(tL)p(0) (uniformization or Al-Mohy-Higham Taylor, with an error bound),",
                "with the truncation grown until the mass that leaves it by the last time is below --tol.",
                "Default times: 40 log-spaced from t-max/1e4 to t-max = 30 N0/(A V) (30 mean-field fill times).",
                "Example: qpspin transient --preset aluminium --V 0.001 --N0 30 --start 0,0 --plot build-up.png"},
        footer = {"", "Exit codes: 0 ok; 2 bad input or a truncation beyond --max-states (one line on stderr)."})
public final class TransientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    DynamicsOptions dynamics;

    @Mixin
    JsonOption json;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Write t, <N>, Var N, <m>, lost mass, error bound per time to FILE (one header line).")
    Path csv;

    @Option(names = "--marginals", description = "With --json: also P(N; t) and P(m; t) at every time.")
    boolean marginals;

    @Option(names = "--plot", paramLabel = "FILE", description = "Plot <N>(t) +- sd and <m>(t) to FILE (.png/.svg).")
    Path plot;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        ModelParameters p = model.requiredParameters("transient");
        StartDistribution start = dynamics.startDistribution();
        TransientAnalysis analysis = dynamics.analysis();
        dynamics.checkStartFits(start);
        double[] times = dynamics.times(defaultTMax(p, dynamics.hasTimes()));
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
        }
        if (csv != null) {
            AtomicOutput.check(csv, "--csv");
        }
        PrintWriter err = spec.commandLine().getErr();
        quiet.report(err, String.format(Locale.ROOT, "transient from %s at %d times up to %s s...", start,
                times.length, g(times[times.length - 1])));
        TransientResult r = analysis.withProgress(ProgressBars.listener(err, quiet.isSet()))
                .compute(model.rateModel(p), start, times, quiet.progressTo(err));
        if (csv != null) {
            DynamicsOptions.write(csv, toCsv(r), "--csv");
            AtomicOutput.report(err, java.util.List.of(csv));
        }
        if (plot != null) {
            plot(r, plot);
            AtomicOutput.report(err, java.util.List.of(plot));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.isSet()) {
            out.println(toJson(p, model.rateModelName(), start, r, marginals, csv, plot));
        } else {
            print(out, p, start, r);
        }
        out.flush();
        return 0;
    }

    /** Thirty mean-field fill times N0/(A V); refuses when there is no such scale (A = 0) and no time was given. */
    static double defaultTMax(ModelParameters p, boolean given) {
        double n0 = MeanFieldFixedPoint.of(p).meanN();
        double av = p.totalInjectionRate();
        if (given) {
            return Double.NaN;
        }
        if (!(av > 0.0) || !(n0 > 0.0) || !Double.isFinite(n0)) {
            throw new UsageException("no default time scale with A = 0: give --times or --t-max");
        }
        return 30.0 * n0 / av;
    }

    static String toCsv(TransientResult r) {
        StringBuilder b = new StringBuilder("t,meanN,varN,meanM,lostMass,errorBound\n");
        for (int i = 0; i < r.times().length; i++) {
            b.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%.17g,%.6e,%.6e%n", r.times()[i], r.meanN()[i],
                    r.varianceN()[i], r.meanM()[i], r.lostMass()[i], r.errorBound()[i]));
        }
        return b.toString();
    }

    private static void print(PrintWriter out, ModelParameters p, StartDistribution start, TransientResult r) {
        out.println("qpspin transient: law of the cluster at times t after the start (exp(tL) p(0))");
        out.println();
        SummaryFormat.printParametersLine(out, p);
        out.printf(Locale.ROOT, "start        %s%n", start);
        out.printf(Locale.ROOT, "truncation   nMax = %d, mMax = %d, %d states (%d attempt%s), lost mass <= %.1e "
                        + "(tolerance %.1e)%n", r.nMax(), r.mMax(), r.states(), r.attempts(), r.attempts() == 1 ? ""
                        : "s", max(r.lostMass()), r.tolerance());
        out.printf(Locale.ROOT, "kernel       %s, %d products, error bound %.1e (l1), %.2f s%n", r.method(),
                r.matvecs(), max(r.errorBound()), r.seconds());
        out.printf(Locale.ROOT, "  %-13s %-15s %-15s %-13s %-9s%n", "t (s)", "<N>", "Var N", "<m>", "lost");
        int step = Math.max(1, r.times().length / 20);
        for (int i = 0; i < r.times().length; i++) {
            if (i % step != 0 && i != r.times().length - 1) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-13.6g %-15.10g %-15.10g %-13.8g %.1e%n", r.times()[i], r.meanN()[i],
                    r.varianceN()[i], r.meanM()[i], r.lostMass()[i]);
        }
        if (step > 1) {
            out.println("  (one time in " + step + "; --json or --csv for all)");
        }
    }

    static double max(double[] a) {
        double m = 0.0;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static String toJson(ModelParameters p, String rateModel, StartDistribution start, TransientResult r,
                                 boolean marginals,
                                 Path csv, Path plot) {
        ObjectNode root = JsonOutput.object("transient");
        root.put("rateModel", rateModel);
        root.put("start", start.toString());
        putArray(root, "times", r.times());
        putArray(root, "meanN", r.meanN());
        putArray(root, "varN", r.varianceN());
        putArray(root, "meanM", r.meanM());
        putArray(root, "lostMass", r.lostMass());
        putArray(root, "errorBound", r.errorBound());
        if (marginals) {
            ArrayNode pn = root.putArray("marginalN");
            ArrayNode pm = root.putArray("marginalM");
            for (int i = 0; i < r.times().length; i++) {
                ArrayNode a = pn.addArray();
                for (double v : r.marginalN()[i]) {
                    a.add(v);
                }
                ArrayNode b = pm.addArray();
                for (double v : r.marginalM()[i]) {
                    b.add(v);
                }
            }
        }
        ObjectNode d = root.putObject("diagnostics");
        putDiagnostics(d, r);
        JsonOutput.putParameters(root, p).put("rateModel", rateModel);
        if (csv != null) {
            root.put("csv", csv.toString());
        }
        if (plot != null) {
            root.put("plot", plot.toString());
        }
        return JsonOutput.write(root);
    }

    static void putDiagnostics(ObjectNode d, TransientResult r) {
        d.put("method", r.method());
        d.put("errorBound", max(r.errorBound()));
        d.put("lostMass", max(r.lostMass()));
        d.put("tolerance", r.tolerance());
        d.put("states", r.states());
        d.put("nMax", r.nMax());
        d.put("mMax", r.mMax());
        d.put("attempts", r.attempts());
        d.put("matvecs", r.matvecs());
        d.put("seconds", r.seconds());
    }

    static void putArray(ObjectNode root, String name, double[] values) {
        ArrayNode a = root.putArray(name);
        for (double v : values) {
            a.add(v);
        }
    }

    private static void plot(TransientResult r, Path file) {
        List<Double> t = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        List<Double> m = new ArrayList<>();
        int positive = 0;
        for (double x : r.times()) {
            positive += x > 0 ? 1 : 0;
        }
        boolean log = positive >= 2;
        for (int i = 0; i < r.times().length; i++) {
            if (log && r.times()[i] <= 0) {
                continue;
            }
            double sd = Math.sqrt(Math.max(0.0, r.varianceN()[i]));
            t.add(r.times()[i]);
            mean.add(r.meanN()[i]);
            lo.add(r.meanN()[i] - sd);
            hi.add(r.meanN()[i] + sd);
            m.add(r.meanM()[i]);
        }
        if (t.isEmpty()) {
            throw new UsageException("--plot needs at least one time");
        }
        PlotTheme.Panel n = PlotTheme.panel("cluster size <N>(t), band: <N> +- sd", "time t (s)", log,
                "N (quasiparticles)", false);
        double[] ta = toArray(t);
        n.line("<N>", ta, toArray(mean), PlotTheme.PALETTE[0], PlotTheme.SOLID);
        n.line("<N> - sd", ta, toArray(lo), PlotTheme.PALETTE[0], PlotTheme.DASHED);
        n.line("<N> + sd", ta, toArray(hi), PlotTheme.PALETTE[0], PlotTheme.DASHED);
        PlotTheme.Panel mm = PlotTheme.panel("flipped spins <m>(t)", "time t (s)", log, "m (flipped spins)", false);
        mm.line("<m>", ta, toArray(m), PlotTheme.PALETTE[1], PlotTheme.SOLID);
        PlotTheme.figure(String.format(Locale.ROOT, "Transient (%d states, %s, lost mass <= %s, "
                + "error bound <= %s)", r.states(), r.method(), g(max(r.lostMass())),
                g(max(r.errorBound()))), n, mm).save(file);
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
