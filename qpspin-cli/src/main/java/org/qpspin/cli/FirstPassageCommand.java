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
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qpspin.dynamics.FirstPassage;
import org.qpspin.dynamics.FirstPassageResult;
import org.qpspin.dynamics.StartDistribution;
import org.qpspin.dynamics.TargetSet;
import org.qpspin.dynamics.TransientAnalysis;
import org.qpspin.dynamics.TransientResult;
import org.qpspin.model.ModelParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin first-passage}: the time τ to reach a target set from a start state (or law): E[τ] by one sparse
 * solve, P(τ ≤ t) by the transient of the chain with the target absorbing, and quantiles.
 */
@Command(name = "first-passage", mixinStandardHelpOptions = true,
        header = "Time to reach a target set: mean, quantiles, CDF.", sortOptions = false,
        description = {"Time to reach a target set of states: the mean E[tau] (a sparse linear solve), the",
                "distribution P(tau <= t) (target made absorbing) and its quantiles (median, 90 %).",
                "Targets: 'N>=200', 'm>=10', 'N<=0', combined with && and || (and parentheses).",
                "Default times: 40 log-spaced from E[tau]/100 to 10 E[tau].",
                "Build-up of a cluster after injection starts:",
                "  qpspin first-passage --preset aluminium --V 0.001 --N0 30 --start 0,0 --target 'N>=30'",
                "Lifetime of the polarization of a fully polarized cluster of 30:",
                "  qpspin first-passage --preset aluminium --V 0.001 --N0 30 --start 30,0 --target 'm>=5'"},
        footer = {"", "Exit codes: 0 ok; 2 bad input, an unreachable target without --times, or a truncation beyond",
                "--max-states (one line on stderr)."})
