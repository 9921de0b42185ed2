package org.qpspin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.qpspin.cli.PlotTheme;

/**
 * Tables and plot of the {@link ValidatorCalibration} study (docs/validation.md "Calibration and power,
 * measured"): reads {@code DIR/pvalues.csv} (or {@code pvalues.csv.gz}; several DIRs separated by commas), prints markdown to stdout and writes the p-value histograms.
 *
 * <ul>
 *   <li>False alarms: for each chain and sampling (right model), the number of seeds with p &lt; α per test, at
 *       α = 0.01 and 0.05, and of the overall verdict (Bonferroni, as {@code validate}: min p &lt; α / tests run);
 *       a count outside the exact binomial 99 % band of Bin(n, α) (from the 0.5 % to the 99.5 % quantile,
 *       {@link BinomialDistribution#inverseCumulativeProbability}) is marked.</li>
 *   <li>Detection: the share of seeds whose overall verdict at α = 0.01 rejects, per planted error and length,
 *       and per test at the longest length.</li>
 *   <li>Plot: per test, the histogram of the right model's p-values (20 bins, all calibration samplings pooled
 *       per chain), relative to the uniform law, with the binomial 99 % band of one bin.</li>
 * </ul>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar org.qpspin.bench.ValidatorCalibrationReport DIR[,DIR] PLOT.png}
 */
public final class ValidatorCalibrationReport {

    private static final double[] ALPHAS = {0.01, 0.05};
    private static final int BINS = 20;

    private record Row(String chain, String part, String model, String sampling, int length, long seed, String test,
                       double p) {
    }

