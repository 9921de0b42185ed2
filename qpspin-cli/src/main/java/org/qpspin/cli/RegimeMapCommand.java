package org.qpspin.cli;

import static org.qpspin.cli.SummaryFormat.g;

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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qpspin.crosscheck.RegimeMap;
import org.qpspin.model.Aluminium;
import org.qpspin.model.Regime;
import org.qpspin.stationary.StationarySolvers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qpspin regime-map}: Fig. 1's regimes on a V/Vc × A/Ac grid, with the exact polarization where reachable. */
@Command(name = "regime-map", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The regime map of Fig. 1: on a log grid of V/Vc and A/Ac, the mean-field regime (SR, TA,",
                "crossover, unpolarized), the full mean-field N*, and where the exact solver reaches (N* <= --exact-max-n)",
                "the exact polarization <m>/<N> and enhancement <N>/N_unpol. Lines: V = Vc, A = Ac (Vc/V)^2, A = V/(Gamma_t^2 tau_s^3).",
                "Default rates: Gamma = 1, Gamma_t = 0.01, tau_s = 1 (Nc = 100), small enough for exact solves.",
                "Example: qpspin regime-map --per-decade 2 --plot map.png"},
        footer = {"", "Exit codes: 0 ok; 2 bad input."})
public final class RegimeMapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", description = "aluminium: Gamma, Gamma_t, tau_s from MODEL.md.")
    String preset;

    @Option(names = "--gamma", paramLabel = "RATE", defaultValue = "1", description = "Gamma (default ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--gamma-t", paramLabel = "RATE", defaultValue = "0.01",
            description = "Gamma_t (default ${DEFAULT-VALUE}).")
    double gammaT;

    @Option(names = "--tau-s", paramLabel = "SECONDS", defaultValue = "1", converter = InfinityDoubleConverter.class,
            description = "tau_s, finite (default ${DEFAULT-VALUE}).")
    double tauS;

    @Option(names = "--v-range", paramLabel = "LO:HI", defaultValue = "1e-3:10",
            description = "V/Vc range, log-spaced (default ${DEFAULT-VALUE}).")
    String vRange;

    @Option(names = "--a-range", paramLabel = "LO:HI", defaultValue = "1e-4:1e4",
            description = "A/Ac range, log-spaced (default ${DEFAULT-VALUE}).")
    String aRange;

    @Option(names = "--per-decade", paramLabel = "K", defaultValue = "1",
            description = "Grid points per decade (default ${DEFAULT-VALUE}).")
    int perDecade;

    @Option(names = "--exact-max-n", paramLabel = "N", defaultValue = "200",
            description = "Solve exactly only where the mean-field N* <= N (default ${DEFAULT-VALUE}; 0: none).")
    double exactMaxN;

    @Option(names = "--max-states", paramLabel = "S", defaultValue = "400000",
            description = "Cap on the exact truncation's states (default ${DEFAULT-VALUE}).")
    int maxStates;

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = "auto", description = "Stationary solver.")
    String solverName;

    @Option(names = "--json", description = "Print JSON instead of the table.")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the grid to FILE as CSV.")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write the map (.png or .svg).")
    Path plot;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        if (plot != null) {
            ChartFiles.requirePlotFile(plot);
            AtomicOutput.check(plot, "--plot");
        }
        if (csv != null) {
            AtomicOutput.check(csv, "--csv");
        }
        if (!(exactMaxN >= 0.0)) {
            throw new UsageException("--exact-max-n must be >= 0 (0: no exact solves), got " + exactMaxN);
        }
        if (preset != null) {
            if (!preset.equalsIgnoreCase("aluminium") && !preset.equalsIgnoreCase("aluminum")) {
                throw new UsageException("unknown --preset '" + preset + "'; known: aluminium");
            }
            gamma = Aluminium.singletRate();
            gammaT = Aluminium.tripletRate();
            tauS = Aluminium.spinFlipTime();
        }
        if (perDecade < 1 || perDecade > 20) {
            throw new UsageException("--per-decade must be in 1..20, got " + perDecade);
        }
        if (maxStates < 1) {
            throw new UsageException("--max-states must be >= 1, got " + maxStates);
        }
        double[] v = grid(vRange, "--v-range");
        double[] a = grid(aRange, "--a-range");
        PrintWriter err = spec.commandLine().getErr();
        RegimeMap map = RegimeMap.compute(gamma, gammaT, tauS, v, a, exactMaxN, maxStates,
                StationarySolvers.byName(solverName), quiet.progressTo(err));
        UsageException writeFailure = null;
        java.util.List<Path> written = new java.util.ArrayList<>();
        try {
            if (csv != null) {
                writeCsv(map, csv);
                written.add(csv);
            }
            if (plot != null) {
                plot(map, plot);
                written.add(plot);
            }
        } catch (UsageException e) { // the table is still printed; the failure is reported after it
            writeFailure = e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(map) : table(map));
        out.flush();
        if (writeFailure != null) {
            throw writeFailure;
        }
        AtomicOutput.report(err, written);
        return 0;
    }

    private double[] grid(String range, String option) {
        String[] parts = range.split(":");
        double lo;
        double hi;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            lo = Double.parseDouble(parts[0]);
            hi = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be LO:HI with numbers, got '" + range + "'");
        }
        if (!(lo > 0.0) || !(hi >= lo) || !Double.isFinite(hi)) {
            throw new UsageException(option + " needs 0 < LO <= HI, got '" + range + "'");
        }
        if (lo < RANGE_LIMIT_LOW || hi > RANGE_LIMIT_HIGH) {
            throw new UsageException(String.format(Locale.ROOT, "%s must lie within %s:%s (beyond, the cluster "
                    + "sizes under- or overflow), got '%s'", option, g(RANGE_LIMIT_LOW), g(RANGE_LIMIT_HIGH), range));
        }
        int n = (int) Math.round((Math.log10(hi) - Math.log10(lo)) * perDecade);
        if (n > 400) {
            throw new UsageException(option + " gives more than 400 points; lower --per-decade");
        }
        double[] g = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            g[i] = n == 0 ? lo : lo * Math.pow(hi / lo, (double) i / n);
        }
        return g;
    }

    /** The ratio ranges accepted (V/Vc, A/Ac): N0 ~ (A/Ac)^(1/2) (V/Vc) Nc stays a normal double well inside. */
    static final double RANGE_LIMIT_LOW = 1e-15;
    static final double RANGE_LIMIT_HIGH = 1e15;

    /** The exact columns of a cell without an exact solve: "-" never attempted (N* above --exact-max-n), "capped". */
    private static String missing(RegimeMap.Cell c) {
        return c.note() != null && c.note().startsWith("not reached") ? "capped" : "-";
    }

    static String table(RegimeMap map) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "qpspin regime-map: Gamma = %s, Gamma_t = %s, tau_s = %s (Nc = %s)%n%n", g(map.singletRate()),
                g(map.tripletRate()), g(map.spinFlipTime()),
                g(map.singletRate() / map.tripletRate())));
        b.append(String.format(Locale.ROOT, "%10s %10s %-12s %10s %10s %10s %12s %12s %9s%n", "V/Vc", "A/Ac", "regime",
                "N0", "N*", "m*/N*", "exact<m>/<N>", "<N>/N_unpol", "states"));
        for (RegimeMap.Cell c : map.cells()) {
            b.append(String.format(Locale.ROOT, "%10.3g %10.3g %-12s %10.4g %10.4g %10.4g %12s %12s %9s%n",
                    c.volumeRatio(), c.injectionRatio(), c.regime().label(), c.meanField().meanN(),
                    c.fullMeanField().meanN(), c.fullMeanField().flippedFraction(),
                    c.hasExact() ? String.format(Locale.ROOT, "%.4g", c.exactFlippedFraction()) : missing(c),
                    c.hasExact() ? String.format(Locale.ROOT, "%.4g", c.exactEnhancement()) : missing(c),
                    c.hasExact() ? Integer.toString(c.exact().states()) : missing(c)));
        }
        b.append(String.format(Locale.ROOT, "%n'-': exact solve not attempted (N* above --exact-max-n); 'capped': "
                + "attempted, but the truncation needed more than --max-states states (or failed; --json has why)"));
        return b.toString();
    }

    static String toJson(RegimeMap map) {
        ObjectNode root = JsonOutput.object();
        root.put("gamma", map.singletRate());
        root.put("gammaT", map.tripletRate());
        root.put("tauS", map.spinFlipTime());
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
        return JsonOutput.write(root);
    }

    static void writeCsv(RegimeMap map, Path file) {
        AtomicOutput.write(file, "--csv", stream -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.write("v_over_vc,a_over_ac,regime,N0,meanfield_N,meanfield_m,exact_m_over_N,exact_N_over_Nunpol,states\n");
            for (RegimeMap.Cell c : map.cells()) {
                w.write(c.volumeRatio() + "," + c.injectionRatio() + "," + c.regime().label() + ","
                        + c.meanField().meanN() + "," + c.fullMeanField().meanN() + "," + c.fullMeanField().meanM()
                        + "," + (c.hasExact() ? c.exactFlippedFraction() : "") + ","
                        + (c.hasExact() ? c.exactEnhancement() : "") + ","
                        + (c.hasExact() ? c.exact().states() : "") + "\n");
            }
            w.flush();
        });
    }

    /** Three panels: mean-field regimes; exact ⟨m⟩/⟨N⟩ in bins; exact ⟨N⟩/N_unpol in bins; each with the lines. */
    static void plot(RegimeMap map, Path file) {
        List<XYChart> charts = new ArrayList<>();
        XYChart regimes = base(map, "Mean-field regime (Fig. 1)");
        Color[] regimeColors = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x9467bd), new Color(0x7f7f7f)};
        for (Regime r : Regime.values()) {
            addCells(regimes, map, c -> c.regime() == r ? 1.0 : Double.NaN, 0.5, 1.5, r.label(),
                    regimeColors[r.ordinal()]);
        }
        charts.add(regimes);
        double[] pol = {0.0, 0.01, 0.05, 0.2, 0.4, 0.5001};
        charts.add(binned(map, "Exact <m>/<N> (0: polarized, 1/2: not)", RegimeMap.Cell::exactFlippedFraction, pol));
        double[] enh = {0.0, 1.2, 2.0, 5.0, 20.0, Double.POSITIVE_INFINITY};
        charts.add(binned(map, "Exact <N> / N_unpol (enhancement)", RegimeMap.Cell::exactEnhancement, enh));
        ChartFiles.save(charts, 1, 3, file);
    }

    private static XYChart binned(RegimeMap map, String title, ToDoubleFunction<RegimeMap.Cell> f, double[] edges) {
        XYChart chart = base(map, title);
        Color[] colors = {new Color(0x08306b), new Color(0x2171b5), new Color(0x6baed6), new Color(0xfd8d3c),
                new Color(0xd94801)};
        for (int i = 0; i + 1 < edges.length; i++) {
            double lo = edges[i];
            double hi = edges[i + 1];
            String label = Double.isInfinite(hi) ? String.format(Locale.ROOT, ">= %s", g(lo))
                    : String.format(Locale.ROOT, "[%s, %s)", g(lo), g(hi));
            addCells(chart, map, f, lo, hi, label, colors[i]);
        }
        addCells(chart, map, c -> c.hasExact() ? Double.NaN : 1.0, 0.5, 1.5, "not solved", new Color(0xdddddd));
        return chart;
    }

    private static void addCells(XYChart chart, RegimeMap map, ToDoubleFunction<RegimeMap.Cell> f, double lo,
                                 double hi, String name, Color color) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (RegimeMap.Cell c : map.cells()) {
            double v = f.applyAsDouble(c);
            if (v >= lo && v < hi) {
                xs.add(c.volumeRatio());
                ys.add(c.injectionRatio());
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.SQUARE);
        s.setMarkerColor(color);
    }

    private static XYChart base(RegimeMap map, String title) {
        XYChart chart = new XYChartBuilder().width(560).height(520).title(title).xAxisTitle("V / Vc")
                .yAxisTitle("A / Ac").build();
        Styler st = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(12);
        double[] v = map.volumeRatios();
        double[] a = map.injectionRatios();
        double vlo = v[0];
        double vhi = v[v.length - 1];
        double alo = a[0];
        double ahi = a[a.length - 1];
        int k = 60;
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
        line(chart, "A = Ac (Vc/V)^2", lx, ly);
        line(chart, "SR/TA: A = V/(Gt^2 ts^3)", cx, cy);
        if (vlo <= 1.0 && vhi >= 1.0) {
            double top = Math.min(ahi, RegimeMap.injectionBound(1.0));
            line(chart, "V = Vc", List.of(1.0, 1.0), List.of(alo, top));
        }
        return chart;
    }

    private static void line(XYChart chart, String name, List<Double> x, List<Double> y) {
        if (x.size() < 2) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.BLACK);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }
}