public final class FirstPassageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--target", required = true, paramLabel = "COND",
            description = "Target set, e.g. 'N>=200', 'm>=10', 'N>=50 && m<=2' (variables N, m, S2 = N - 2m).")
    String target;

    @Mixin
    DynamicsOptions dynamics;

    @Option(names = "--quantiles", paramLabel = "Q", split = ",", defaultValue = "0.5,0.9",
            description = "Quantile levels in (0, 1) (default ${DEFAULT-VALUE}).")
    double[] quantileLevels;

    @Mixin
    JsonOption json;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Write t, P(tau<=t) lower and upper bounds per time to FILE (one header line).")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE", description = "Plot P(tau <= t) to FILE (.png or .svg).")
    Path plot;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        ModelParameters p = model.requiredParameters("first-passage");
        TargetSet set;
        try {
            set = TargetSet.parse(target);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--target: " + e.getMessage());
        }
        StartDistribution start = dynamics.startDistribution();
        TransientAnalysis analysis = dynamics.analysis(); // checks --tol, --n-max, --method ...
        dynamics.checkStartFits(start);
        double[] times = dynamics.hasTimes() ? dynamics.times(Double.NaN) : null;
        if (!dynamics.hasTimes() && (dynamics.tMin != null)) {
            throw new UsageException("--t-min needs --t-max here (the default grid follows E[tau])");
        }
        for (double q : quantileLevels) {
            if (!(q > 0.0 && q < 1.0)) {
                throw new UsageException("--quantiles must be in (0, 1), got " + q);
            }
        }
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
        }
        if (csv != null) {
            AtomicOutput.check(csv, "--csv");
        }
        FirstPassage fp = FirstPassage.withDefaults().withTolerance(analysis.tolerance())
                .withMethod(dynamics.method()).withMaxStates(dynamics.maxStates)
                .withMaxProducts(dynamics.maxProducts);
        if (dynamics.nMax != null) {
            fp = fp.withFixedTruncation(dynamics.nMax, dynamics.mMax == null ? dynamics.nMax / 2 : dynamics.mMax);
        }
        PrintWriter err = spec.commandLine().getErr();
        quiet.report(err, "first passage from " + start + " to " + set + "...");
        FirstPassageResult r = fp.withProgress(ProgressBars.listener(err, quiet.isSet())).compute(model.rateModel(p), start, set, times, quantileLevels,
                quiet.progressTo(err));
        if (csv != null) {
            StringBuilder b = new StringBuilder("t,cdf,cdfUpper\n");
            for (int i = 0; i < r.times().length; i++) {
                b.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g%n", r.times()[i], r.cdf()[i],
                        r.cdfUpper()[i]));
            }
            DynamicsOptions.write(csv, b.toString(), "--csv");
            AtomicOutput.report(err, java.util.List.of(csv));
        }
        if (plot != null && r.distribution() != null) {
            plot(r, plot);
            AtomicOutput.report(err, java.util.List.of(plot));
        }
        if (r.note() != null) {
            quiet.report(err, "distribution " + r.note());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.isSet()) {
            out.println(toJson(p, model.rateModelName(), start, r, csv, plot));
        } else {
            print(out, p, start, r);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, ModelParameters p, StartDistribution start, FirstPassageResult r) {
        TransientResult t = r.distribution();
        out.println("qpspin first-passage: time to reach the target set");
        out.println();
        SummaryFormat.printParametersLine(out, p);
        out.printf(Locale.ROOT, "start        %s, target %s%n", start, r.target());
        out.printf(Locale.ROOT, "mean time    E[tau] = %.10g s (truncation lower bound %.10g s; solve backward error %.1e)%n",
                r.meanTime(), r.meanTimeLowerBound(), r.meanTimeResidual());
        if (t == null) {
            out.println("distribution " + r.note());
            return;
        }
        for (int i = 0; i < r.quantiles().length; i++) {
            out.printf(Locale.ROOT, "quantile     %4.1f %% : tau = %s s%n", 100 * r.quantileLevels()[i],
                    Double.isNaN(r.quantiles()[i]) ? "not reached" : String.format(Locale.ROOT, "%.8g",
                            r.quantiles()[i]));
        }
        out.printf(Locale.ROOT, "truncation   %s: nMax = %d, mMax = %d, %d non-target states, lost mass <= %.1e%n",
                r.exact() ? "exact (no state can leave it)" : "grown", t.nMax(), t.mMax(), t.states(),
                TransientCommand.max(t.lostMass()));
        out.printf(Locale.ROOT, "kernel       %s, error bound %.1e (l1)%n", t.method(),
                TransientCommand.max(t.errorBound()));
        out.printf(Locale.ROOT, "  %-13s %-15s%n", "t (s)", "P(tau <= t)");
        int step = Math.max(1, r.times().length / 15);
        for (int i = 0; i < r.times().length; i += step) {
            out.printf(Locale.ROOT, "  %-13.6g %.10f%n", r.times()[i], r.cdf()[i]);
        }
    }

    private static String toJson(ModelParameters p, String rateModel, StartDistribution start, FirstPassageResult r,
                                 Path csv,
                                 Path plot) {
        ObjectNode root = JsonOutput.object("first-passage");
        root.put("rateModel", rateModel);
        root.put("start", start.toString());
        root.put("target", r.target().toString());
        root.put("meanTime", r.meanTime());
        root.put("meanTimeLowerBound", r.meanTimeLowerBound());
        ArrayNode q = root.putArray("quantiles");
        for (int i = 0; i < r.quantiles().length; i++) {
            ObjectNode e = q.addObject();
            e.put("level", r.quantileLevels()[i]);
            e.put("time", r.quantiles()[i]);
        }
        for (int i = 0; i < r.quantiles().length; i++) {
            if (r.quantileLevels()[i] == 0.5) {
                root.put("median", r.quantiles()[i]);
            }
        }
        TransientCommand.putArray(root, "times", r.times());
        TransientCommand.putArray(root, "cdf", r.cdf());
        TransientCommand.putArray(root, "cdfUpper", r.cdfUpper());
        ObjectNode d = root.putObject("diagnostics");
        if (r.distribution() != null) {
            TransientCommand.putDiagnostics(d, r.distribution());
        } else {
            root.put("note", r.note());
        }
        d.put("exact", r.exact());
        d.put("meanTimeResidual", r.meanTimeResidual());
        JsonOutput.putParameters(root, p).put("rateModel", rateModel);
        if (csv != null) {
            root.put("csv", csv.toString());
        }
        if (plot != null) {
            root.put("plot", plot.toString());
        }
        return JsonOutput.write(root);
    }

    private static void plot(FirstPassageResult r, Path file) {
        List<Double> t = new ArrayList<>();
        List<Double> f = new ArrayList<>();
        for (int i = 0; i < r.times().length; i++) {
            if (r.times()[i] > 0) {
                t.add(r.times()[i]);
                f.add(r.cdf()[i]);
            }
        }
        if (t.size() < 2) {
            throw new UsageException("--plot needs at least two positive times");
        }
        PlotTheme.Panel c = PlotTheme.panel("P(tau <= t), target " + r.target(), "time t (s)", true,
                "P(tau <= t) (probability)", false);
        c.points("P(tau <= t)", t.stream().mapToDouble(Double::doubleValue).toArray(),
                f.stream().mapToDouble(Double::doubleValue).toArray());
        if (Double.isFinite(r.meanTime()) && r.meanTime() > 0) {
            c.line("E[tau] = " + g(r.meanTime()) + " s", new double[] {r.meanTime(), r.meanTime()},
                    new double[] {0.0, 1.0}, PlotTheme.PALETTE[1], PlotTheme.DASHED);
        }
        PlotTheme.figure("First passage to " + r.target() + " (lower bound of the CDF: the mass that left the "
                + "truncation is not counted)", c).save(file);
    }
}
