package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --params FILE.json}: a result re-run from its own output gives the same numbers; errors are one line. */
class ParamsOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode run(String... args) throws Exception {
        CliRun r = new CliRun(args);
        assertEquals(0, r.exit, () -> String.join(" ", args) + ": " + r.err);
        return JSON.readTree(r.out);
    }

    /** The output without what may differ between two identical runs (times, the kernel's warm-up state). */
    private static JsonNode withoutTimes(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> drop = new ArrayList<>();
            o.fieldNames().forEachRemaining(k -> {
                if (k.toLowerCase().contains("seconds") || k.equals("denseKernel")) {
                    drop.add(k);
                }
            });
            o.remove(drop);
            o.forEach(ParamsOptionTest::strip);
        } else if (node.isArray()) {
            node.forEach(ParamsOptionTest::strip);
        }
    }

    @Test
    void stationaryReRunFromItsOwnOutputGivesIdenticalNumbers(@TempDir Path dir) throws Exception {
        // --N0 sets A by a root find: the output's A, read back, must give the same chain bit for bit
        JsonNode first = run("stationary", "--preset", "aluminium", "--V", "0.001", "--N0", "30", "--json", "-q");
        Path file = dir.resolve("first.json");
        Files.writeString(file, first.toString());
        JsonNode again = run("stationary", "--params", file.toString(), "--json", "-q");
        assertEquals(withoutTimes(first), withoutTimes(again));
        assertEquals(first.get("meanN").doubleValue(), again.get("meanN").doubleValue(), 0.0);
        assertEquals(first.get("varN").doubleValue(), again.get("varN").doubleValue(), 0.0);
        assertEquals(first.get("parameters"), again.get("parameters"));
        // another command reads the same object: the noise of that very chain
        JsonNode noise = run("noise", "--params", file.toString(), "--points", "3", "--eigenvalues", "0", "--json",
                "-q");
        assertEquals(first.get("parameters"), noise.get("parameters"));
        assertEquals(first.get("varN").doubleValue(), noise.get("varN").doubleValue(), 1e-12 * noise.get("varN")
                .doubleValue());
    }

    @Test
    void infiniteSpinFlipTimeRoundTrips(@TempDir Path dir) throws Exception {
        JsonNode first = run("stationary", "--A", "8000", "--V", "1", "--gamma", "100", "--gamma-t", "1", "--tau-s",
                "inf", "--json", "-q");
        assertEquals("inf", first.at("/parameters/tauS").asText());
        Path file = dir.resolve("p.json");
        Files.writeString(file, first.get("parameters").toString()); // the parameters object alone
        JsonNode again = run("stationary", "--params", file.toString(), "--json", "-q");
        assertEquals(withoutTimes(first), withoutTimes(again));
    }

    @Test
    void simulateReRunFromItsSidecarGivesTheSameBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv");
        run("simulate", "--N0", "4", "--V", "1", "--gamma", "10", "--gamma-t", "0.5", "--tau-s", "0.2", "--time", "20",
                "--dt", "0.01", "--replicas", "2", "--seed", "5", "--out", a.toString(), "--json", "-q");
        Path b = dir.resolve("b.csv");
        run("simulate", "--params", CsvFiles.sidecarOf(a).toString(), "--time", "20", "--dt", "0.01", "--replicas",
                "2", "--seed", "5", "--out", b.toString(), "--json", "-q");
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void theFilesRateModelIsReRunUnlessTheCommandLineNamesOne(@TempDir Path dir) throws Exception {
        JsonNode first = run("stationary", "--A", "50", "--V", "1", "--gamma", "10", "--gamma-t", "0.5", "--tau-s",
                "0.2", "--rate-model", "exact-spin", "--json", "-q");
        assertEquals("exact-spin", first.at("/parameters/rateModel").asText());
        Path file = dir.resolve("exact.json");
        Files.writeString(file, first.toString());
        JsonNode again = run("stationary", "--params", file.toString(), "--json", "-q");
        assertEquals("exact-spin", again.at("/rateModel").asText());
        assertEquals(withoutTimes(first), withoutTimes(again));
        JsonNode paper = run("stationary", "--params", file.toString(), "--rate-model", "prl2020", "--json", "-q");
        assertEquals("prl2020", paper.at("/rateModel").asText());
        assertNotEquals(first.at("/meanN").doubleValue(), paper.at("/meanN").doubleValue());
    }

    @Test
    void commandLineOptionsOverrideTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\"parameters\": {\"A\": 50, \"V\": 1, \"gamma\": 10, \"gammaT\": 0.5, "
                + "\"tauS\": 0.2, \"rateModel\": \"prl2020\"}}");
        JsonNode j = run("stationary", "--params", file.toString(), "--V", "2", "--json", "-q");
        assertEquals(2.0, j.at("/parameters/V").doubleValue());
        assertEquals(50.0, j.at("/parameters/A").doubleValue());
        assertEquals(0.2, j.at("/parameters/tauS").doubleValue());
        JsonNode n0 = run("stationary", "--params", file.toString(), "--N0", "3", "--json", "-q");
        assertEquals(3.0, n0.at("/meanField/N0").doubleValue(), 1e-9); // --N0 replaces the file's A
        // a partial file (regime-map's parameters) is completed on the command line
        Path partial = dir.resolve("partial.json");
        Files.writeString(partial, "{\"gamma\": 10, \"gammaT\": 0.5, \"tauS\": \"inf\"}");
        JsonNode p = run("stationary", "--params", partial.toString(), "--A", "50", "--V", "1", "--json", "-q");
        assertEquals("inf", p.at("/parameters/tauS").asText());
        // regime-map takes Gamma, Gamma_t, tau_s and says that it ignores A and V
        CliRun map = new CliRun("regime-map", "--params", file.toString(), "--v-range", "1:1", "--a-range", "1:1",
                "--exact-max-n", "0", "--json");
        assertEquals(0, map.exit, map.err);
        assertEquals(10.0, JSON.readTree(map.out).at("/parameters/gamma").doubleValue());
        assertTrue(map.err.contains("A and V ignored"), map.err);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"parameters\": {\"A\": 50, \"V\": 1, \"gamma\": 10, \"gammaT\": 0.5, \"tauS\": 0.2, \"N0\": 4}}"
            + "|unknown key 'N0' in the parameters; known: A, V, gamma, gammaT, tauS, rateModel",
        "{\"A\": \"fifty\"}|A must be a number or \"inf\", got \"fifty\"",
        "{\"A\": 50, \"V\": 1, \"gamma\": 10, \"gammaT\": 0.5, \"tauS\": 0.2, \"rateModel\": \"prl2021\"}"
            + "|unknown rateModel 'prl2021'; known: prl2020, exact-spin",
        "[1, 2]|expected a JSON object",
        "{\"parameters\": 3}|\"parameters\" is not an object",
        "{\"A\": 50,|not JSON (line 1",
        "{\"A\": 50, \"V\": 1, \"gamma\": 10}|missing --gamma-t",
    })
    void badFilesAreOneLineErrorsWithExitTwo(String content, String expected, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, content);
        assertOneLineError(expected, "stationary", "--params", file.toString());
    }

    @Test
    void missingFileAndPresetConflictAreOneLineErrors(@TempDir Path dir) throws Exception {
        assertOneLineError("no such file", "stationary", "--params", dir.resolve("nope.json").toString());
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\"A\": 50, \"V\": 1, \"gamma\": 10, \"gammaT\": 0.5, \"tauS\": 0.2}");
        assertOneLineError("--preset aluminium fixes gamma, gammaT and tauS, and --params", "stationary", "--preset",
                "aluminium", "--params", file.toString());
        assertOneLineError("--preset aluminium fixes gamma, gammaT and tauS, and --params", "regime-map", "--preset",
                "aluminium", "--params", file.toString());
        // a file with only A and V goes with a preset
        Path av = dir.resolve("av.json");
        Files.writeString(av, "{\"A\": 1000, \"V\": 0.001}");
        assertEquals(0, new CliRun("stationary", "--preset", "aluminium", "--params", av.toString(), "-q").exit);
    }

    private static void assertOneLineError(String expected, String... args) {
        CliRun r = new CliRun(args);
        assertEquals(2, r.exit, () -> "stderr: " + r.err);
        List<String> lines = r.err.lines().toList();
        assertEquals(1, lines.size(), () -> "stderr: " + r.err);
        assertTrue(lines.get(0).startsWith("qpspin: ") && lines.get(0).contains(expected),
                () -> "expected '" + expected + "' in: " + r.err);
        assertFalse(r.err.contains("Exception"), r.err);
        assertEquals("", r.out);
    }
}
