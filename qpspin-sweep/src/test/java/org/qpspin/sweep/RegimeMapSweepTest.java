package org.qpspin.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qpspin.cli.Main;
import picocli.CommandLine;

/**
 * {@code qpspin sweep regime-map} on an embedded Spark {@code local[2]} against {@code qpspin regime-map} in this
 * process: the same stdout (the whole --json text: every value to the last digit), the same --csv and --plot
 * files; a rerun after losing some cell records (what a killed sweep loses: the points in flight; the engine's
 * SIGKILL test is in SparkSweepTest) runs those cells only; a failed cell stops the map from being written, and
 * --retry-failed completes it.
 */
class RegimeMapSweepTest {

    /** stdout, stderr and exit code of one run. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(CommandLine cl, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run inProcess(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("regime-map"));
        all.addAll(args);
        int exit = Main.execute(cl, all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void theSparkMapEqualsTheInProcessMapAndAResumedRunRunsOnlyTheCellsMissing(@TempDir Path dir) throws Exception {
        // 3 x 3 cells, 7 of them solved exactly (N* <= 30), 2 above the limit; the middle ratios (0.0836660026534...,
        // 0.0894427190999...) need all 17 digits to be the same doubles in a one-cell map's command line
        List<String> map = List.of("--v-range", "0.01:0.7", "--a-range", "0.01:0.8", "--exact-max-n", "30", "--json");
        // the same file names in two directories (the CSV's sidecar names its CSV)
        Path a = Files.createDirectory(dir.resolve("local"));
        Path b = Files.createDirectory(dir.resolve("spark"));
        Run local = inProcess(with(map, "-q", "--csv", a.resolve("map.csv").toString(), "--plot",
                a.resolve("map.svg").toString()));
        assertEquals(0, local.exit(), local.err());
        String out = dir.resolve("out").toString();
        List<String> sweep = with(map, "--out", out, "--master", "local[2]", "-q", "--csv",
                b.resolve("map.csv").toString(), "--plot", b.resolve("map.svg").toString());
        Run spark = run(RegimeMapSweep.commandLine(), sweep);
        assertEquals(0, spark.exit(), spark.err());
        assertEquals(local.out(), spark.out()); // the whole JSON output, every double to the last digit
        JsonNode json = PointRunner.MAPPER.readTree(spark.out());
        assertEquals(9, json.get("cells").size());
        int exact = 0;
        for (JsonNode c : json.get("cells")) {
            exact += c.has("exactFlippedFraction") ? 1 : 0;
        }
        assertEquals(7, exact, "cells solved exactly");
        for (String file : List.of("map.csv", "map.meta.json", "map.svg")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
        }
        // the sweep's own table: one row per cell, the cell's fields as columns
        List<String> csv = Files.readAllLines(dir.resolve("out/results.csv"));
        assertEquals(10, csv.size());
        assertTrue(csv.get(0).startsWith("point,v-range,a-range,error,exit,pointSeconds,vOverVc,aOverAc,regime,N0,"),
                csv.get(0));

        // lose 4 records (what a kill costs: the points in flight), rerun: those 4 cells run, the rest is skipped
        Path points = dir.resolve("out/points");
        List<Path> records;
        try (Stream<Path> s = Files.list(points)) {
            records = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(9, records.size());
        for (Path p : records.subList(0, 4)) {
            Files.delete(p);
        }
        Run resumed = run(RegimeMapSweep.commandLine(), sweep);
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(local.out(), resumed.out());
        JsonNode summary = PointRunner.MAPPER.readTree(dir.resolve("out/sweep.json").toFile());
        assertEquals(5, summary.get("skipped").asInt());
        assertEquals(4, summary.get("ran").asInt());
        assertEquals(9, summary.get("done").asInt());

        // a failed cell (planted: its record an out-of-memory error): no map, exit 1; --retry-failed completes it
        Path victim = records.get(5);
        ObjectNode failed = (ObjectNode) PointRunner.MAPPER.readTree(victim.toFile());
        failed.remove("result");
        failed.put("exit", 3);
        failed.put("error", "qpspin: out of memory (planted)");
        Files.write(victim, PointRunner.MAPPER.writeValueAsBytes(failed));
        Run broken = run(RegimeMapSweep.commandLine(), sweep);
        assertEquals(1, broken.exit(), broken.err());
        assertEquals("", broken.out());
        assertTrue(broken.err().contains("1 of 9 cells failed"), broken.err());
        Run retried = run(RegimeMapSweep.commandLine(), with(sweep, "--retry-failed"));
        assertEquals(0, retried.exit(), retried.err());
        assertEquals(local.out(), retried.out());
        assertEquals(1, PointRunner.MAPPER.readTree(dir.resolve("out/sweep.json").toFile()).get("ran").asInt());
    }

    @Test
    void badInputIsOneLineAndExitTwoBeforeAnyWork(@TempDir Path dir) {
        Run r = run(RegimeMapSweep.commandLine(), List.of("--v-range", "1:0.1", "--out", dir.resolve("o").toString()));
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("qpspin sweep regime-map: --v-range needs 0 < LO <= HI"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(Files.notExists(dir.resolve("o")));
        Run noOut = run(RegimeMapSweep.commandLine(), List.of("--per-decade", "2"));
        assertEquals(2, noOut.exit());
        assertTrue(noOut.err().contains("--out"), noOut.err());
    }
}
