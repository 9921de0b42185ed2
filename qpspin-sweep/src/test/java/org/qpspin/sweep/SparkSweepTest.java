package org.qpspin.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qpspin.cli.Main;
import picocli.CommandLine;

/**
 * Real sweeps on an embedded Spark {@code local[2]} (no mock): values equal to single runs of the same command to
 * the last digit, a failing point recorded while the rest finish, a rerun that skips what is done, and a sweep
 * killed (SIGKILL, another JVM) mid-way then resumed. A {@code local-cluster} run (executor JVMs) is left out: it
 * needs a Spark distribution (SPARK_HOME's launch scripts), which mvn verify does not have.
 */
class SparkSweepTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().config(SparkSweep.configuration("local[2]", Map.of())).getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The fields that are wall times (differ between any two runs of the same thing). */
    private static boolean isTiming(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).contains("seconds") || name.equals("truncation.attempts");
    }

    @Test
    void sweepValuesEqualSingleRunsAndABadPointIsRecordedWhileTheRestFinish(@TempDir Path dir) throws Exception {
        Path grid = Files.writeString(dir.resolve("grid.csv"), "preset,V,N0,band\n"
                + "aluminium,0.001,40,false\n"
                + "aluminium,-1,40,false\n" // invalid volume: that point's error, not the sweep's
                + "aluminium,0.002,25,true\n"
                + "aluminium,0.0005,60,false\n");
        SweepPlan plan = SweepPlan.of("stationary", List.of("--tol", "1e-11"), Grid.read(grid));
        PointStore store = new PointStore(dir.resolve("out").toString());
        SparkSweep.Summary s = SparkSweep.run(spark, plan, store, false, grid.toString(), null);
        assertEquals(4, s.points());
        assertEquals(3, s.done());
        assertEquals(1, s.failed());
        assertEquals(0, s.skipped());
        assertTrue(s.complete());
        assertEquals("local[2]", s.master());

        JsonNode sweepJson = PointRunner.MAPPER.readTree(dir.resolve("out/sweep.json").toFile());
        assertEquals("Apache Spark", sweepJson.get("engine").asText());
        assertEquals(spark.version(), sweepJson.get("sparkVersion").asText());
        assertEquals(3, sweepJson.get("done").asInt());
        assertEquals(1, sweepJson.get("failed").asInt());

        // the Parquet file as Spark reads it, against single runs of the same command line in this JVM
        List<Row> rows = spark.read().parquet(dir.resolve("out/results.parquet").toString()).collectAsList();
        assertEquals(4, rows.size());
        List<String> csv = Files.readAllLines(dir.resolve("out/results.csv"));
        List<String> header = Arrays.asList(csv.get(0).split(",", -1));
        int compared = 0;
        for (int i = 0; i < 4; i++) {
            GridPoint p = plan.points().get(i);
            Row row = rows.get(i);
            assertEquals(p.id(), row.getAs("point"));
            String[] cells = csv.get(i + 1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            String[] args = p.args().toArray(String[]::new);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int exit = Main.execute(cl, args);
            assertEquals(exit, ((Number) row.getAs("exit")).intValue());
            if (exit != 0) {
                assertEquals(p.inputs().get("V"), "-1");
                String error = row.getAs("error");
                assertEquals(err.toString().strip(), error);
                assertTrue(error.contains("volume V must be finite and > 0"), error);
                assertNull(row.getAs("meanN"));
                continue;
            }
            assertNull(row.getAs("error"));
            Map<String, JsonNode> single = new LinkedHashMap<>();
            ResultTable.flatten("", PointRunner.MAPPER.readTree(out.toString()), single);
            for (Map.Entry<String, JsonNode> e : single.entrySet()) {
                String name = e.getKey();
                if (isTiming(name)) {
                    continue;
                }
                Object v = row.getAs(name);
                String cell = cells[header.indexOf(name)];
                JsonNode expected = e.getValue();
                if (expected.isFloatingPointNumber()) {
                    assertEquals(expected.asDouble(), (Double) v, 0.0, name); // to the last digit
                    assertEquals(expected.asDouble(), Double.parseDouble(cell), 0.0, name);
                    compared++;
                } else if (expected.isIntegralNumber()) {
                    assertEquals(expected.asLong(), ((Number) v).longValue(), name);
                    assertEquals(expected.asLong(), Long.parseLong(cell), name);
                } else if (expected.isTextual() && v instanceof Double d) {
                    assertEquals(Double.parseDouble(expected.asText()), d, 0.0, name); // "Infinity"
                } else if (expected.isValueNode()) {
                    assertEquals(expected.asText(), String.valueOf(v), name);
                }
            }
        }
        assertTrue(compared > 3 * 20, "compared " + compared + " floating-point values");

        // the same command again: everything is skipped, the tables are rewritten from the records alone
        String before = Files.readString(dir.resolve("out/results.csv"));
        SparkSweep.Summary again = SparkSweep.run(spark, plan, store, false, grid.toString(), null);
        assertEquals(4, again.skipped());
        assertEquals(0, again.ran());
        assertEquals(3, again.done());
        assertEquals(before, Files.readString(dir.resolve("out/results.csv")));
        // --retry-failed runs the failed point only (and it fails again)
        SparkSweep.Summary retried = SparkSweep.run(spark, plan, store, true, grid.toString(), null);
        assertEquals(3, retried.skipped());
        assertEquals(1, retried.ran());
        assertEquals(1, retried.failed());
    }

    @Test
    void anyCommandWithJsonIsSweptGenerically(@TempDir Path dir) throws Exception {
        Path grid = Files.writeString(dir.resolve("grid.yaml"), """
                fixed: {preset: aluminium, V: 0.001}
                product:
                  N0: [10, 20]
                """);
        SweepPlan plan = SweepPlan.of("flux-noise", List.of(), Grid.read(grid));
        SparkSweep.Summary s = SparkSweep.run(spark, plan, new PointStore(dir.resolve("out").toString()), false, 2,
                grid.toString(), null); // both points in one task
        assertEquals(2, s.done(), () -> s.json().toString());
        assertEquals(1, s.json().get("tasks").asInt());
        List<String> csv = Files.readAllLines(dir.resolve("out/results.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("point,preset,V,N0,error,exit,pointSeconds,"), csv.get(0));
    }

    @Test
    void aKilledSweepLosesOnlyThePointsInFlightAndTheRerunSkipsTheRest(@TempDir Path dir) throws Exception {
        StringBuilder g = new StringBuilder("preset,V,N0\n");
        int total = 40;
        for (int i = 0; i < total; i++) {
            g.append("aluminium,0.001,").append(60 + 5 * i).append('\n');
        }
        Path grid = Files.writeString(dir.resolve("grid.csv"), g);
        Path out = dir.resolve("out");
        Path points = out.resolve("points");
        // another JVM runs the sweep; SIGKILL (no shutdown hook, nothing flushed) once a few points are stored
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--add-") || option.startsWith("-XX:+IgnoreUnrecognized")
                    || option.startsWith("-Djdk.reflect")) {
                cmd.add(option); // Spark's Java 17 options, as this JVM has them (surefire's argLine)
            }
        }
        cmd.addAll(List.of("-Xmx1g", "-Xss16m", "-cp", classPath(), SweepMain.class.getName(),
                "stationary", "--grid", grid.toString(), "--out", out.toString(), "--master", "local[2]"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (stored(points) < 3 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(child.isAlive(), () -> "the sweep ended before it could be killed: " + log(dir));
        child.destroyForcibly().waitFor();
        int kept = stored(points);
        assertTrue(kept >= 3 && kept < total, () -> kept + " points stored when killed");
        assertFalse(Files.exists(out.resolve("results.csv")));

        SweepPlan plan = SweepPlan.of("stationary", List.of(), Grid.read(grid));
        SparkSweep.Summary s = SparkSweep.run(spark, plan, new PointStore(out.toString()), false, grid.toString(),
                null);
        assertEquals(kept, s.skipped());
        assertEquals(total - kept, s.ran());
        assertEquals(total, s.done());
        assertTrue(s.complete());
        assertEquals(total + 1, Files.readAllLines(out.resolve("results.csv")).size());
        JsonNode any = PointRunner.MAPPER.readTree(points.resolve(plan.points().get(0).id() + ".json").toFile());
        assertNotNull(any.get("result").get("meanN"));
    }

    private static int stored(Path points) throws Exception {
        if (!Files.isDirectory(points)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(points)) {
            return (int) s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{16}\\.json")).count();
        }
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
