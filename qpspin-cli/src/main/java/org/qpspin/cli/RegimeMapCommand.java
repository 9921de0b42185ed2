package org.qpspin.cli;

import static org.qpspin.cli.JsonOutput.number;
import static org.qpspin.cli.SummaryFormat.g;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.qpspin.crosscheck.RegimeMap;
import org.qpspin.model.Regime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code qpspin regime-map}: Fig. 1's regimes on a V/Vc × A/Ac grid, with the exact polarization where reachable. */
@Command(name = "regime-map", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Fig. 1's regime map, with the exact polarization.",
        description = {"The regime map of Fig. 1: on a log grid of V/Vc and A/Ac, the mean-field regime (SR, TA,",
                "crossover, unpolarized), the full mean-field N*, and where the exact solver reaches (N* <= --exact-max-n)",
                "the exact polarization <m>/<N> and enhancement <N>/N_unpol. Lines: V = Vc, A = Ac (Vc/V)^2, A = V/(Gamma_t^2 tau_s^3).",
                "Default rates: Gamma = 1, Gamma_t = 0.01, tau_s = 1 (Nc = 100), small enough for exact solves.",
                "Example: qpspin regime-map --per-decade 2 --plot map.png",
                "The same map cell by cell on Apache Spark (resumable): qpspin sweep regime-map --out DIR ... (docs/sweep.md)."},
        footer = {"", "Exit codes: 0 ok; 2 bad input."})
