package org.qpspin.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a {@link SweepPlan} on Spark: the points not yet in the output directory's store, biggest estimated
 * chain first, in Spark tasks of one or a few consecutive points (Spark hands the next task to whichever executor
 * core is free, and retries a task whose executor died); each task runs its point in-process ({@link PointRunner}) and saves the
 * record at once ({@link PointStore}). Then, on the driver: {@code results.parquet} (through Spark),
 * {@code results.csv} and {@code sweep.json} from every record of the plan, earlier runs' included.
 */
public final class SparkSweep {

    /** What a finished (or aborted) sweep did; also written as sweep.json. */
    public record Summary(int points, int done, int failed, int skipped, int ran, boolean complete,
            double wallSeconds, String sparkVersion, String master, ObjectNode json) {
    }

    private SparkSweep() {
    }

    /**
     * The Spark configuration of a sweep: {@code master} if given, else the one spark-submit set, else
     * {@code local[*]}; an embedded (local) Spark without its web UI unless {@code conf} asks for it. For a
     * cluster master, unless set already (spark-submit sets spark.jars): the jar this class came from is shipped
     * to the executors (spark.jars), and executors get qpspin's stack size (-Xss16m).
     */
    public static SparkConf configuration(String master, Map<String, String> conf) {
        SparkConf c = new SparkConf().setAppName("qpspin sweep");
        conf.forEach(c::set);
        if (master != null) {
            c.setMaster(master);
        } else if (!c.contains("spark.master")) {
            c.setMaster("local[*]");
        }
        if (c.get("spark.master").startsWith("local")) {
            if (!c.contains("spark.ui.enabled")) {
                c.set("spark.ui.enabled", "false");
            }
        } else {
            String jar = ownJar();
            if (!c.contains("spark.jars") && jar != null) {
                c.set("spark.jars", jar);
            }
            if (!c.contains("spark.executor.extraJavaOptions")) {
                c.set("spark.executor.extraJavaOptions", "-Xss16m");
            }
        }
        return c;
    }

