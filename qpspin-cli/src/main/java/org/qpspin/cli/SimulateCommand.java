package org.qpspin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.qpspin.model.ModelParameters;
import org.qpspin.montecarlo.GillespieSimulator;
import org.qpspin.montecarlo.MonteCarloControl;
import org.qpspin.montecarlo.MonteCarloResult;
import org.qpspin.montecarlo.MonteCarloSettings;
import org.qpspin.montecarlo.OccupationHistogram;
import org.qpspin.rates.Channel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin simulate}: exact stochastic simulation (Gillespie's direct method) of the PRL 2020 chain, in
 * parallel replicas. Writes N(t), m(t) on a regular grid as CSV ({@code --out}), the format {@code qpspin validate}
 * reads; Ctrl-C or {@code --budget} stop the run and what was simulated so far is still written.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Exact Monte Carlo (Gillespie) trajectories of N, m.",
        description = {"Exact Monte Carlo (Gillespie direct method) of the cluster chain: time series N(t), m(t),",
                "time-weighted occupation, event counts per channel, realised injection rate.",
                "Example: qpspin simulate --A 50 --V 1 --gamma 10 --gamma-t 0.5 --tau-s 0.2 --time 1000 "
                        + "--dt 0.01 --out samples.csv"},
        footer = {"", "Ctrl-C stops the replicas; the results so far are written (marked STOPPED EARLY in the summary,",
                "\"stopped\": true in --json and in the FILE.meta.json sidecars).",
                "Output files are written whole (temporary file, then renamed) and reported on stderr.",
                "Exit codes: 0 ok; 2 bad input (one line on stderr); 3 out of memory."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--time", paramLabel = "SECONDS", required = true,
            description = "Simulated time recorded per replica, in s (after the burn-in).")
    double time;

    @Option(names = "--burn-in", paramLabel = "SECONDS",
            description = "Simulated time discarded first, per replica (default: 10%% of --time).")
    Double burnIn;

    @Option(names = "--dt", paramLabel = "SECONDS",
            description = "Spacing of the N(t), m(t) grid in s (default: --time / 100000).")
    Double interval;

    @Option(names = "--replicas", paramLabel = "R", description = "Independent replicas (default: available cores).")
    Integer replicas;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: available cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed (default ${DEFAULT-VALUE}); the same seed gives the same output bytes.")
    long seed;

    @Option(names = "--start", paramLabel = "N,M", split = ",",
            description = "Start state N,m (default: the mean-field fixed point).")
    int[] start;

    @Option(names = "--budget", paramLabel = "SECONDS",
            description = "Wall-clock budget: stop the replicas after this long and write what was simulated.")
    Double budget;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the time series (replica,t,N,m; one header line) here, metadata in FILE.meta.json.")
    Path out;

    @Option(names = "--histogram", paramLabel = "FILE.csv",
            description = "Write the time-weighted occupation P(N, m) (N,m,time,fraction) here, metadata in "
                    + "FILE.meta.json.")
    Path histogram;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Plot replica 1's N(t), m(t) and the occupation P(N) with error bars to FILE (.png or .svg).")
    Path plot;

    @Mixin
    JsonOption json;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
        }
        ModelParameters parameters = model.requiredParameters("simulate");
        MonteCarloSettings settings = settings();
        checkOutputs();
        GillespieSimulator simulator = GillespieSimulator.of(model.rateModel(parameters));
        MonteCarloControl control = new MonteCarloControl();
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.requestStop();
            try {
                written.await(30, TimeUnit.SECONDS); // let the main thread write the results so far
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "qpspin-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter err = spec.commandLine().getErr();
        try {
            MonteCarloResult result;
            try (ProgressBars.Bar bar = ProgressBars.fraction(err, quiet.isSet(), "simulate", control::progress,
                    () -> String.format(Locale.ROOT, "%.3g events", (double) control.events()))) {
                result = simulator.run(settings, control);
            }
            boolean recorded = !(result.stopped() && result.simulatedTime() == 0.0); // nothing replaced by a header
            ObjectNode summary = json(result, out, histogram, plot != null && result.simulatedTime() > 0.0 ? plot : null);
            if (out != null && recorded) {
                AtomicOutput.report(err, CsvFiles.write(out, TIME_SERIES_COLUMNS, result::writeTimeSeriesRows, summary));
            }
            if (histogram != null && recorded) {
                AtomicOutput.report(err, CsvFiles.write(histogram, HISTOGRAM_COLUMNS,
                        w -> writeHistogramRows(result.occupation(), w), summary));
            }
            if (plot != null && result.simulatedTime() > 0.0) {
                AtomicOutput.report(err, java.util.List.of(ResultPlots.simulate(result, plot)));
            }
            PrintWriter o = spec.commandLine().getOut();
            if (json.isSet()) {
                o.println(JsonOutput.write(summary));
            } else {
                printSummary(o, result);
            }
            o.flush();
            if (result.stopped()) {
                err.println(result.simulatedTime() == 0.0
                        ? "qpspin: stopped during the burn-in; nothing was recorded (no file written or replaced)"
                        : "qpspin: stopped early; the output holds what was simulated (see 'recorded' above)");
                err.flush();
            }
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (Ctrl-C): the hook is running and now sees the latch released
            }
        }
        return 0;
    }

    private MonteCarloSettings settings() {
        if (!(time > 0.0) || !Double.isFinite(time)) {
            throw new UsageException("--time must be finite and > 0 s, got " + time);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double b = burnIn == null ? 0.1 * time : burnIn;
        double dt = interval == null ? time / 100_000.0 : interval;
        if (!(b >= 0.0) || !Double.isFinite(b)) {
            throw new UsageException("--burn-in must be finite and >= 0 s, got " + b);
        }
        if (!(dt > 0.0) || !Double.isFinite(dt)) {
            throw new UsageException("--dt must be finite and > 0 s, got " + dt);
        }
        if (dt > time) {
            throw new UsageException("--dt " + dt + " s is longer than --time " + time + " s: no sample would be "
                    + "recorded");
        }
        if (time / dt > 50_000_000.0) {
            throw new UsageException("--time / --dt = " + (long) (time / dt) + " samples per replica is more than "
                    + "50000000; use a larger --dt");
        }
        int r = replicas == null ? cores : replicas;
        int t = threads == null ? cores : threads;
        if (r < 1) {
            throw new UsageException("--replicas must be >= 1, got " + r);
        }
        if (t < 1) {
            throw new UsageException("--threads must be >= 1, got " + t);
        }
        MonteCarloSettings s = MonteCarloSettings.of(time).withBurnIn(b).withSampleInterval(dt).withReplicas(r)
                .withThreads(t).withSeed(seed);
        if (start != null) {
            if (start.length != 2) {
                throw new UsageException("--start takes N,m (two integers), got " + start.length + " values");
            }
            InputChecks.requireNotFar("--start", start[0], model.parameters(), 0.0);
            try {
                s = s.withStart(start[0], start[1]);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--start: " + e.getMessage());
            }
        }
        if (budget != null) {
            if (!(budget > 0.0)) {
                throw new UsageException("--budget must be > 0 s, got " + budget);
            }
            s = s.withWallClockBudget(budget);
        }
        return s;
    }

    /** The columns of {@code --out} (the header {@link MonteCarloResult#TIME_SERIES_HEADER}). */
    static final Map<String, String> TIME_SERIES_COLUMNS = CsvFiles.columns(
            "replica", "replica index (0, 1, ...): rows of one replica are contiguous",
            "t", "time since the end of the burn-in, on the --dt grid",
            "N", "cluster size at t",
            "m", "flipped spins at t");

    /** The columns of {@code --histogram}: the time-weighted occupation of the recorded time, all replicas. */
    static final Map<String, String> HISTOGRAM_COLUMNS = CsvFiles.columns(
            "N", "cluster size",
            "m", "flipped spins",
            "time", "time spent in (N, m), all replicas",
            "fraction", "time / total recorded time (estimates P(N, m))");

    /** --out and --histogram checked before the run: writable, and not the same file. */
    private void checkOutputs() {
        if (out != null) {
            AtomicOutput.check(out, "--out");
        }
        if (histogram != null) {
            AtomicOutput.check(histogram, "--histogram");
        }
        if (out != null && histogram != null && (out.toAbsolutePath().normalize().equals(
                histogram.toAbsolutePath().normalize()) || sameExistingFile(out, histogram))) {
            throw new UsageException("--out and --histogram name the same file " + out + "; give two files");
        }
    }

    private static boolean sameExistingFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The rows of {@code --histogram} (N, m, time, fraction) for the states visited; no header. */
    static void writeHistogramRows(OccupationHistogram h, Writer w) throws IOException {
        double total = h.totalTime();
        for (int n = 0; n <= h.maxN(); n++) {
            for (int m = h.lowM(n); m <= h.highM(n); m++) {
                double t = h.time(n, m);
                if (t > 0.0) {
                    w.write(n + "," + m + "," + t + "," + (t / total) + "\n");
                }
            }
        }
    }

    private static void printSummary(PrintWriter o, MonteCarloResult r) {
        OccupationHistogram h = r.occupation();
        ModelParameters p = r.rateModel().parameters();
        o.println("qpspin simulate: Gillespie direct method, model " + r.rateModel().name());
        o.println("  parameters: " + p);
        o.println("  settings:   " + r.settings().simulationLine());
        o.printf(Locale.ROOT, "  recorded:   %d events in %.6g s (%d replicas)%s%n", r.events(), r.simulatedTime(),
                r.replicas().size(), r.stopped() ? ", STOPPED EARLY" : "");
        o.printf(Locale.ROOT, "  <N> = %.6g   Var N = %.6g   <m> = %.6g   (time averages)%n", h.meanN(),
                h.varianceN(), h.meanM());
        o.printf(Locale.ROOT, "  realised injection rate %.6g s^-1 (A V = %.6g s^-1)%n", r.realisedInjectionRate(),
                p.totalInjectionRate());
        StringBuilder counts = new StringBuilder("  events per channel:");
        for (Channel c : Channel.values()) {
            counts.append(' ').append(c.name().toLowerCase(Locale.ROOT)).append('=').append(r.count(c));
        }
        o.println(counts);
        o.printf(Locale.ROOT, "  throughput: %.3g events per CPU second, %.3g s wall on %d threads%n",
                r.eventsPerCpuSecond(), r.wallSeconds(), r.threads());
    }

    /** FLIP_DOWN → flipDown: the channel's name as a JSON field. */
    static String camelCase(String constant) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    /** The JSON of {@code --json}, also the sidecar of the CSV files. */
    static ObjectNode json(MonteCarloResult r, Path out, Path histogram, Path plot) {
        ObjectNode root = JsonOutput.object("simulate");
        ModelParameters p = r.rateModel().parameters();
        JsonOutput.putParameters(root, p).put("rateModel", r.rateModel().name());
        root.put("rateModel", r.rateModel().name());
        ObjectNode s = root.putObject("settings");
        s.put("time", r.settings().duration());
        s.put("burnIn", r.settings().burnIn());
        s.put("dt", r.settings().sampleInterval());
        s.put("replicas", r.settings().replicas());
        s.put("seed", r.settings().seed());
        s.put("rng", GillespieSimulator.ALGORITHM);
        root.put("events", r.events());
        root.put("simulatedTime", r.simulatedTime());
        root.put("stopped", r.stopped());
        OccupationHistogram h = r.occupation();
        root.put("meanN", h.meanN());
        root.put("varN", h.varianceN());
        root.put("meanM", h.meanM());
        root.put("realisedInjectionRate", r.realisedInjectionRate());
        root.put("AV", p.totalInjectionRate());
        ObjectNode counts = root.putObject("channelCounts");
        for (Channel c : Channel.values()) {
            counts.put(camelCase(c.name()), r.count(c));
        }
        root.put("eventsPerCpuSecond", r.eventsPerCpuSecond());
        root.put("wallSeconds", r.wallSeconds());
        root.put("threads", r.threads());
        if (out != null) {
            root.put("timeSeriesCsv", out.toString());
        }
        if (histogram != null) {
            root.put("histogramCsv", histogram.toString());
        }
        if (plot != null) {
            root.put("plot", plot.toString());
        }
        return root;
    }
}