    private ValidatorCalibrationReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ValidatorCalibrationReport DIR[,DIR...] PLOT.png");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>();
        for (String dir : args[0].split(",")) {
            Path plain = Path.of(dir).resolve("pvalues.csv");
            rows.addAll(read(Files.exists(plain) ? plain : Path.of(dir).resolve("pvalues.csv.gz")));
        }
        List<String> tests = new ArrayList<>(ValidatorCalibration.TEST_CODES.values());
        falseAlarms(rows, tests);
        detection(rows, tests);
        plot(rows, tests, Path.of(args[1]));
    }

    private static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines;
        if (file.toString().endsWith(".gz")) {
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            }
        } else {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("chain,") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 8) { // a file still being written ends in a partial line
                continue;
            }
            rows.add(new Row(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), Long.parseLong(f[5]), f[6],
                    Double.parseDouble(f[7])));
        }
        return rows;
    }

    /** The runs of one setting: seed → test → p. */
    private static Map<String, Map<Long, Map<String, Double>>> group(List<Row> rows, String part, String model) {
        Map<String, Map<Long, Map<String, Double>>> settings = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.part.equals(part) || !r.model.equals(model)) {
                continue;
            }
            String key = r.chain + "|" + r.sampling + "|" + r.length;
            settings.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(r.seed, k -> new LinkedHashMap<>())
                    .put(r.test, r.p);
        }
        return settings;
    }

    /** Whether the overall (Bonferroni) verdict rejects at α: min p &lt; α / tests run. */
    private static boolean overallRejects(Map<String, Double> run, double alpha) {
        int ran = 0;
        double min = 1.0;
        for (double p : run.values()) {
            if (!Double.isNaN(p)) {
                ran++;
                min = Math.min(min, p);
            }
        }
        return min < alpha / Math.max(1, ran);
    }

    private static int[] band(int n, double alpha) {
        BinomialDistribution b = new BinomialDistribution(null, n, alpha);
        return new int[] {b.inverseCumulativeProbability(0.005), b.inverseCumulativeProbability(0.995)};
    }

    private static void falseAlarms(List<Row> rows, List<String> tests) {
        Map<String, Map<Long, Map<String, Double>>> settings = new LinkedHashMap<>();
        settings.putAll(group(rows, "calibration", "right"));
        settings.putAll(group(rows, "events", "right"));
        int outside = 0;
        int cells = 0;
        for (double alpha : ALPHAS) {
            StringBuilder head = new StringBuilder("| chain | sampling | n | band |");
            StringBuilder rule = new StringBuilder("|---|---|---|---|");
            for (String t : tests) {
                head.append(' ').append(t.replace("_", " ")).append(" |");
                rule.append("---|");
            }
            head.append(" overall |");
            rule.append("---|");
            System.out.printf(Locale.ROOT, "%nFalse alarms at alpha = %s: seeds with p < alpha (marked * when outside "
                    + "the binomial 99 %% band of Bin(n, alpha); overall = Bonferroni as validate)%n%n", alpha);
            System.out.println(head);
            System.out.println(rule);
            for (Map.Entry<String, Map<Long, Map<String, Double>>> e : settings.entrySet()) {
                String[] key = e.getKey().split("\\|");
                Map<Long, Map<String, Double>> runs = e.getValue();
                StringBuilder line = new StringBuilder();
                int n = runs.size();
                int[] b = band(n, alpha);
                String sampling = key[1].equals("events") ? "events (" + key[2] + " τ_N)"
                        : "Δt = " + key[1].substring(1) + " τ_N";
                line.append("| ").append(key[0]).append(" | ").append(sampling).append(" | ").append(n)
                        .append(" | ").append(b[0]).append("–").append(b[1]).append(" |");
                for (String t : tests) {
                    int ran = 0;
                    int k = 0;
                    for (Map<String, Double> run : runs.values()) {
                        Double p = run.get(t);
                        if (p != null && !Double.isNaN(p)) {
                            ran++;
                            if (p < alpha) {
                                k++;
                            }
                        }
                    }
                    if (ran == 0) {
                        line.append(" – |");
                        continue;
                    }
                    int[] bt = ran == n ? b : band(ran, alpha);
                    boolean out = k < bt[0] || k > bt[1];
                    outside += out ? 1 : 0;
                    cells++;
                    line.append(' ').append(k).append(ran == n ? "" : "/" + ran).append(out ? " *" : "").append(" |");
                }
                int k = 0;
                for (Map<String, Double> run : runs.values()) {
                    if (overallRejects(run, alpha)) {
                        k++;
                    }
                }
                line.append(' ').append(k).append(" |");
                System.out.println(line);
            }
        }
        System.out.printf(Locale.ROOT, "%n%d of %d per-test cells outside their 99 %% band (%.1f expected by chance "
                + "if independent)%n", outside, cells, 0.01 * cells);
    }

    private static void detection(List<Row> rows, List<String> tests) {
        List<String> models = new ArrayList<>();
        for (Row r : rows) {
            if (r.part.equals("power") && !models.contains(r.model)) {
                models.add(r.model);
            }
        }
        if (models.isEmpty()) {
            return;
        }
        Map<String, Map<Integer, int[]>> table = new LinkedHashMap<>(); // chain|model -> length -> {rejected, n}
        Map<String, Map<String, int[]>> perTest = new LinkedHashMap<>(); // at the longest length
        int longest = rows.stream().filter(r -> r.part.equals("power")).mapToInt(Row::length).max().orElse(0);
        String sampling = "";
        for (String model : models) {
            for (Map.Entry<String, Map<Long, Map<String, Double>>> e : group(rows, "power", model).entrySet()) {
                String[] key = e.getKey().split("\\|");
                sampling = key[1];
                int length = Integer.parseInt(key[2]);
                int[] c = table.computeIfAbsent(key[0] + "|" + model, k -> new TreeMap<>())
                        .computeIfAbsent(length, k -> new int[2]);
                for (Map<String, Double> run : e.getValue().values()) {
                    c[1]++;
                    if (overallRejects(run, 0.01)) {
                        c[0]++;
                    }
                    if (length == longest) {
                        for (String t : tests) {
                            int[] pt = perTest.computeIfAbsent(key[0] + "|" + model, k -> new LinkedHashMap<>())
                                    .computeIfAbsent(t, k -> new int[2]);
                            Double p = run.get(t);
                            if (p != null && !Double.isNaN(p)) {
                                pt[1]++;
                                if (p < 0.01) {
                                    pt[0]++;
                                }
                            }
                        }
                    }
                }
            }
        }
        List<Integer> lengths = new ArrayList<>(table.values().iterator().next().keySet());
        System.out.printf(Locale.ROOT, "%nDetection at alpha = 0.01 (overall verdict, Bonferroni), Δt = %s τ_N, "
                + "2 replicas; length = samples per replica%n%n", sampling.substring(1));
        StringBuilder head = new StringBuilder("| chain | simulated model | n |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (int l : lengths) {
            head.append(' ').append(l).append(" |");
            rule.append("---|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (Map.Entry<String, Map<Integer, int[]>> e : table.entrySet()) {
            String[] key = e.getKey().split("\\|");
            StringBuilder line = new StringBuilder("| " + key[0] + " | " + key[1] + " | "
                    + e.getValue().values().iterator().next()[1] + " |");
            for (int l : lengths) {
                int[] c = e.getValue().get(l);
                line.append(c == null ? " – |" : String.format(Locale.ROOT, " %.0f %% |", 100.0 * c[0] / c[1]));
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "%nPer test at length %d: share of seeds with p < 0.01%n%n", longest);
        head = new StringBuilder("| chain | simulated model |");
        rule = new StringBuilder("|---|---|");
        for (String t : tests) {
            head.append(' ').append(t.replace("_", " ")).append(" |");
            rule.append("---|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (Map.Entry<String, Map<String, int[]>> e : perTest.entrySet()) {
            String[] key = e.getKey().split("\\|");
            StringBuilder line = new StringBuilder("| " + key[0] + " | " + key[1] + " |");
            for (String t : tests) {
                int[] c = e.getValue().get(t);
                line.append(c == null || c[1] == 0 ? " – |"
                        : String.format(Locale.ROOT, " %.0f %% |", 100.0 * c[0] / c[1]));
            }
            System.out.println(line);
        }
    }

    private static void plot(List<Row> rows, List<String> tests, Path file) {
        List<String> chains = new ArrayList<>();
        for (Row r : rows) {
            if (!chains.contains(r.chain)) {
                chains.add(r.chain);
            }
        }
        List<PlotTheme.Panel> panels = new ArrayList<>();
        int pooled = 0;
        for (String t : tests) {
            PlotTheme.Panel panel = PlotTheme.panel(t.replace("_", " "), "p-value", false,
                    "count / uniform expectation", false, 520, 400);
            double top = 2.0;
            int ci = 0;
            for (String chain : chains) {
                int[] counts = new int[BINS];
                int n = 0;
                for (Row r : rows) {
                    if (r.chain.equals(chain) && r.test.equals(t) && r.model.equals("right")
                            && !r.part.equals("power") && !Double.isNaN(r.p)) {
                        counts[Math.min(BINS - 1, (int) (r.p * BINS))]++;
                        n++;
                    }
                }
                if (n == 0) {
                    continue;
                }
                pooled = Math.max(pooled, n);
                double[] x = new double[2 * BINS];
                double[] y = new double[2 * BINS];
                for (int i = 0; i < BINS; i++) {
                    x[2 * i] = i / (double) BINS;
                    x[2 * i + 1] = (i + 1) / (double) BINS;
                    y[2 * i] = y[2 * i + 1] = counts[i] * BINS / (double) n;
                    top = Math.max(top, y[2 * i]);
                }
                panel.line(chain + " (" + n + " p-values)", x, y, PlotTheme.PALETTE[ci++], PlotTheme.SOLID);
            }
            if (pooled > 0) {
                int[] b = band(pooled, 1.0 / BINS);
                double lo = b[0] * BINS / (double) pooled;
                double hi = b[1] * BINS / (double) pooled;
                panel.line("99 % band of one bin (n = " + pooled + ")", new double[] {0, 1, Double.NaN, 0, 1},
                        new double[] {lo, lo, Double.NaN, hi, hi}, new java.awt.Color(0x777777), PlotTheme.DASHED);
            }
            panel.xRange(0.0, 1.0).yRange(0.0, Math.ceil(top * 2) / 2);
            panels.add(panel);
        }
        PlotTheme.grid("qpspin validate, right model: p-values of each test over all seeds and samplings "
                + "(Δt = 0.1, 0.3, 1, 3, 10 τ_N and event sampling), per chain; a calibrated test is flat at 1. "
                + "Data: benchmarks/calibration/pvalues.csv.gz (ValidatorCalibration).", panels, 2,
                (tests.size() + 1) / 2).save(file);
        System.out.println();
        System.out.println("plot: " + file);
    }
}
