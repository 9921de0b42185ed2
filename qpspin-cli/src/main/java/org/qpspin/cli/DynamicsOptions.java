package org.qpspin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qpspin.dynamics.ExponentialAction;
import org.qpspin.dynamics.StartDistribution;
import org.qpspin.dynamics.TransientAnalysis;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.RateModel;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code transient} and {@code first-passage}: the start law, the time grid, the
 * truncation and the kernel. Use as {@code @Mixin DynamicsOptions dynamics;}; every check is in the accessors,
 * which the commands call before any work.
 */
public final class DynamicsOptions {

    @Option(names = "--start", paramLabel = "N,m|FILE", defaultValue = "0,0",
            description = {"Start state 'N,m' (default ${DEFAULT-VALUE}: the empty cluster, injection switched on at "
                    + "t = 0), or a CSV file of the start law: lines N,m,p (a header line and # comments allowed; "
                    + "p summing to 1)."})
    String start;

    @Option(names = "--times", paramLabel = "T", split = ",",
            description = "Times in s (comma-separated, increasing); replaces the log grid.")
    double[] times;

    @Option(names = "--t-min", paramLabel = "S", description = "Log grid: first time in s (default t-max/1e4).")
    Double tMin;

    @Option(names = "--t-max", paramLabel = "S",
            description = "Log grid: last time in s (default: see the command's description).")
    Double tMax;

    @Option(names = "--points", paramLabel = "K", defaultValue = "40",
            description = "Log grid: number of times (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--tol", paramLabel = "TOL", defaultValue = "1e-10",
            description = "Largest mass allowed to leave the truncated set by the last time (default "
                    + "${DEFAULT-VALUE}); the truncation grows until it holds.")
    double tolerance;

    @Option(names = "--n-max", paramLabel = "N", description = "Fixed truncation: largest N (default: automatic).")
    Integer nMax;

    @Option(names = "--m-max", paramLabel = "M", description = "Fixed truncation: largest m (needs --n-max).")
    Integer mMax;

    @Option(names = "--max-states", paramLabel = "S", defaultValue = "" + TransientAnalysis.DEFAULT_MAX_STATES,
            description = "Largest number of states the automatic truncation may use (default ${DEFAULT-VALUE}).")
    int maxStates;

