package org.qpspin.cli;

import static org.qpspin.cli.SummaryFormat.g;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.qpspin.model.Aluminium;
import org.qpspin.rates.RateModels;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of {@code qpspin regime-map} that define its grid (rates, ranges, exact-solve limits, solver, rate
 * model), checked and resolved into a {@link RegimeMapGrid} by {@link #grid}. A picocli mixin
 * ({@code @Mixin RegimeMapOptions}), shared by {@code qpspin regime-map} and {@code qpspin sweep regime-map}, so
 * that both build the same grid from the same command line.
 */
public final class RegimeMapOptions {

    /** The command this mixin is part of (for which options were given on its command line). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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

    /** The ratio ranges accepted (V/Vc, A/Ac): N0 ~ (A/Ac)^(1/2) (V/Vc) Nc stays a normal double well inside. */
    static final double RANGE_LIMIT_LOW = 1e-15;
    static final double RANGE_LIMIT_HIGH = 1e15;

    /**
     * The grid, checked before any work (one-line {@link UsageException} for bad input): {@code --params}, then
     * {@code --preset}, give the rates not given on the command line; {@code notes} receives what the options
     * ignore (A and V of a --params file).
     *
     * @param notes receives one line per ignored input (e.g. A and V of a {@code --params} file)
     * @return the checked grid, with the V/Vc and A/Ac ranges expanded to their values
     * @throws UsageException (exit 2, one line) for a negative {@code --exact-max-n}, an unreadable
     *     {@code --params} file, an unknown preset or rate model, {@code --per-decade} outside 1..20,
     *     {@code --max-states} &lt; 1, or a range that is not LO:HI with 0 &lt; LO ≤ HI within [10⁻¹⁵, 10¹⁵] or
     *     gives more than 400 points (the rates themselves are checked by {@link RegimeMapGrid#compute})
     */
    public RegimeMapGrid grid(Consumer<String> notes) {
        if (!(exactMaxN >= 0.0)) {
            throw new UsageException("--exact-max-n must be >= 0 (0: no exact solves), got " + exactMaxN);
        }
        applyParamsFile(notes);
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
        double[] v = axis(vRange, "--v-range");
        double[] a = axis(aRange, "--a-range");
        return new RegimeMapGrid(gamma, gammaT, tauS, v, a, exactMaxN, maxStates, solverName, rateModelName);
    }

    /** Γ, Γ_t, τ_s from {@code --params} where not given on the command line (A and V are noted and ignored). */
    private void applyParamsFile(Consumer<String> notes) {
        if (paramsFile == null) {
            return;
        }
        ParamsFile f = ParamsFile.read(paramsFile);
        f.requireCompatible(preset, paramsFile);
        CommandLine.ParseResult given = mixee.commandLine().getParseResult();
        if (f.singletRate() != null && !given.hasMatchedOption("--gamma")) {
            gamma = f.singletRate();
        }
        if (f.tripletRate() != null && !given.hasMatchedOption("--gamma-t")) {
            gammaT = f.tripletRate();
        }
        if (f.spinFlipTime() != null && !given.hasMatchedOption("--tau-s")) {
            tauS = f.spinFlipTime();
        }
        if ((f.injectionRate() != null || f.volume() != null) && notes != null) {
            notes.accept("--params: A and V ignored (regime-map scans them)");
        }
    }

    private double[] axis(String range, String option) {
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
}