public final class RegimeMapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegimeMapOptions grid;

    @Mixin
    RegimeMapOutput output;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        output.check();
        PrintWriter err = spec.commandLine().getErr();
        RegimeMapGrid g = grid.grid(line -> quiet.report(err, line));
        RegimeMap map;
        try (ProgressBars.Bar bar = ProgressBars.steps(err, quiet.isSet(), "regime-map exact solves",
                g.exactSolves())) {
            // a bar on a terminal, else one progress line per exact solve
            map = g.compute(ProgressBars.enabled(quiet.isSet()) ? line -> bar.step() : quiet.progressTo(err));
        }
        output.write(json(map), spec.commandLine().getOut(), err);
        return 0;
    }

    /** The exact columns of a cell without an exact solve: "-" never attempted (N* above --exact-max-n), "capped". */
    private static String missing(RegimeMap.Cell c) {
        return c.note() != null && c.note().startsWith("not reached") ? "capped" : "-";
    }

    /**
     * One cell of the JSON output, as the table, the CSV and the plot read it (the same for a map computed here
     * and for one assembled from a sweep's one-cell maps). A NaN is null in the JSON written, ±∞ "inf"/"-inf".
     */
    record CellView(double v, double a, Regime regime, double n0, double meanFieldN, double meanFieldM,
                    boolean hasExact, double exactFlippedFraction, double exactEnhancement, long states,
                    String missing) {

        static CellView of(JsonNode o) {
            boolean exact = o.has("exactFlippedFraction");
            return new CellView(number(o.get("vOverVc")), number(o.get("aOverAc")), regime(o.path("regime").asText()),
                    number(o.get("N0")), number(o.get("meanFieldN")), number(o.get("meanFieldM")), exact,
                    exact ? number(o.get("exactFlippedFraction")) : Double.NaN,
                    exact ? number(o.get("exactEnhancement")) : Double.NaN, exact ? o.path("states").asLong() : 0L,
                    exact ? null : o.path("exactStatus").asText().equals("capped") ? "capped" : "-");
        }

        private static Regime regime(String label) {
            for (Regime r : Regime.values()) {
                if (r.label().equals(label)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown regime '" + label + "'");
        }
    }

    static List<CellView> cells(ObjectNode root) {
        List<CellView> cells = new ArrayList<>();
        for (JsonNode c : root.path("cells")) {
            cells.add(CellView.of(c));
        }
        return cells;
    }

    /** The text summary of a map's JSON ({@link #json}, or a sweep's assembled map). */
    static String table(ObjectNode root) {
        JsonNode par = root.path("parameters");
        double gamma = number(par.get("gamma"));
        double gammaT = number(par.get("gammaT"));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "qpspin regime-map: Gamma = %s, Gamma_t = %s, tau_s = %s (Nc = %s)%n", g(gamma),
                g(gammaT), g(number(par.get("tauS"))), g(gamma / gammaT)));
        b.append(String.format(Locale.ROOT, "exact columns: %s rates; regime, N0, N*, m*/N*: mean field of the PRL 2020 "
                + "rates (Eqs. 1-4)%n%n", root.path("rateModel").asText()));
        b.append(String.format(Locale.ROOT, "%10s %10s %-12s %10s %10s %10s %12s %12s %9s%n", "V/Vc", "A/Ac", "regime",
                "N0", "N*", "m*/N*", "exact<m>/<N>", "<N>/N_unpol", "states"));
        for (CellView c : cells(root)) {
            b.append(String.format(Locale.ROOT, "%10.3g %10.3g %-12s %10.4g %10.4g %10.4g %12s %12s %9s%n",
                    c.v(), c.a(), c.regime().label(), c.n0(), c.meanFieldN(), c.meanFieldM() / c.meanFieldN(),
                    c.hasExact() ? String.format(Locale.ROOT, "%.4g", c.exactFlippedFraction()) : c.missing(),
                    c.hasExact() ? String.format(Locale.ROOT, "%.4g", c.exactEnhancement()) : c.missing(),
                    c.hasExact() ? Long.toString(c.states()) : c.missing()));
        }
        b.append(String.format(Locale.ROOT, "%n'-': exact solve not attempted (N* above --exact-max-n); 'capped': "
                + "attempted, but the truncation needed more than --max-states states (or failed; --json has why)"));
        return b.toString();
    }

    /** The object of {@code --json}, also the sidecar of {@code --csv}. */
    static ObjectNode json(RegimeMap map) {
        ObjectNode root = header(map.singletRate(), map.tripletRate(), map.spinFlipTime(), map.rateModel());
        ArrayNode cells = root.putArray("cells");
        for (RegimeMap.Cell c : map.cells()) {
            ObjectNode o = cells.addObject();
            o.put("vOverVc", c.volumeRatio());
            o.put("aOverAc", c.injectionRatio());
            o.put("regime", c.regime().label());
            o.put("N0", c.meanField().meanN());
            o.put("meanFieldN", c.fullMeanField().meanN());
            o.put("meanFieldM", c.fullMeanField().meanM());
            o.put("meanFieldStable", c.fullMeanField().isStable());
            o.put("meanFieldEnhancement", c.meanFieldEnhancement());
            if (c.hasExact()) {
                o.put("exactFlippedFraction", c.exactFlippedFraction());
                o.put("exactEnhancement", c.exactEnhancement());
                o.put("exactMeanN", c.exact().meanN());
                o.put("states", c.exact().states());
                o.put("relativeOmittedFlux", c.exact().relativeOmittedFlux());
                o.put("solver", c.exact().solver());
            } else {
                o.put("exactStatus", missing(c).equals("capped") ? "capped" : "not attempted");
                o.put("note", c.note());
            }
        }
        return root;
    }

    /** The JSON output's fields before {@code cells}. */
    static ObjectNode header(double gamma, double gammaT, double tauS, String rateModel) {
        ObjectNode root = JsonOutput.object("regime-map");
        root.put("rateModel", rateModel);
        root.put("meanFieldModel", "prl2020");
        ObjectNode par = root.putObject("parameters");
        par.put("gamma", gamma);
        par.put("gammaT", gammaT);
        par.put("tauS", tauS);
        return root;
    }

    /** The columns of {@code --csv}: the names of the cells' JSON fields (empty where there is no exact solve). */
    static final Map<String, String> CSV_COLUMNS = CsvFiles.columns(
            "vOverVc", "V / Vc",
            "aOverAc", "A / Ac",
            "regime", "mean-field regime: SR, TA, crossover or unpolarized",
            "N0", "mean-field cluster size of Eqs. 3-4",
            "meanFieldN", "full mean-field N* (Eqs. 1-2)",
            "meanFieldM", "full mean-field m* (Eqs. 1-2)",
            "exactFlippedFraction", "exact <m>/<N> (empty: not solved)",
            "exactEnhancement", "exact <N> / N_unpolarized (empty: not solved)",
            "states", "states of the exact truncation (empty: not solved)");

    /** {@code --csv} of the map whose JSON is {@code root} (its sidecar). */
    static List<Path> writeCsv(ObjectNode root, Path file) {
        return CsvFiles.write(file, CSV_COLUMNS, w -> {
            for (CellView c : cells(root)) {
                w.write(c.v() + "," + c.a() + "," + c.regime().label() + ","
                        + c.n0() + "," + c.meanFieldN() + "," + c.meanFieldM()
                        + "," + (c.hasExact() ? c.exactFlippedFraction() : "") + ","
                        + (c.hasExact() ? c.exactEnhancement() : "") + ","
                        + (c.hasExact() ? c.states() : "") + "\n");
            }
        }, root);
    }

    /**
     * Three panels, each a filled heat map on the V/Vc × A/Ac grid (log axes, one cell per grid point, edges at
     * the geometric midpoints): the mean-field regime (categories, in the legend); the exact polarization
     * ⟨m⟩/⟨N⟩ (linear colour bar 0 … 1/2); the exact enhancement ⟨N⟩/N_unpol (log colour bar). Cells not solved
     * exactly are light grey. Over each, the three lines of Fig. 1, told apart by colour and dash (legend).
     */
    static Path plot(ObjectNode root, Path file) {
        List<CellView> cells = cells(root);
        String rateModel = root.path("rateModel").asText();
        JsonNode par = root.path("parameters");
        double gamma = number(par.get("gamma"));
        double gammaT = number(par.get("gammaT"));
        double tauS = number(par.get("tauS"));
        List<PlotTheme.Panel> panels = new ArrayList<>();
        Color[] regimeColors = {PlotTheme.PALETTE[0], PlotTheme.PALETTE[1], PlotTheme.PALETTE[4],
                new Color(0x9fd8c6)};
        PlotTheme.Panel regimes = base(cells, "Mean-field regime (Fig. 1)",
                c -> c.regime().ordinal(), PlotTheme.ColourScale.categorical(regimeColors));
        for (Regime r : Regime.values()) {
            regimes.legendEntry(r.label(), regimeColors[r.ordinal()]);
        }
        panels.add(regimes);
        PlotTheme.Panel pol = base(cells, "Exact polarization <m>/<N> (" + rateModel + ")", c -> c.hasExact() ? c.exactFlippedFraction()
                : Double.NaN, PlotTheme.ColourScale.linear(0.0, 0.5, "<m>/<N>  (0: polarized, 1/2: not)"));
        pol.legendEntry("not solved exactly", NOT_SOLVED);
        panels.add(pol);
        double hi = 1.0;
        for (CellView c : cells) {
            if (c.hasExact() && c.exactEnhancement() > hi) {
                hi = c.exactEnhancement();
            }
        }
        PlotTheme.Panel enh = base(cells, "Exact enhancement <N>/N_unpol", c -> c.hasExact() ? c.exactEnhancement()
                : Double.NaN, PlotTheme.ColourScale.logarithmic(1.0, Math.max(hi, 10.0), "<N>/N_unpol"));
        enh.legendEntry("not solved exactly", NOT_SOLVED);
        panels.add(enh);
        String caption = String.format(Locale.ROOT, "Γ = %s s⁻¹ µm³, Γt = %s s⁻¹ µm³, τs = %s s (Nc = Γ/Γt = %s); "
                        + "Vc and Ac from docs/model.md. Exact solves where the mean-field N* ≤ the --exact-max-n limit; "
                        + "%d of %d cells solved.", PlotTheme.number(gamma),
                PlotTheme.number(gammaT), PlotTheme.number(tauS),
                PlotTheme.number(gamma / gammaT),
                cells.stream().filter(CellView::hasExact).count(), cells.size());
        return PlotTheme.grid(caption, panels, 1, 3).save(file);
    }

    private static final Color NOT_SOLVED = new Color(0xdddddd);

    /** The distinct values of one axis in order of first appearance (the grid's order: cells are A outer, V inner). */
    private static double[] axis(List<CellView> cells, ToDoubleFunction<CellView> f) {
        java.util.LinkedHashSet<Double> seen = new java.util.LinkedHashSet<>();
        for (CellView c : cells) {
            seen.add(f.applyAsDouble(c));
        }
        return seen.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static PlotTheme.Panel base(List<CellView> cells, String title, ToDoubleFunction<CellView> f,
                                        PlotTheme.ColourScale scale) {
        PlotTheme.Panel panel = PlotTheme.panel(title, "volume V / Vc", true, "injection A / Ac", true, 560, 620);
        double[] v = axis(cells, CellView::v);
        double[] a = axis(cells, CellView::a);
        double[] ve = edges(v);
        double[] ae = edges(a);
        int n = cells.size();
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y0 = new double[n];
        double[] y1 = new double[n];
        double[] value = new double[n];
        for (int k = 0; k < n; k++) {
            CellView c = cells.get(k);
            int i = nearest(v, c.v());
            int j = nearest(a, c.a());
            x0[k] = ve[i];
            x1[k] = ve[i + 1];
            y0[k] = ae[j];
            y1[k] = ae[j + 1];
            value[k] = f.applyAsDouble(c);
        }
        panel.xRange(ve[0], ve[ve.length - 1]);
        panel.yRange(ae[0], ae[ae.length - 1]);
        panel.heatMap(x0, x1, y0, y1, value, scale, NOT_SOLVED);
        double vlo = ve[0];
        double vhi = ve[ve.length - 1];
        double alo = ae[0];
        double ahi = ae[ae.length - 1];
        int k = 80;
        List<Double> lx = new ArrayList<>();
        List<Double> ly = new ArrayList<>();
        List<Double> cx = new ArrayList<>();
        List<Double> cy = new ArrayList<>();
        for (int i = 0; i <= k; i++) {
            double x = vlo * Math.pow(Math.min(vhi, 1.0) / vlo, (double) i / k);
            double bound = RegimeMap.injectionBound(x);
            if (bound >= alo && bound <= ahi) {
                lx.add(x);
                ly.add(bound);
            }
            double cross = RegimeMap.crossoverLine(x);
            if (cross >= alo && cross <= ahi && cross <= bound) {
                cx.add(x);
                cy.add(cross);
            }
        }
        line(panel, "A = Ac (Vc/V)²", lx, ly, Color.BLACK, PlotTheme.SOLID);
        line(panel, "SR/TA: A = V/(Γt² τs³)", cx, cy, PlotTheme.PALETTE[3], PlotTheme.DASHED);
        if (vlo <= 1.0 && vhi >= 1.0) {
            double top = Math.min(ahi, RegimeMap.injectionBound(1.0));
            line(panel, "V = Vc", List.of(1.0, 1.0), List.of(alo, top), new Color(0xA50026), PlotTheme.DOTTED);
        }
        return panel;
    }

    /** Cell edges: geometric midpoints, half a step beyond the ends (a decade around a single point). */
    private static double[] edges(double[] g) {
        double[] e = new double[g.length + 1];
        if (g.length == 1) {
            e[0] = g[0] / Math.sqrt(10);
            e[1] = g[0] * Math.sqrt(10);
            return e;
        }
        for (int i = 1; i < g.length; i++) {
            e[i] = Math.sqrt(g[i - 1] * g[i]);
        }
        e[0] = g[0] * g[0] / e[1];
        e[g.length] = g[g.length - 1] * g[g.length - 1] / e[g.length - 1];
        return e;
    }

    private static int nearest(double[] g, double x) {
        int best = 0;
        for (int i = 1; i < g.length; i++) {
            if (Math.abs(Math.log(g[i] / x)) < Math.abs(Math.log(g[best] / x))) {
                best = i;
            }
        }
        return best;
    }

    private static void line(PlotTheme.Panel panel, String name, List<Double> x, List<Double> y, Color colour,
                             java.awt.BasicStroke stroke) {
        if (x.size() < 2) {
            return;
        }
        double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ys = y.stream().mapToDouble(Double::doubleValue).toArray();
        panel.overlay(name, xs, ys, colour, stroke);
    }
}
