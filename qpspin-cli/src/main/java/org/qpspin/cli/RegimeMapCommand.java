package org.qpspin.cli;

import static org.qpspin.cli.SummaryFormat.g;

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
import org.qpspin.meanfield.MeanFieldStationaryPoint;
import org.qpspin.model.Aluminium;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Regime;
import org.qpspin.rates.RateModels;
import org.qpspin.stationary.StationarySolvers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qpspin regime-map}: Fig. 1's regimes on a V/Vc × A/Ac grid, with the exact polarization where reachable. */
@Command(name = "regime-map", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Fig. 1's regime map, with the exact polarization.",
        description = {"The regime map of Fig. 1: on a log grid of V/Vc and A/Ac, the mean-field regime (SR, TA,",
                "crossover, unpolarized), the full mean-field N*, and where the exact solver reaches (N* <= --exact-max-n)",
                "the exact polarization <m>/<N> and enhancement <N>/N_unpol. Lines: V = Vc, A = Ac (Vc/V)^2, A = V/(Gamma_t^2 tau_s^3).",
                "Default rates: Gamma = 1, Gamma_t = 0.01, tau_s = 1 (Nc = 100), small enough for exact solves.",
                "Example: qpspin regime-map --per-decade 2 --plot map.png"},
        footer = {"", "Exit codes: 0 ok; 2 bad input."})