    @Option(names = "--max-products", paramLabel = "K", defaultValue = "5e7",
            description = "Refuse (transient) or skip (first-passage distribution) an exp(tL) that needs more than K "
                    + "products with the generator (~ largest exit rate x time; default ${DEFAULT-VALUE}).")
    double maxProducts;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "auto",
            description = "exp(tL)v method: auto, uniformization, taylor (default ${DEFAULT-VALUE}; "
                    + "docs/theory.md \"Dynamics\").")
    String method;

    /** The kernel method. */
    ExponentialAction.Method method() {
        try {
            return ExponentialAction.Method.byName(method);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--method: " + e.getMessage());
        }
    }

    /** The transient analysis configured by the options. */
    TransientAnalysis analysis() {
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new UsageException("--tol must be in (0, 1), got " + tolerance);
        }
        if (maxStates < 1) {
            throw new UsageException("--max-states must be >= 1, got " + maxStates);
        }
        if (!(maxProducts > 0.0) || !Double.isFinite(maxProducts)) {
            throw new UsageException("--max-products must be finite and > 0, got " + maxProducts);
        }
        TransientAnalysis a = TransientAnalysis.withDefaults().withTolerance(tolerance).withMaxStates(maxStates)
                .withMethod(method()).withMaxProducts(maxProducts);
        if (mMax != null && nMax == null) {
            throw new UsageException("--m-max needs --n-max (or drop both for the automatic truncation)");
        }
        if (nMax != null) {
            if (nMax < 0) {
                throw new UsageException("--n-max must be >= 0, got " + nMax);
            }
            if (mMax != null && mMax < 0) {
                throw new UsageException("--m-max must be >= 0, got " + mMax);
            }
            a = a.withFixedTruncation(nMax, mMax == null ? nMax / 2 : mMax);
        }
        return a;
    }

    /** Fixed truncation check: the start law must fit in it. */
    void checkStartFits(StartDistribution s) {
        if (nMax != null) {
            int m = mMax == null ? nMax / 2 : mMax;
            for (int i = 0; i < s.size(); i++) {
                if (s.probability(i) > 0 && (s.n(i) > nMax || s.m(i) > m)) {
                    throw new UsageException("start state (N=" + s.n(i) + ", m=" + s.m(i) + ") is outside --n-max "
                            + nMax + " / --m-max " + m);
                }
            }
        }
    }

    /** The start law: a point mass 'N,m' or a CSV file. */
    StartDistribution startDistribution() {
        String s = start.trim();
        if (s.matches("[+-]?\\d+\\s*,\\s*[+-]?\\d+")) {
            String[] parts = s.split(",");
            int n;
            int m;
            try {
                n = Integer.parseInt(parts[0].trim());
                m = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--start '" + start + "': N and m must be integers");
            }
            try {
                return StartDistribution.pointMass(n, m);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--start: " + e.getMessage());
            }
        }
        Path file = Path.of(s);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--start '" + start + "' is neither 'N,m' nor a readable file");
        }
        return readCsv(file);
    }

    private static StartDistribution readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read --start " + file + ": " + e.getMessage());
        }
        List<int[]> states = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s*,\\s*");
            if (states.isEmpty() && probabilities.isEmpty() && !f[0].matches("[+-]?\\d+")) {
                continue; // header
            }
            if (f.length != 3) {
                throw new UsageException(String.format(Locale.ROOT, "--start %s line %d: expected N,m,p, got '%s'",
                        file, i + 1, line));
            }
            try {
                states.add(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])});
                probabilities.add(Double.parseDouble(f[2]));
            } catch (NumberFormatException e) {
                throw new UsageException(String.format(Locale.ROOT, "--start %s line %d: expected integers N, m and "
                        + "a probability p, got '%s'", file, i + 1, line));
            }
        }
        if (states.isEmpty()) {
            throw new UsageException("--start " + file + " holds no N,m,p lines");
        }
        int[] n = new int[states.size()];
        int[] m = new int[states.size()];
        double[] p = new double[states.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = states.get(i)[0];
            m[i] = states.get(i)[1];
            p[i] = probabilities.get(i);
        }
        try {
            return StartDistribution.of(n, m, p);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--start " + file + ": " + e.getMessage());
        }
    }

    /** Whether the user gave --times or --t-max (so that no default time scale is needed). */
    boolean hasTimes() {
        return times != null || tMax != null;
    }

    /** The time grid: --times, or the log grid from --t-min to --t-max (default t-max: {@code defaultTMax}). */
    double[] times(double defaultTMax) {
        if (times != null) {
            if (tMin != null || tMax != null) {
                throw new UsageException("give either --times or --t-min/--t-max, not both");
            }
            if (times.length == 0) {
                throw new UsageException("--times is empty");
            }
            for (int i = 0; i < times.length; i++) {
                if (!(times[i] >= 0.0) || !Double.isFinite(times[i])) {
                    throw new UsageException("--times values must be finite and >= 0 s, got " + times[i]);
                }
                if (i > 0 && !(times[i] > times[i - 1])) {
                    throw new UsageException("--times must be strictly increasing, got " + times[i - 1] + " then "
                            + times[i]);
                }
            }
            return times.clone();
        }
        if (points < 2) {
            throw new UsageException("--points must be >= 2, got " + points);
        }
        double hi = tMax != null ? tMax : defaultTMax;
        if (!(hi > 0.0) || !Double.isFinite(hi)) {
            throw new UsageException("--t-max must be finite and > 0 s, got " + hi);
        }
        double lo = tMin != null ? tMin : hi * 1e-4;
        if (!(lo > 0.0) || !Double.isFinite(lo)) {
            throw new UsageException("--t-min must be finite and > 0 s, got " + lo);
        }
        if (!(hi > lo)) {
            throw new UsageException("--t-max must be > --t-min, got " + hi + " <= " + lo);
        }
        double[] t = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = lo * Math.pow(hi / lo, i / (double) (points - 1));
        }
        t[points - 1] = hi;
        return t;
    }

    /** Writes {@code text} to {@code file} whole (temporary file, then rename: {@link AtomicOutput}). */
    static void write(Path file, String text, String option) {
        AtomicOutput.write(file, option, stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
