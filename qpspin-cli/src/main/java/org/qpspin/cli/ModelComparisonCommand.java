package org.qpspin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qpspin.crosscheck.ModelComparison;
import org.qpspin.crosscheck.ModelComparison.Point;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.meanfield.MeanFieldStationaryPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qpspin model-comparison}: the exact-spin rates against the PRL 2020 rates, measured on the same chains. */
@Command(name = "model-comparison", mixinStandardHelpOptions = true, sortOptions = false,
        header = "How much the m << N rates move <N>, Var N, <m>, S_N(0).",
        description = {"How much the paper's m << N rates move the exact results: each point is solved with the PRL 2020",
                "rates and with the exact-spin rates (docs/theory.md), and the relative change exact-spin/prl2020 - 1 of",
                "<N>, Var N, <m> and S_N(0) is reported. Families (Gamma = 1; x = 2 m0/N0):",
                "  TA: tau_s = inf, V = 1, Gamma_t = x/N0, so x = N0/Nc;  SR: Gamma_t = 0, tau_s = 1, V = x/2 (x = 2V/Vc);",
                "  map: the regime-map grid (Gamma = 1, Gamma_t = 0.01, tau_s = 1) where N* <= --exact-max-n.",
                "Example: qpspin model-comparison --n0 100 --points 8 --plot comparison.png"},
        footer = {"", "Exit codes: 0 ok; 2 bad input."})
