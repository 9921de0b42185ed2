package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code qpspin stationary} as a user sees it: exit codes, one-line errors, JSON keys, CSV files. */
class StationaryCommandTest {

    private static final String[] EXAMPLE = {"stationary", "--preset", "aluminium", "--V", "0.001", "--N0", "30", "-q"};

    @ParameterizedTest
    @ValueSource(strings = {
        "stationary --A 1 --V -1 --gamma 1 --gamma-t 1 --tau-s 1|volume V",
        "stationary --A 1 --gamma 1 --gamma-t 1 --tau-s 1|--V",
        "stationary --A 100 --V 1 --gamma 1 --gamma-t 0.1 --tau-s 1 --solver magic|unknown solver 'magic'",
        "stationary|no model parameters",
        "stationary --A 100 --V 1 --gamma 1 --gamma-t 0 --tau-s inf|no stationary state",
        "stationary --A 100 --V 1 --gamma 1 --gamma-t 0.1 --tau-s 1 --m-max 3|--m-max needs --n-max",
        "stationary --A 100 --V 1 --gamma 1 --gamma-t 0.1 --tau-s 1 --n-max -4|--n-max",
        "stationary --A 100 --V 1 --gamma 1 --gamma-t 0.1 --tau-s 1 --tol 2|--tol",
        "stationary --A abc --V 1 --gamma 1 --gamma-t 0.1 --tau-s 1|--A",
        "stationary --preset copper --V 1 --N0 3|unknown --preset 'copper'",
        "stationary --A 100 --V 1 --gamma 1 --gamma-t 0.1 --tau-s 1 --n-max 6 --fail-on-truncation|exceeds the tolerance",
    })
    void badInputExitsWithTwoAndOneLineNamingTheProblem(String spec) {
        String[] parts = spec.split("\\|");
        CliRun r = new CliRun(parts[0].split(" "));
        assertEquals(2, r.exit, () -> "stderr: " + r.err);
        List<String> lines = r.err.lines().toList();
        assertEquals(1, lines.size(), () -> "stderr: " + r.err);
        assertTrue(lines.get(0).startsWith("qpspin: "), r.err);
        assertTrue(lines.get(0).contains(parts[1]), () -> "expected '" + parts[1] + "' in: " + r.err);
        assertFalse(r.err.contains("Exception"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void jsonHasTheDocumentedKeysAndConsistentNumbers() throws Exception {
        String[] args = new String[EXAMPLE.length + 1];
        System.arraycopy(EXAMPLE, 0, args, 0, EXAMPLE.length);
        args[EXAMPLE.length] = "--json";
        CliRun r = new CliRun(args);
        assertEquals(0, r.exit, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        for (String key : new String[] {"states", "nMax", "mMax", "meanN", "meanN2", "varN", "meanM", "residual",
            "boundaryMass", "omittedFlux", "relativeOmittedFlux", "solver", "seconds", "parameters", "scales",
            "meanField", "truncation"}) {
            assertTrue(j.has(key), "missing key " + key);
        }
        assertEquals(j.get("meanN2").asDouble(), j.get("varN").asDouble()
                + j.get("meanN").asDouble() * j.get("meanN").asDouble(), 1e-12 * j.get("meanN2").asDouble());
        assertTrue(j.get("relativeOmittedFlux").asDouble() <= 1e-10);
        assertTrue(j.get("solver").asText().startsWith("auto→"));
        assertEquals(30.0, j.get("meanField").get("N0").asDouble(), 1e-9);
        assertEquals("TA", j.get("meanField").get("regime").asText());
        JsonNode attempts = j.get("truncation").get("attempts");
        assertTrue(attempts.size() >= 1);
        assertEquals(j.get("states").asInt(), attempts.get(attempts.size() - 1).get("states").asInt());
        assertEquals(12.649110640673516, j.get("parameters").get("tauS").asDouble(), 1e-9);
    }

    @Test
    void infiniteSpinFlipTimeIsValidJson() throws Exception {
        CliRun r = new CliRun("stationary", "--A", "8000", "--V", "1", "--gamma", "100", "--gamma-t", "1", "--tau-s", "inf",
                "--json", "-q");
        assertEquals(0, r.exit, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertEquals("inf", j.get("parameters").get("tauS").asText()); // RFC 8259 has no Infinity: docs/output.md
        assertFalse(r.out.contains("Infinity"), r.out);
    }

    @Test
    void summaryNamesEveryQuantity() {
        CliRun r = new CliRun(EXAMPLE);
        assertEquals(0, r.exit, r.err);
        for (String label : new String[] {"N0 =", "m0 =", "regime = TA", "states", "<N>", "<N^2>", "Var N", "<m>",
            "residual", "boundary mass", "omitted flux", "solver", "tolerance 1e-10: met"}) {
            assertTrue(r.out.contains(label), () -> "missing '" + label + "' in\n" + r.out);
        }
        assertEquals("", r.err); // -q: no progress lines
    }

    @Test
    void smallSolvesPrintNoProgress() {
        CliRun r = new CliRun("stationary", "--preset", "aluminium", "--V", "0.001", "--N0", "30");
        assertEquals(0, r.exit);
        assertEquals("", r.err);
    }

    @Test
    void csvWritesMarginalAndJointDistributions(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("p");
        CliRun r = new CliRun("stationary", "--A", "50", "--V", "1", "--gamma", "10", "--gamma-t", "0.5", "--tau-s", "0.2",
                "--n-max", "30", "--m-max", "6", "--csv", out.toString(), "-q");
        assertEquals(0, r.exit, r.err);
        List<String> pn = Files.readAllLines(out.resolve("pN.csv"));
        List<String> pnm = Files.readAllLines(out.resolve("pNm.csv"));
        assertEquals("N,P", pn.get(0));
        assertEquals("N,m,P", pnm.get(0));
        assertEquals(31 + 1, pn.size());
        int states = 0;
        for (int n = 0; n <= 30; n++) {
            states += Math.min(n / 2, 6) + 1;
        }
        assertEquals(states + 1, pnm.size());
        double sum = 0.0;
        for (String line : pnm.subList(1, pnm.size())) {
            sum += Double.parseDouble(line.split(",")[2]);
        }
        assertEquals(1.0, sum, 1e-13);
        assertTrue(r.out.contains("nMax = 30, mMax = 6"), r.out);
    }

    @Test
    void fixedTruncationReportsCostWithoutFailing() {
        CliRun r = new CliRun("stationary", "--A", "100", "--V", "1", "--gamma", "1", "--gamma-t", "0.1", "--tau-s", "1",
                "--n-max", "6", "-q");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("tolerance 1e-10: NOT met"), r.out);
        assertTrue(r.err.contains("warning: truncation cost"), r.err);
    }

    /**
     * Issue 14: a fixed truncation far beyond the tolerance is never "met", and its error scale is not a
     * number that fails to bound the error (cost 0.43 at --n-max 10: the first-order scale 1.38 against an actual
     * error 2.28 of <N> = 8.63 vs 10.91), nor 0 at --n-max 0.
     */
    @Test
    void fixedTruncationFarBeyondToleranceHasNoErrorScale() {
        for (String n : new String[] {"0", "10"}) {
            CliRun r = new CliRun("stationary", "--A", "500", "--V", "1", "--gamma", "10", "--gamma-t", "0.5",
                    "--tau-s", "0.2", "--n-max", n, "--json", "-q");
            assertEquals(0, r.exit, r.err);
            assertTrue(r.out.contains("\"withinTolerance\" : false"), r.out);
            assertTrue(r.out.contains("\"truncationErrorScale\" : null"), r.out);
            assertTrue(r.err.contains("may be off by any amount"), r.err);
        }
        CliRun ok = new CliRun("stationary", "--A", "500", "--V", "1", "--gamma", "10", "--gamma-t", "0.5",
                "--tau-s", "0.2", "--n-max", "60", "--tol", "1e-6", "--json", "-q");
        assertTrue(ok.out.contains("\"withinTolerance\" : true"), ok.out);
        assertTrue(ok.err.isEmpty(), ok.err);
    }

    @Test
    void helpIsAvailableDespiteTheVolumeOptionV() {
        for (String h : new String[] {"--help", "-h"}) {
            CliRun r = new CliRun("stationary", h);
            assertEquals(0, r.exit, r.err);
            assertTrue(r.out.startsWith("Usage: qpspin stationary"), r.out);
            assertTrue(r.out.contains("--n-max") && r.out.contains("--json") && r.out.contains("--tau-s"), r.out);
        }
    }

    @Test
    void formatterDropsTrailingZeros() {
        assertEquals("0.001", SummaryFormat.g(0.001));
        assertEquals("10000", SummaryFormat.g(1e4));
        assertEquals("4.19025e-06", SummaryFormat.g(4.19025e-6));
        assertEquals("inf", SummaryFormat.g(Double.POSITIVE_INFINITY));
    }
}