public final class RegimeMapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "aluminium: Gamma, Gamma_t, tau_s from docs/model.md.")
    String preset;

    @Option(names = "--gamma", paramLabel = "RATE", defaultValue = "1", description = "Gamma (default ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--gamma-t", paramLabel = "RATE", defaultValue = "0.01",
            description = "Gamma_t (default ${DEFAULT-VALUE}).")
    double gammaT;

    @Option(names = "--tau-s", paramLabel = "SECONDS", defaultValue = "1", converter = InfinityDoubleConverter.class,
            description = "tau_s, finite (default ${DEFAULT-VALUE}).")
    double tauS;

    @Option(names = "--params", paramLabel = "FILE.json",
            description = "Gamma, Gamma_t, tau_s from the \"parameters\" object of a qpspin output (its A and V are "
                    + "ignored: the map scans them); options given here override it.")
    Path paramsFile;

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

    @Option(names = "--rate-model", paramLabel = "NAME", defaultValue = "prl2020",
            description = "Rate model of the exact cells: prl2020 or exact-spin (the regime and mean-field columns "
                    + "stay the PRL 2020 limits); default ${DEFAULT-VALUE}.")
    String rateModelName;

    @Mixin
    JsonOption json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the grid to FILE as CSV (metadata in FILE.meta.json).")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write the map (.png or .svg).")
    Path plot;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
            AtomicOutput.check(plot, "--plot");
        }
        if (csv != null) {
            AtomicOutput.check(csv, "--csv");
        }
        if (!(exactMaxN >= 0.0)) {
            throw new UsageException("--exact-max-n must be >= 0 (0: no exact solves), got " + exactMaxN);
        }
        applyParamsFile();
        if (preset != null) {
            if (!preset.equalsIgnoreCase("aluminium") && !preset.equalsIgnoreCase("aluminum")) {
                throw new UsageException("unknown --preset '" + preset + "'; known: aluminium");
            }
            gamma = Aluminium.singletRate();
            gammaT = Aluminium.tripletRate();
            tauS = Aluminium.spinFlipTime();
        }
        if (!RateModels.NAMES.contains(rateModelName)) {
            throw new UsageException("unknown --rate-model '" + rateModelName + "'; known: "
                    + String.join(", ", RateModels.NAMES));
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
        RegimeMap map;
        try (ProgressBars.Bar bar = ProgressBars.steps(err, quiet.isSet(), "regime-map exact solves",
                exactSolves(v, a))) {
            // a bar on a terminal, else one progress line per exact solve
            map = RegimeMap.compute(gamma, gammaT, tauS, v, a, exactMaxN, maxStates,
                    StationarySolvers.byName(solverName), ProgressBars.enabled(quiet.isSet()) ? line -> bar.step()
                            : quiet.progressTo(err), rateModelName);
        }
        UsageException writeFailure = null;
        java.util.List<Path> written = new java.util.ArrayList<>();
        try {
            if (csv != null) {
                written.addAll(writeCsv(map, csv, json(map)));
            }
            if (plot != null) {
                plot(map, plot);
                written.add(plot);
            }
        } catch (UsageException e) { // the table is still printed; the failure is reported after it
            writeFailure = e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.isSet() ? toJson(map) : table(map));
        out.flush();
        if (writeFailure != null) {
            throw writeFailure;
        }
        AtomicOutput.report(err, written);
        return 0;
    }

    /** The number of cells RegimeMap will solve exactly: those whose full mean-field N* is within the limit. */
    private long exactSolves(double[] v, double[] a) {
        double vc = gamma * tauS;
        double ac = gamma / (gammaT * tauS * gammaT * tauS);
        long n = 0;
        try {
            for (double ai : a) {
                for (double vi : v) {
                    ModelParameters p = ModelParameters.of(ai * ac, vi * vc, gamma, gammaT, tauS);
                    if (MeanFieldStationaryPoint.of(p).meanN() <= exactMaxN) {
                        n++;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return 1; // bad rates: RegimeMap.compute says what is wrong
        }
        return Math.max(n, 1);
    }

    /** Γ, Γ_t, τ_s from {@code --params} where not given on the command line (A and V are noted and ignored). */
    private void applyParamsFile() {
        if (paramsFile == null) {
            return;
        }
        ParamsFile f = ParamsFile.read(paramsFile);
        f.requireCompatible(preset, paramsFile);
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (f.singletRate() != null && !given.hasMatchedOption("--gamma")) {
            gamma = f.singletRate();
        }
        if (f.tripletRate() != null && !given.hasMatchedOption("--gamma-t")) {
            gammaT = f.tripletRate();
        }
        if (f.spinFlipTime() != null && !given.hasMatchedOption("--tau-s")) {
            tauS = f.spinFlipTime();
        }
        if (f.injectionRate() != null || f.volume() != null) {
            quiet.report(spec.commandLine().getErr(), "--params: A and V ignored (regime-map scans them)");
        }
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
                "qpspin regime-map: Gamma = %s, Gamma_t = %s, tau_s = %s (Nc = %s)%n", g(map.singletRate()),
                g(map.tripletRate()), g(map.spinFlipTime()),
                g(map.singletRate() / map.tripletRate())));
        b.append(String.format(Locale.ROOT, "exact columns: %s rates; regime, N0, N*, m*/N*: mean field of the PRL 2020 "
                + "rates (Eqs. 1-4)%n%n", map.rateModel()));
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
        return JsonOutput.write(json(map));
    }

    /** The object of {@code --json}, also the sidecar of {@code --csv}. */
    static ObjectNode json(RegimeMap map) {
        ObjectNode root = JsonOutput.object("regime-map");
        root.put("rateModel", map.rateModel());
        root.put("meanFieldModel", "prl2020");
        ObjectNode par = root.putObject("parameters");
        par.put("gamma", map.singletRate());
        par.put("gammaT", map.tripletRate());
        par.put("tauS", map.spinFlipTime());
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

    static java.util.List<Path> writeCsv(RegimeMap map, Path file, ObjectNode json) {
        return CsvFiles.write(file, CSV_COLUMNS, w -> {
            for (RegimeMap.Cell c : map.cells()) {
                w.write(c.volumeRatio() + "," + c.injectionRatio() + "," + c.regime().label() + ","
                        + c.meanField().meanN() + "," + c.fullMeanField().meanN() + "," + c.fullMeanField().meanM()
                        + "," + (c.hasExact() ? c.exactFlippedFraction() : "") + ","
                        + (c.hasExact() ? c.exactEnhancement() : "") + ","
                        + (c.hasExact() ? c.exact().states() : "") + "\n");
            }
        }, json);
    }

    /**
     * Three panels, each a filled heat map on the V/Vc × A/Ac grid (log axes, one cell per grid point, edges at
     * the geometric midpoints): the mean-field regime (categories, in the legend); the exact polarization
     * ⟨m⟩/⟨N⟩ (linear colour bar 0 … 1/2); the exact enhancement ⟨N⟩/N_unpol (log colour bar). Cells not solved
     * exactly are light grey. Over each, the three lines of Fig. 1, told apart by colour and dash (legend).
     */
    static Path plot(RegimeMap map, Path file) {
        List<PlotTheme.Panel> panels = new ArrayList<>();
        Color[] regimeColors = {PlotTheme.PALETTE[0], PlotTheme.PALETTE[1], PlotTheme.PALETTE[4],
                new Color(0x9fd8c6)};
        PlotTheme.Panel regimes = base(map, "Mean-field regime (Fig. 1)",
                c -> c.regime().ordinal(), PlotTheme.ColourScale.categorical(regimeColors));
        for (Regime r : Regime.values()) {
            regimes.legendEntry(r.label(), regimeColors[r.ordinal()]);
        }
        panels.add(regimes);
        PlotTheme.Panel pol = base(map, "Exact polarization <m>/<N> (" + map.rateModel() + ")", c -> c.hasExact() ? c.exactFlippedFraction()
                : Double.NaN, PlotTheme.ColourScale.linear(0.0, 0.5, "<m>/<N>  (0: polarized, 1/2: not)"));
        pol.legendEntry("not solved exactly", NOT_SOLVED);
        panels.add(pol);
        double hi = 1.0;
        for (RegimeMap.Cell c : map.cells()) {
            if (c.hasExact() && c.exactEnhancement() > hi) {
                hi = c.exactEnhancement();
            }
        }
        PlotTheme.Panel enh = base(map, "Exact enhancement <N>/N_unpol", c -> c.hasExact() ? c.exactEnhancement()
                : Double.NaN, PlotTheme.ColourScale.logarithmic(1.0, Math.max(hi, 10.0), "<N>/N_unpol"));
        enh.legendEntry("not solved exactly", NOT_SOLVED);
        panels.add(enh);
        String caption = String.format(Locale.ROOT, "Γ = %s s⁻¹ µm³, Γt = %s s⁻¹ µm³, τs = %s s (Nc = Γ/Γt = %s); "
                        + "Vc and Ac from docs/model.md. Exact solves where the mean-field N* ≤ the --exact-max-n limit; "
                        + "%d of %d cells solved.", PlotTheme.number(map.singletRate()),
                PlotTheme.number(map.tripletRate()), PlotTheme.number(map.spinFlipTime()),
                PlotTheme.number(map.singletRate() / map.tripletRate()),
                map.cells().stream().filter(RegimeMap.Cell::hasExact).count(), map.cells().size());
        return PlotTheme.grid(caption, panels, 1, 3).save(file);
    }

    private static final Color NOT_SOLVED = new Color(0xdddddd);

    private static PlotTheme.Panel base(RegimeMap map, String title, ToDoubleFunction<RegimeMap.Cell> f,
                                        PlotTheme.ColourScale scale) {
        PlotTheme.Panel panel = PlotTheme.panel(title, "volume V / Vc", true, "injection A / Ac", true, 560, 620);
        double[] v = map.volumeRatios();
        double[] a = map.injectionRatios();
        double[] ve = edges(v);
        double[] ae = edges(a);
        List<RegimeMap.Cell> cells = map.cells();
        int n = cells.size();
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y0 = new double[n];
        double[] y1 = new double[n];
        double[] value = new double[n];
        for (int k = 0; k < n; k++) {
            RegimeMap.Cell c = cells.get(k);
            int i = nearest(v, c.volumeRatio());
            int j = nearest(a, c.injectionRatio());
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