    /** The jar holding this class (qpspin-sweep.jar), or null when it runs from a classes directory. */
    static String ownJar() {
        try {
            java.net.URL u = SparkSweep.class.getProtectionDomain().getCodeSource().getLocation();
            String path = new java.io.File(u.toURI()).getPath();
            return path.endsWith(".jar") ? path : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs the sweep. A point already stored is skipped (and counted so), unless it failed and
     * {@code retryFailed}. Progress lines go to {@code progress} (null: none).
     *
     * @param spark the session (its master is the engine)
     * @param grid the grid file's name, for sweep.json
     */
    public static Summary run(SparkSession spark, SweepPlan plan, PointStore store, boolean retryFailed,
            String grid, Consumer<String> progress) {
        return run(spark, plan, store, retryFailed, 1, grid, progress);
    }

    /**
     * {@link #run(SparkSession, SweepPlan, PointStore, boolean, String, Consumer)} with {@code pointsPerTask}
     * consecutive points (in the big-first order) in each Spark task (default 1: Spark then balances the load point
     * by point; measured on this machine, grouping 1000 small points by 62 did not make a sweep faster); each
     * point is still stored as soon as it finishes.
     */
    public static Summary run(SparkSession spark, SweepPlan plan, PointStore store, boolean retryFailed,
            int pointsPerTask, String grid, Consumer<String> progress) {
        return run(spark, plan, store, retryFailed, pointsPerTask, grid, progress, UnaryOperator.identity());
    }

    /**
     * As {@link #run(SparkSession, SweepPlan, PointStore, boolean, int, String, Consumer)}, the result table made
     * of each point's output seen through {@code view} ({@link ResultTable#of(SweepPlan, Map, UnaryOperator)}).
     */
    public static Summary run(SparkSession spark, SweepPlan plan, PointStore store, boolean retryFailed,
            int pointsPerTask, String grid, Consumer<String> progress, UnaryOperator<JsonNode> view) {
        long start = System.nanoTime();
        Instant started = Instant.now();
        Map<String, JsonNode> stored = store.load();
        List<GridPoint> todo = new ArrayList<>();
        int skipped = 0;
        for (GridPoint p : plan.points()) {
            JsonNode r = stored.get(p.id());
            if (r != null && !(retryFailed && PointRunner.error(r) != null)) {
                skipped++;
            } else {
                todo.add(p);
            }
        }
        todo = bigFirst(todo);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (progress != null) {
            progress.accept(String.format(Locale.ROOT, "%d points (%d already done in %s), %d to run on Spark %s, "
                    + "master %s", plan.points().size(), skipped, store.root(), todo.size(), spark.version(),
                    jsc.master()));
        }
        int perTask = Math.max(1, pointsPerTask);
        List<List<GridPoint>> tasks = new ArrayList<>();
        for (int i = 0; i < todo.size(); i += perTask) {
            tasks.add(new ArrayList<>(todo.subList(i, Math.min(todo.size(), i + perTask))));
        }
        ProgressListener listener = progress == null ? null : new ProgressListener(tasks.size(), perTask, progress);
        boolean complete = true;
        String abort = null;
        long jobStart = System.nanoTime();
        if (!todo.isEmpty()) {
            if (listener != null) {
                spark.sparkContext().addSparkListener(listener);
            }
            try {
                jsc.setJobDescription("qpspin sweep " + plan.command() + ": " + todo.size() + " points");
                jsc.parallelize(tasks, Math.max(1, tasks.size())).foreach(new RunAndSave(store));
            } catch (RuntimeException e) {
                // the engine gave up (executors lost beyond spark.task.maxFailures): keep what is stored
                complete = false;
                abort = e.toString();
            } finally {
                if (listener != null) {
                    spark.sparkContext().removeSparkListener(listener);
                }
            }
        }
        double jobSeconds = (System.nanoTime() - jobStart) * 1e-9;
        Map<String, JsonNode> records = store.load();
        ResultTable table = ResultTable.of(plan, records, view);
        writeParquet(table, store);
        store.writeText("results.csv", table.toCsv());
        int done = 0;
        int failed = 0;
        for (GridPoint p : plan.points()) {
            JsonNode r = records.get(p.id());
            if (r == null) {
                complete = false;
            } else if (PointRunner.error(r) == null) {
                done++;
            } else {
                failed++;
            }
        }
        int ran = done + failed - skipped;
        double wall = (System.nanoTime() - start) * 1e-9;
        ObjectNode json = PointRunner.MAPPER.createObjectNode();
        json.put("engine", "Apache Spark");
        json.put("sparkVersion", spark.version());
        json.put("master", jsc.master());
        json.put("defaultParallelism", jsc.defaultParallelism());
        json.put("pointsPerTask", perTask);
        json.put("tasks", tasks.size());
        json.put("command", plan.command());
        ArrayNode common = json.putArray("arguments");
        plan.common().forEach(common::add);
        json.put("grid", grid);
        json.put("out", store.root());
        json.put("points", plan.points().size());
        json.put("done", done);
        json.put("failed", failed);
        json.put("skipped", skipped);
        json.put("ran", Math.max(ran, 0));
        json.put("duplicatesDropped", plan.duplicates());
        json.put("complete", complete);
        if (abort != null) {
            json.put("abort", abort);
        }
        json.put("started", started.toString());
        json.put("wallSeconds", wall);
        json.put("jobSeconds", jobSeconds);
        json.put("pointsPerSecond", todo.isEmpty() ? 0.0 : Math.max(ran, 0) / jobSeconds);
        try {
            store.writeText("sweep.json", PointRunner.MAPPER.writer(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Summary(plan.points().size(), done, failed, skipped, Math.max(ran, 0), complete, wall,
                spark.version(), jsc.master(), json);
    }

    /** {@code points} by decreasing estimated size (grid order among equals): the longest solves start first. */
    static List<GridPoint> bigFirst(List<GridPoint> points) {
        List<GridPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(GridPoint::estimatedStates).reversed()
                .thenComparingInt(GridPoint::index));
        return sorted;
    }

    /** The Spark task body: run its points one after the other, saving each record as it finishes. */
    static final class RunAndSave implements VoidFunction<List<GridPoint>> {
        private static final long serialVersionUID = 1L;
        private final PointStore store;

        RunAndSave(PointStore store) {
            this.store = store;
        }

        @Override
        public void call(List<GridPoint> points) {
            for (GridPoint point : points) {
                ObjectNode record = PointRunner.run(point);
                record.put("host", hostName());
                org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
                record.put("executor", env == null ? "?" : env.executorId());
                store.save(record);
            }
        }

        private static volatile String host;

        /** This machine's name, looked up once (a name lookup may be slow). */
        private static String hostName() {
            String h = host;
            if (h == null) {
                try {
                    h = java.net.InetAddress.getLocalHost().getHostName();
                } catch (java.io.IOException e) {
                    h = "unknown";
                }
                host = h;
            }
            return h;
        }
    }

    /**
     * results.parquet: the table as one Parquet file, written on the driver with Parquet's own writer (the table
     * is already there: a Spark SQL job would only add its start-up, 10-20 s on a loaded laptop), through a
     * temporary name so that a killed sweep never leaves half a file.
     */
    static void writeParquet(ResultTable table, PointStore store) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (ResultTable.Column c : table.columns()) {
            switch (c.type()) {
                case LONG -> b.optional(PrimitiveTypeName.INT64).named(c.name());
                case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                case BOOLEAN -> b.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
                case STRING -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(c.name());
                default -> throw new IllegalStateException(c.type().toString());
            }
        }
        MessageType schema = b.named("qpspin_sweep");
        org.apache.hadoop.fs.Path tmp = store.path(".results.parquet.tmp");
        org.apache.hadoop.fs.Path target = store.path("results.parquet");
        Configuration conf = new Configuration();
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try {
            FileSystem fs = store.fileSystem();
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(tmp).withConf(conf).withType(schema)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
                for (Object[] row : table.rows()) {
                    Group g = groups.newGroup();
                    for (int i = 0; i < row.length; i++) {
                        Object v = row[i];
                        if (v instanceof Long l) {
                            g.add(i, l);
                        } else if (v instanceof Double d) {
                            g.add(i, d);
                        } else if (v instanceof Boolean t) {
                            g.add(i, t);
                        } else if (v instanceof String t) {
                            g.add(i, t);
                        }
                    }
                    w.write(g);
                }
            }
            fs.delete(target, true);
            if (!fs.rename(tmp, target)) {
                throw new IOException("rename " + tmp + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Progress on the driver: one line every 10 s at most (and at the end): points, rate, time left. */
    static final class ProgressListener extends SparkListener {
        private final int total;
        private final int perTask;
        private final Consumer<String> out;
        private final AtomicInteger finished = new AtomicInteger();
        private final long start = System.nanoTime();
        private volatile long lastLine = System.nanoTime();

        ProgressListener(int total, int perTask, Consumer<String> out) {
            this.total = total;
            this.perTask = perTask;
            this.out = out;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            int n = finished.incrementAndGet();
            long now = System.nanoTime();
            if (n == total || now - lastLine > 10_000_000_000L) {
                lastLine = now;
                double s = (now - start) * 1e-9;
                double rate = n / s;
                out.accept(String.format(Locale.ROOT, "%d/%d tasks of %d point(s) run, %.3g tasks/s, %.0f s elapsed, "
                        + "~%.0f s left", n, total, perTask, rate, s, (total - n) / rate));
            }
        }
    }
}