public final class ModelComparisonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--families", split = ",", paramLabel = "F,...", defaultValue = "SR,TA",
            description = "Families: SR, TA, map (default ${DEFAULT-VALUE}).")
    List<String> families;

    @Option(names = "--N0", split = ",", paramLabel = "N0,...", defaultValue = "100",
            description = "Mean-field N0 of the SR and TA paths (default ${DEFAULT-VALUE}).")
    List<Double> n0s;

    @Option(names = "--x", paramLabel = "LO:HI", defaultValue = "0.01:2",
            description = "Range of x = 2 m0/N0 (= N0/Nc on the TA path), log-spaced (default ${DEFAULT-VALUE}).")
    String xRange;

    @Option(names = "--points", paramLabel = "K", defaultValue = "8",
            description = "Points per path (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--per-decade", paramLabel = "K", defaultValue = "1",
            description = "map: grid points per decade of V/Vc (1e-3..10) and A/Ac (1e-4..1e4) (default ${DEFAULT-VALUE}).")
    int perDecade;

    @Option(names = "--exact-max-n", paramLabel = "N", defaultValue = "200",
            description = "map: compare only where the mean-field N* <= N (default ${DEFAULT-VALUE}).")
    double exactMaxN;

    @Option(names = "--tol", paramLabel = "TOL", defaultValue = "1e-10",
            description = "Truncation tolerance (relative omitted flux) of both sides (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-states", paramLabel = "S", defaultValue = "2000000",
            description = "Cap on each truncation's states (default ${DEFAULT-VALUE}).")
    int maxStates;

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = "auto", description = "Stationary solver.")
    String solverName;

    @Mixin
    JsonOption json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the points to FILE as CSV.")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Write the relative changes against x per family, and the map's largest change (.png/.svg).")
    Path plot;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
        }
        List<String> fams = new ArrayList<>();
        for (String f : families) {
            String u = f.trim().toUpperCase(Locale.ROOT);
            if (!u.equals("SR") && !u.equals("TA") && !u.equals("MAP")) {
                throw new UsageException("unknown family '" + f + "' in --families; known: SR, TA, map");
            }
            fams.add(u.equals("MAP") ? "map" : u);
        }
        for (double n0 : n0s) {
            if (!(n0 >= 1.0) || !Double.isFinite(n0)) {
                throw new UsageException("--n0 values must be finite and >= 1, got " + n0);
            }
        }
        if (points < 1 || points > 200) {
            throw new UsageException("--points must be in 1..200, got " + points);
        }
        if (perDecade < 1 || perDecade > 20) {
            throw new UsageException("--per-decade must be in 1..20, got " + perDecade);
        }
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new UsageException("--tol must be in (0, 1), got " + tolerance);
        }
        if (maxStates < 1) {
            throw new UsageException("--max-states must be >= 1, got " + maxStates);
        }
        if (!(exactMaxN >= 0.0)) {
            throw new UsageException("--exact-max-n must be >= 0, got " + exactMaxN);
        }
        double[] xs = range(xRange, points);
        StationarySolver solver = StationarySolvers.byName(solverName);
        Truncation truncation = Truncation.automatic(tolerance).withMaxStates(maxStates);
        PrintWriter err = spec.commandLine().getErr();
        List<Point> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (String fam : fams) {
            if (fam.equals("map")) {
                double[] v = logGrid(1e-3, 10, perDecade);
                double[] a = logGrid(1e-4, 1e4, perDecade);
                for (double ai : a) {
                    for (double vi : v) {
                        // the regime map's default rates: Gamma = 1, Gamma_t = 0.01, tau_s = 1 (Vc = 1, Ac = 1e4)
                        ModelParameters p = ModelParameters.of(ai * 1e4, vi, 1.0, 0.01, 1.0);
                        double nStar = MeanFieldStationaryPoint.of(p).meanN();
                        if (nStar <= exactMaxN) {
                            cells.add(new Cell("map", vi, ai, p));
                        }
                    }
                }
                continue;
            }
            for (double n0 : n0s) {
                for (double x : xs) {
                    ModelParameters p = fam.equals("SR") ? ModelComparison.spinRelaxation(n0, x)
                            : ModelComparison.triplet(n0, x);
                    cells.add(new Cell(fam, x, n0, p));
                }
            }
        }
        // a bar over the cells on a terminal (then no line per cell), else one progress line per cell
        boolean bars = ProgressBars.enabled(quiet.isSet());
        try (ProgressBars.Bar bar = ProgressBars.steps(err, quiet.isSet(), "model-comparison cells", cells.size())) {
            for (Cell c : cells) {
                run(out, notes, bars ? null : err, c.family(), c.x(), c.second(), c.parameters(), truncation, solver);
                bar.step();
            }
        }
        if (csv != null) {
            writeCsv(out, csv);
            AtomicOutput.report(err, List.of(csv));
        }
        if (plot != null) {
            plot(out, plot);
            AtomicOutput.report(err, List.of(plot));
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(json.isSet() ? toJson(out, notes) : table(out, notes));
        o.flush();
        return 0;
    }

    /** One point to compare: the family, its coordinates (x or V/Vc; N0 or A/Ac) and its parameters. */
    private record Cell(String family, double x, double second, ModelParameters parameters) {
    }

    /**
     * Solves one point; a point out of reach becomes a note, never a guess. The second coordinate is N0 or A/Ac.
     * {@code err} null: no progress line (a bar counts the points).
     */
    private void run(List<Point> out, List<String> notes, PrintWriter err, String family, double x, double second,
                     ModelParameters p, Truncation truncation, StationarySolver solver) {
        String where = String.format(Locale.ROOT, "%s %s=%.4g %s=%.4g", family, family.equals("map") ? "V/Vc" : "x",
                x, family.equals("map") ? "A/Ac" : "N0", second);
        try {
            Point pt = ModelComparison.compare(family, x, p, truncation, solver);
            out.add(pt);
            if (err != null) {
                quiet.report(err, String.format(Locale.ROOT, "%s: %d states, largest change %.3g (%.2f s)", where,
                        pt.exactSpin().states(), pt.largestChange(),
                        pt.prl2020().seconds() + pt.exactSpin().seconds()));
            }
        } catch (IllegalArgumentException e) {
            notes.add(where + ": not reached: " + e.getMessage());
            if (err != null) {
                quiet.report(err, where + ": not reached: " + e.getMessage());
            }
        }
    }

    private static double[] range(String text, int k) {
        String[] parts = text.split(":");
        double lo;
        double hi;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            lo = Double.parseDouble(parts[0]);
            hi = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new UsageException("--x must be LO:HI with numbers, got '" + text + "'");
        }
        if (!(lo > 0.0) || !(hi >= lo) || !Double.isFinite(hi)) {
            throw new UsageException("--x needs 0 < LO <= HI, got '" + text + "'");
        }
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            g[i] = k == 1 ? lo : lo * Math.pow(hi / lo, (double) i / (k - 1));
        }
        return g;
    }

    private static double[] logGrid(double lo, double hi, int perDecade) {
        int n = (int) Math.round(Math.log10(hi / lo) * perDecade);
        double[] g = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            g[i] = lo * Math.pow(hi / lo, (double) i / n);
        }
        return g;
    }

    private static String second(Point p) {
        return p.family().equals("map") ? String.format(Locale.ROOT, "%.3g", p.parameters().injectionRate() / 1e4)
                : String.format(Locale.ROOT, "%.4g", MeanFieldFixedPoint.of(p.parameters())
                        .meanN());
    }

    static String table(List<Point> points, List<String> notes) {
        StringBuilder b = new StringBuilder();
        b.append("qpspin model-comparison: exact-spin vs prl2020 rates, relative change exact-spin/prl2020 - 1\n");
        b.append("(SR/TA: x = 2 m0/N0, = N0/Nc on TA; map: x = V/Vc, second column A/Ac; '*' marks a change > 1 %)\n\n");
        b.append(String.format(Locale.ROOT, "%-4s %9s %9s %11s %11s %10s %10s %10s %10s %8s%n", "fam", "x", "N0|A/Ac",
                "<N> prl", "<N> exact", "d<N>", "dVarN", "d<m>", "dS_N(0)", "states"));
        for (Point p : points) {
            b.append(String.format(Locale.ROOT, "%-4s %9.4g %9s %11.6g %11.6g %10s %10s %10s %10s %8d%n", p.family(),
                    p.x(), second(p), p.prl2020().meanN(), p.exactSpin().meanN(), pct(p.meanNChange()),
                    pct(p.varianceNChange()), pct(p.meanMChange()), pct(p.noiseNChange()), p.exactSpin().states()));
        }
        double worstCost = 0.0;
        for (Point p : points) {
            worstCost = Math.max(worstCost, Math.max(p.prl2020().relativeOmittedFlux(),
                    p.exactSpin().relativeOmittedFlux()));
        }
        b.append(String.format(Locale.ROOT, "%ntruncation cost (relative omitted flux), worst of all solves: %.2g%n",
                worstCost));
        for (String n : notes) {
            b.append("note: ").append(n).append('\n');
        }
        return b.toString();
    }

    private static String pct(double change) {
        return String.format(Locale.ROOT, "%+.3g%%%s", 100 * change, Math.abs(change) > 0.01 ? "*" : "");
    }

    static String toJson(List<Point> points, List<String> notes) {
        ObjectNode root = JsonOutput.object("model-comparison");
        root.put("rateModel", "exact-spin");
        root.put("reference", "prl2020");
        root.put("change", "exact-spin / prl2020 - 1");
        ArrayNode arr = root.putArray("points");
        for (Point p : points) {
            ObjectNode o = arr.addObject();
            o.put("family", p.family());
            o.put("x", p.x());
            JsonOutput.putParameters(o, p.parameters());
            side(o.putObject("prl2020"), p.prl2020());
            side(o.putObject("exactSpin"), p.exactSpin());
            ObjectNode c = o.putObject("relativeChange");
            c.put("meanN", p.meanNChange());
            c.put("varN", p.varianceNChange());
            c.put("meanM", p.meanMChange());
            c.put("sN0", p.noiseNChange());
        }
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        return JsonOutput.write(root);
    }

    private static void side(ObjectNode o, ModelComparison.Side s) {
        o.put("rateModel", s.rateModel());
        o.put("meanN", s.meanN());
        o.put("varN", s.varianceN());
        o.put("meanM", s.meanM());
        o.put("sN0", s.noiseN());
        o.put("states", s.states());
        o.put("relativeOmittedFlux", s.relativeOmittedFlux());
        o.put("solver", s.solver());
        o.put("seconds", s.seconds());
    }

    static void writeCsv(List<Point> points, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("family,x,A,V,gamma,gamma_t,tau_s,meanN_prl,meanN_exact,varN_prl,varN_exact,meanM_prl,meanM_exact,"
                    + "sN0_prl,sN0_exact,d_meanN,d_varN,d_meanM,d_sN0,states\n");
            for (Point p : points) {
                ModelParameters q = p.parameters();
                w.write(String.join(",", p.family(), Double.toString(p.x()), Double.toString(q.injectionRate()),
                        Double.toString(q.volume()), Double.toString(q.singletRate()),
                        Double.toString(q.tripletRate()), Double.toString(q.spinFlipTime()),
                        Double.toString(p.prl2020().meanN()), Double.toString(p.exactSpin().meanN()),
                        Double.toString(p.prl2020().varianceN()), Double.toString(p.exactSpin().varianceN()),
                        Double.toString(p.prl2020().meanM()), Double.toString(p.exactSpin().meanM()),
                        Double.toString(p.prl2020().noiseN()), Double.toString(p.exactSpin().noiseN()),
                        Double.toString(p.meanNChange()), Double.toString(p.varianceNChange()),
                        Double.toString(p.meanMChange()), Double.toString(p.noiseNChange()),
                        Integer.toString(p.exactSpin().states())) + "\n");
            }
        } catch (IOException e) {
            throw new UsageException("cannot write --csv " + file + ": " + e.getMessage());
        }
    }

    /** The map's cells coloured by a signed relative change, in bins around the 1 % line. */
    private static PlotTheme.Panel mapPanel(List<Point> map, String title, ToDoubleFunction<Point> f) {
        PlotTheme.Panel panel = PlotTheme.panel(title, "V / Vc", true,
                "A / Ac  (Gamma = 1, Gamma_t = 0.01, tau_s = 1)", true);
        double[] edges = {Double.NEGATIVE_INFINITY, -0.05, -0.01, 0.01, 0.05, 0.2, Double.POSITIVE_INFINITY};
        String[] labels = {"< -5 %", "-5 .. -1 %", "within 1 %", "1 .. 5 %", "5 .. 20 %", ">= 20 %"};
        Color[] bins = {new Color(0x08519c), new Color(0x6baed6), new Color(0xbdbdbd), new Color(0xfdae6b),
            new Color(0xe6550d), new Color(0x7f2704)};
        for (int i = 0; i < labels.length; i++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Point p : map) {
                double v = f.applyAsDouble(p);
                if (v >= edges[i] && v < edges[i + 1]) {
                    x.add(p.x());
                    y.add(p.parameters().injectionRate() / 1e4);
                }
            }
            if (!x.isEmpty()) {
                panel.points(labels[i], toArray(x), toArray(y), bins[i], SeriesMarkers.SQUARE);
            }
        }
        return panel;
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One panel of relative changes (%) against x per SR/TA family (a curve per quantity and N0), and the map. */
    static void plot(List<Point> points, Path file) {
        List<PlotTheme.Panel> panels = new ArrayList<>();
        String[] names = {"<N>", "Var N", "<m>", "S_N(0)"};
        List<ToDoubleFunction<Point>> fs = List.of(Point::meanNChange, Point::varianceNChange, Point::meanMChange,
                Point::noiseNChange);
        Color[] colors = {new Color(0x0072b2), new Color(0xd55e00), new Color(0x009e73), new Color(0xcc79a7)};
        for (String fam : List.of("SR", "TA")) {
            List<Point> fp = points.stream().filter(p -> p.family().equals(fam)).toList();
            if (fp.isEmpty()) {
                continue;
            }
            PlotTheme.Panel panel = PlotTheme.panel(fam + ": exact-spin / prl2020 - 1",
                    fam.equals("TA") ? "x = N0/Nc (= 2 m0/N0)" : "x = 2 V/Vc (= 2 m0/N0)", true,
                    "relative change (%)", false);
            List<Double> n0s = fp.stream().map(p -> Math.rint(MeanFieldFixedPoint.of(p.parameters()).meanN()))
                    .distinct().toList();
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0.0;
            for (int q = 0; q < names.length; q++) {
                for (double n0 : n0s) {
                    List<Double> x = new ArrayList<>();
                    List<Double> y = new ArrayList<>();
                    for (Point p : fp) {
                        double v = fs.get(q).applyAsDouble(p);
                        if (Math.rint(MeanFieldFixedPoint.of(p.parameters()).meanN()) == n0 && Double.isFinite(v)) {
                            x.add(p.x());
                            y.add(100 * v);
                            lo = Math.min(lo, p.x());
                            hi = Math.max(hi, p.x());
                        }
                    }
                    if (x.isEmpty()) {
                        continue;
                    }
                    int k = n0s.indexOf(n0);
                    panel.line(names[q] + (n0s.size() > 1 ? ", N0 = " + (long) n0 : ""), toArray(x), toArray(y),
                            colors[q], k == 0 ? PlotTheme.SOLID : k == 1 ? PlotTheme.DASHED : PlotTheme.DOTTED);
                }
            }
            if (hi > 0.0) {
                for (double band : new double[] {1.0, -1.0}) {
                    panel.line(band > 0 ? "+1 %" : "-1 %", new double[] {lo, hi}, new double[] {band, band},
                            Color.BLACK, PlotTheme.DOTTED);
                }
            }
            panels.add(panel);
        }
        List<Point> map = points.stream().filter(p -> p.family().equals("map")).toList();
        if (!map.isEmpty()) {
            panels.add(mapPanel(map, "map: exact-spin / prl2020 - 1 of <N>", Point::meanNChange));
            panels.add(mapPanel(map, "map: exact-spin / prl2020 - 1 of S_N(0)", Point::noiseNChange));
        }
        if (panels.isEmpty()) {
            throw new UsageException("nothing to plot: no point was reached");
        }
        PlotTheme.grid("Relative change of the exact-spin results against the PRL 2020 rates (docs/validation.md)",
                panels, 1, panels.size()).save(file);
    }
}
