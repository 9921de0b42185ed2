package org.qpspin.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code qpspin sweep fp-convergence} on an embedded Spark {@code local[2]} against {@code qpspin fp-convergence} in
 * this process: the same stdout (the whole --json text: every point value and every fit to the last digit) and the
 * same --plot file; a point shared by two paths runs once; a rerun after losing some records runs those only.
 */
class FpConvergenceSweepTest {

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

    private static List<String> with(List<String> base, String... more) {
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void theSparkStudyEqualsTheInProcessStudyAndAResumedRunRunsOnlyThePointsMissing(@TempDir Path dir)
            throws Exception {
        // 4 paths x 3 points; (N0 = 4, zeta = 0.1) is on an N0 path and a zeta path of each regime: 10 distinct chains
        List<String> study = List.of("--N0", "3,4,5", "--zeta", "0.1", "--zetas", "0.3,0.2,0.1", "--fixed-n0", "4",
                "--json");
        Path a = Files.createDirectory(dir.resolve("local"));
        Path b = Files.createDirectory(dir.resolve("spark"));
        CommandLine main = Main.commandLine();
        Run local = run(main, with(with(List.of("fp-convergence"), study.toArray(String[]::new)), "-q", "--plot",
                a.resolve("conv.svg").toString()));
        assertEquals(0, local.exit(), local.err());
        List<String> sweep = with(study, "--out", dir.resolve("out").toString(), "--master", "local[2]", "-q",
                "--plot", b.resolve("conv.svg").toString());
        Run spark = run(FpConvergenceSweep.commandLine(), sweep);
        assertEquals(0, spark.exit(), spark.err());
        assertEquals(local.out(), spark.out()); // the whole JSON output, every double to the last digit
        JsonNode json = PointRunner.MAPPER.readTree(spark.out());
        assertEquals(4, json.get("paths").size());
        assertTrue(json.get("paths").get(0).get("points").get(2).get("TV").asDouble() > 0.0);
        assertArrayEquals(Files.readAllBytes(a.resolve("conv.svg")), Files.readAllBytes(b.resolve("conv.svg")));
        JsonNode summary = PointRunner.MAPPER.readTree(dir.resolve("out/sweep.json").toFile());
        assertEquals(10, summary.get("points").asInt());
        assertEquals(2, summary.get("duplicatesDropped").asInt());

        // lose 3 records (the points in flight of a killed sweep), rerun: those 3 run, the rest is skipped
        List<Path> records;
        try (Stream<Path> s = Files.list(dir.resolve("out/points"))) {
            records = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path p : records.subList(0, 3)) {
            Files.delete(p);
        }
        Run resumed = run(FpConvergenceSweep.commandLine(), sweep);
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(local.out(), resumed.out());
        summary = PointRunner.MAPPER.readTree(dir.resolve("out/sweep.json").toFile());
        assertEquals(7, summary.get("skipped").asInt());
        assertEquals(3, summary.get("ran").asInt());
    }

    @Test
    void badInputIsOneLineAndExitTwoBeforeAnyWork(@TempDir Path dir) {
        Run r = run(FpConvergenceSweep.commandLine(), List.of("--zetas", "0.1,2,0.01", "--out",
                dir.resolve("o").toString()));
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("qpspin sweep fp-convergence: --zetas values must be in (0, 1)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(Files.notExists(dir.resolve("o")));
    }
}
