package org.qpspin.sweep;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.qpspin.cli.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin sweep COMMAND --grid FILE --out DIR [--master URL] [-- ARGS]}: runs any qpspin command with
 * {@code --json} at every point of a grid, on Apache Spark (embedded {@code local[*]} by default, or a cluster),
 * resumable; the main class of qpspin-sweep.jar (the {@code qpspin} script, or spark-submit).
 */
@Command(name = "qpspin sweep", mixinStandardHelpOptions = true, sortOptions = false, version = "qpspin sweep 0.1.0",
        description = {"Runs COMMAND (stationary, noise, flux-noise, ... any command with --json) at every point of a "
                + "grid, on Apache Spark, in-process (no JVM per point). One bad point records its error and the "
                + "rest go on; a rerun with the same --out skips the points already done.",
                "Output: DIR/results.parquet, DIR/results.csv (one row per point: its inputs, error, and the "
                + "command's --json fields, nested names joined with dots), DIR/sweep.json (engine, counts, wall "
                + "time), DIR/points/ (one record per finished point).",
                "Example: qpspin sweep stationary --grid grid.csv --out runs/a -- --tol 1e-12"},
        footer = {"", "Grid: CSV with a header of option names (A,V,gamma,gamma-t,tau-s or preset,V,N0; rate-model, "
                + "n-max, band=true|false, ...), or a JSON/YAML spec: {fixed: {preset: aluminium}, product: {V: "
                + "[0.001, 0.002], N0: {from: 10, to: 1000, points: 5, log: true}}} (see docs/sweep.md).",
                "Exit codes: 0 every point has a record (failed points too: see the error column, sweep.json); "
                + "1 the engine gave up (what finished is kept: rerun to resume); 2 bad input."})
public final class SweepMain implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COMMAND", description = "The qpspin command to run at every point.")
    String command;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "Arguments given to every point, after '--' (e.g. -- --tol 1e-12 --solver lu).")
    List<String> common = new ArrayList<>();

    @Option(names = "--grid", required = true, paramLabel = "FILE",
            description = "The points: .csv, or a .json/.yaml/.yml grid spec.")
    Path grid;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (or hdfs://, s3a:// URL); a rerun with the same DIR resumes.")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], spark://host:7077, yarn, k8s://... (default: spark-submit's, "
                    + "else local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--points-per-task", paramLabel = "K", defaultValue = "1",
            description = "Consecutive points (biggest first) run one after the other in one Spark task (default "
                    + "${DEFAULT-VALUE}); each is stored as it finishes.")
    int pointsPerTask;

    @Option(names = "--retry-failed", description = "Run again the points whose stored record is an error.")
    boolean retryFailed;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(grid)) {
            throw new UsageException("--grid " + grid + ": no such file");
        }
        SweepPlan plan = SweepPlan.of(command, common, Grid.read(grid));
        if (plan.duplicates() > 0 && !quiet) {
            err.println("qpspin sweep: " + plan.duplicates() + " grid row(s) repeat an earlier point: run once");
        }
        if (pointsPerTask < 1) {
            throw new UsageException("--points-per-task must be >= 1, got " + pointsPerTask);
        }
        PointStore store = new PointStore(out);
        SparkSession spark = SparkSession.builder().config(SparkSweep.configuration(master, conf)).getOrCreate();
        try {
            SparkSweep.Summary s = SparkSweep.run(spark, plan, store, retryFailed, pointsPerTask, grid.toString(),
                    quiet ? null : line -> {
                        err.println("qpspin sweep: " + line);
                        err.flush();
                    });
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "qpspin sweep: %d points: %d done, %d failed, %d skipped (done before); %.1f s on "
                    + "Spark %s (%s)%n", s.points(), s.done(), s.failed(), s.skipped(), s.wallSeconds(),
                    s.sparkVersion(), s.master());
            o.println("  " + store.path("results.parquet") + ", results.csv, sweep.json");
            if (s.failed() > 0) {
                o.println("  failed points: see the error column (--retry-failed runs them again)");
            }
            o.flush();
            if (!s.complete()) {
                err.println("qpspin sweep: the engine gave up before every point ran ("
                        + s.json().path("abort").asText("") + "); rerun the same command to resume");
                return 1;
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** The command line, with qpspin's one-line errors (exit 2) for bad input. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SweepMain());
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("qpspin sweep: " + e.getMessage());
            return 2;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                c.getErr().println("qpspin sweep: " + e.getMessage().replaceFirst("^qpspin: ", ""));
                return 2;
            }
            throw e;
        });
        return cl;
    }

    public static void main(String[] args) {
        // the qpspin script passes "sweep" first (qpspin sweep ...); spark-submit passes the arguments alone
        String[] a = args.length > 0 && args[0].equals("sweep") ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : args;
        System.exit(commandLine().execute(a));
    }
}
