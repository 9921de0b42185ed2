package org.qpspin.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.SparkSession;
import org.qpspin.cli.UsageException;
import picocli.CommandLine.Option;

/**
 * The options of every {@code qpspin sweep} command that say where and how the points run (output directory,
 * Spark master and settings, points per task, retrying failed points, quiet), and the run itself on a Spark
 * session made from them ({@link #run}). A picocli mixin of {@link SweepMain} and {@link RegimeMapSweep}.
 */
public final class SweepOptions {

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

    /** Checks the options that can be checked before any work (a one-line {@link UsageException}). */
    void check() {
        if (pointsPerTask < 1) {
            throw new UsageException("--points-per-task must be >= 1, got " + pointsPerTask);
        }
    }

    /** The output directory's store. */
    PointStore store() {
        return new PointStore(out);
    }

    /**
     * Runs {@code plan} on a Spark session made from these options (stopped at the end), storing into
     * {@link #store()}; progress lines on {@code err} unless {@code -q}; the result table of each point's output
     * seen through {@code view}.
     */
    SparkSweep.Summary run(SweepPlan plan, String gridName, UnaryOperator<JsonNode> view, PrintWriter err) {
        check();
        if (plan.duplicates() > 0 && !quiet) {
            err.println("qpspin sweep: " + plan.duplicates() + " grid row(s) repeat an earlier point: run once");
        }
        PointStore store = store();
        SparkSession spark = SparkSession.builder().config(SparkSweep.configuration(master, conf)).getOrCreate();
        try {
            return SparkSweep.run(spark, plan, store, retryFailed, pointsPerTask, gridName,
                    quiet ? null : line -> {
                        err.println("qpspin sweep: " + line);
                        err.flush();
                    }, view);
        } finally {
            spark.stop();
        }
    }

    /** The summary lines of a finished sweep: counts, wall time, engine, the files written. */
    void summarize(SparkSweep.Summary s, PrintWriter o) {
        o.printf(Locale.ROOT, "qpspin sweep: %d points: %d done, %d failed, %d skipped (done before); %.1f s on "
                + "Spark %s (%s)%n", s.points(), s.done(), s.failed(), s.skipped(), s.wallSeconds(),
                s.sparkVersion(), s.master());
        o.println("  " + store().path("results.parquet") + ", results.csv, sweep.json");
        if (s.failed() > 0) {
            o.println("  failed points: see the error column (--retry-failed runs them again)");
        }
        o.flush();
    }

    /** The line on stderr when the engine gave up before every point ran. */
    static String gaveUp(SparkSweep.Summary s) {
        return "qpspin sweep: the engine gave up before every point ran (" + s.json().path("abort").asText("")
                + "); rerun the same command to resume";
    }
}
