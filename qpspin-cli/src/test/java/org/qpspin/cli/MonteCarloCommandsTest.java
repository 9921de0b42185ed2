package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code qpspin simulate} and {@code qpspin validate} as a user sees them. */
class MonteCarloCommandsTest {

    private static final String[] MODEL = {"--A", "50", "--V", "1", "--gamma", "10", "--gamma-t", "0.5",
        "--tau-s", "0.2"};

    private static String[] args(String command, String... extra) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(Arrays.asList(MODEL));
        a.addAll(Arrays.asList(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void simulateIsReproducibleAndItsOutputValidates(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        CliRun first = new CliRun(args("simulate", "--time", "300", "--dt", "0.01", "--replicas", "2", "--threads", "2",
                "--seed", "9", "--out", a.toString(), "-q"));
        assertEquals(0, first.exit, first.err);
        CliRun second = new CliRun(args("simulate", "--time", "300", "--dt", "0.01", "--replicas", "2", "--threads", "1",
                "--seed", "9", "--out", b.toString(), "-q"));
        assertEquals(0, second.exit, second.err);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertTrue(first.out.contains("realised injection rate"), first.out);

        Path plot = dir.resolve("hist.png");
        CliRun v = new CliRun(args("validate", "--samples", a.toString(), "--json", "--plot", plot.toString()));
        assertEquals(0, v.exit, v.out + v.err);
        JsonNode json = new ObjectMapper().readTree(v.out);
        assertTrue(json.get("passed").asBoolean());
        assertEquals(60000, json.get("samples").asLong());
        List<String> names = new ArrayList<>();
        json.get("tests").forEach(t -> names.add(t.get("name").asText()));
        assertEquals(List.of("G-test P(N)", "G-test P(N,m)", "KS P(N)", "mean N", "Var N", "mean m",
                "correlation time N", "spectrum N (Welch)"), names);
        assertTrue(Files.size(plot) > 1000);
        assertTrue(Files.size(dir.resolve("hist-log.png")) > 1000);
        assertTrue(Files.size(dir.resolve("hist-spectrum.png")) > 1000);
    }

    @Test
    void validateRejectsSamplesOfOtherParameters(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv");
        assertEquals(0, new CliRun(args("simulate", "--time", "300", "--dt", "0.01", "--replicas", "1", "--seed", "3",
                "--out", a.toString(), "-q")).exit);
        CliRun v = new CliRun("validate", "--samples", a.toString(), "--A", "55", "--V", "1", "--gamma", "10",
                "--gamma-t", "0.5", "--tau-s", "0.2");
        assertEquals(ValidateCommand.REJECTED, v.exit, v.out + v.err);
        assertTrue(v.out.startsWith("qpspin validate: FAIL"), v.out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "N,m\\n3,1\\n4,x\\n|line 3: m = 'x' is not an integer",
        "N,m\\n3,1\\n4,3\\n|line 3: (N=4, m=3) is not a valid state",
        "N\\n3\\n-2\\n|line 3: N = -2 is negative",
        "# comment\\nN,m\\n3,1\\n4,1,7\\n|line 4: expected 2 fields, found 3",
        "t,N\\n0.0,3\\n0.0,4\\n|line 3: time 0.0 does not increase",
        "q,m\\n3,1\\n|line 1: the header has no N column",
        "N,count\\n3,1\\n4,-2\\n|line 3: count = -2 is negative",
        "1,2,3\\n|line 1: 3 columns and no header",
        "replica,t,N\\n0,0,1\\n1,0,2\\n0,1,3\\n|line 4: replica '0' appears again",
        "# nothing\\n|no samples",
    })
    void malformedSampleFilesGiveOneLineNamingTheLine(String content, String expected, @TempDir Path dir)
            throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, content.replace("\\n", "\n"), StandardCharsets.UTF_8);
        CliRun v = new CliRun(args("validate", "--samples", f.toString()));
        assertEquals(2, v.exit, v.out + v.err);
        List<String> lines = v.err.lines().toList();
        assertEquals(1, lines.size(), v.err);
        assertTrue(lines.get(0).startsWith("qpspin: "), v.err);
        assertTrue(lines.get(0).contains(expected), v.err);
        assertFalse(v.err.contains("Exception"), v.err);
    }

    @Test
    void missingSampleFileAndBadOptionsExitWithTwo(@TempDir Path dir) {
        CliRun v = new CliRun(args("validate", "--samples", dir.resolve("nope.csv").toString()));
        assertEquals(2, v.exit);
        assertTrue(v.err.contains("no such file"), v.err);
        CliRun s = new CliRun(args("simulate", "--time", "-1"));
        assertEquals(2, s.exit);
        assertTrue(s.err.contains("--time"), s.err);
        CliRun st = new CliRun(args("simulate", "--time", "1", "--start", "4,3"));
        assertEquals(2, st.exit);
        assertTrue(st.err.contains("--start"), st.err);
    }

    @Test
    void budgetStopsTheRunAndStillWritesTheOutput(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv");
        CliRun r = new CliRun(args("simulate", "--time", "1e9", "--burn-in", "0", "--dt", "1000", "--replicas", "1",
                "--budget", "0.5", "--out", a.toString(), "-q"));
        assertEquals(0, r.exit, r.err);
        assertTrue(r.err.contains("stopped early"), r.err);
        String csv = Files.readString(a);
        assertTrue(csv.startsWith("replica,t,N,m\n0,0.0,"), csv.lines().limit(6).toList().toString());
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("a.meta.json").toFile()); // the sidecar says so
        assertTrue(meta.get("stopped").asBoolean(), meta.toString());
        CliRun b = new CliRun(args("simulate", "--time", "1e9", "--dt", "1000", "--replicas", "1", "--budget", "0.3",
                "-q"));
        assertEquals(0, b.exit, b.err);
        assertTrue(b.err.contains("stopped during the burn-in; nothing was recorded"), b.err);
    }
}
