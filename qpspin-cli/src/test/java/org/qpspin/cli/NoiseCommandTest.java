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

/** {@code qpspin noise} and {@code qpspin flux-noise} as a user sees them. */
class NoiseCommandTest {

    private static final String MODEL = "--A 30 --V 1 --gamma 10 --gamma-t 0.5 --tau-s 0.4 --n-max 30 --m-max 6 -q";

    private static String[] args(String s) {
        return s.trim().split("\\s+");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "noise|no model parameters",
        "noise " + MODEL + " --observable Q|unknown observable 'Q'",
        "noise " + MODEL + " --route fast|unknown --route 'fast'",
        "noise " + MODEL + " --f-min 10 --f-max 1|--f-max",
        "noise " + MODEL + " --f-min -1|--f-min",
        "noise " + MODEL + " --omega 1,-2|--omega",
        "noise " + MODEL + " --omega 1,2 --f-min 1|either --omega or --f-min",
        "noise " + MODEL + " --points 1|--points",
        "noise " + MODEL + " --plot out.txt|--plot needs a file ending in .png or .svg",
        "noise " + MODEL + " --spectrum-tol 0|--spectrum-tol",
        "flux-noise --width -3 --N0 10 -q|--width",
        "flux-noise --phi1 0 --N0 10 -q|--phi1",
        "flux-noise --N0 10 --band --windows -q|--band and --windows",
        "flux-noise --N0 10 --windows --n-max 20 -q|--windows is a kind of automatic truncation",
    })
    void badInputExitsWithTwoAndOneLine(String spec) {
        String[] parts = spec.split("\\|");
        CliRun r = new CliRun(args(parts[0]));
        assertEquals(2, r.exit, () -> "stderr: " + r.err);
        List<String> lines = r.err.lines().toList();
        assertEquals(1, lines.size(), () -> "stderr: " + r.err);
        assertTrue(lines.get(0).startsWith("qpspin: ") && lines.get(0).contains(parts[1]), lines.get(0));
    }

    @Test
    void jsonCarriesTheNoiseAndItsDiagnostics(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("s.png");
        CliRun r = new CliRun(args("noise " + MODEL + " --json --points 40 --eigenvalues 3 --plot " + png));
        assertEquals(0, r.exit, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        for (String key : List.of("sN0", "varN", "correlationTime", "tF", "spectrum", "slowestEigenvalues", "modes", "diagnostics")) {
            assertTrue(j.has(key), key);
        }
        assertEquals(40, j.get("spectrum").size());
        assertEquals(3, j.get("slowestEigenvalues").size());
        double s0 = j.get("sN0").asDouble();
        assertEquals(j.get("varN").asDouble() * 2 * j.get("correlationTime").asDouble(), s0, 1e-12 * s0);
        // the lowest grid point (1e-3 of the corner) is on the plateau
        assertEquals(s0, j.get("spectrum").get(0).get("S").asDouble(), 1e-5 * s0);
        assertTrue(j.get("diagnostics").get("krylovConverged").asBoolean());
        assertTrue(Files.size(png) > 1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"noise", "flux-noise", "stationary"})
    void helpIsShown(String command) {
        CliRun r = new CliRun(command, "--help");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.startsWith("Usage: qpspin " + command), r.out);
    }

    @Test
    void summaryNamesTheConventionAndThePaperCoefficients() {
        CliRun r = new CliRun(args("noise " + MODEL + " --points 20 --eigenvalues 2"));
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("two-sided"));
        assertTrue(r.out.contains("(paper, TA limit: 0.6)"));
        assertTrue(r.out.contains("gamma_2"));
    }

    @Test
    void fluxNoiseFallsBackToFokkerPlanckWhenTheExactChainIsOutOfReach() throws Exception {
        CliRun r = new CliRun(args("flux-noise --N0 40 --max-states 100 --json -q"));
        assertEquals(0, r.exit, r.err);
        assertEquals("", r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertTrue(j.get("exactNote").asText().startsWith("exact chain out of reach here: the automatic truncation "
                + "needs more than 100 states"), r.out);
        // issue 18: the exact block says so, with the size of the attempt it would have made, and no numbers
        JsonNode e = j.get("exact");
        assertFalse(e.get("solved").asBoolean(), r.out);
        assertFalse(e.has("meanN") || e.has("sPhi"), r.out);
        assertEquals(j.get("exactNote").asText(), e.get("note").asText());
        long needed = e.get("statesNeeded").asLong();
        assertTrue(needed > 100 && j.get("exactNote").asText().contains(needed + " states"), r.out);
        assertTrue(j.has("fokkerPlanck"), r.out);
        // out of memory takes the same way out, with the heap named instead of a bare "Java heap space"
        String note = FluxNoiseCommand.outOfReach(new OutOfMemoryError("Java heap space"));
        assertEquals("exact chain out of reach here: " + Main.outOfMemory(), note);
        assertTrue(note.contains("MiB heap") && note.contains("-Xmx"), note);
    }

    /** The paper's family at N0 = Nc = 100 (two-sided windows of ≈ 2.3 × 10⁴ states). */
    private static final String EDGE_100 = "flux-noise --gamma 18.8669 --gamma-t 0.188669 --tau-s 12.6491 --V 0.001 "
            + "--N0 100 --phi1 1e-7 --json -q";

    @Test
    void fluxNoiseRoutesToMultigridWhenTheFactorsCannotFitAndRefusesBeforeAssemblyWhenNothingFits() throws Exception {
        JsonNode lu = new ObjectMapper().readTree(new CliRun(args(EDGE_100 + " --solver lu")).out).get("exact");
        JsonNode routed;
        JsonNode refused;
        try (org.qpspin.linalg.HeapBudget.Fixed budget = org.qpspin.linalg.HeapBudget.fixedForTest(24L << 20)) {
            CliRun r = new CliRun(args(EDGE_100)); // --solver auto: lu's factors (≥ 25 MiB) do not fit, multigrid does
            assertEquals(0, r.exit, r.err);
            routed = new ObjectMapper().readTree(r.out).get("exact");
        }
        try (org.qpspin.linalg.HeapBudget.Fixed budget = org.qpspin.linalg.HeapBudget.fixedForTest(2L << 20)) {
            CliRun r = new CliRun(args(EDGE_100));
            assertEquals(0, r.exit, r.err);
            refused = new ObjectMapper().readTree(r.out).get("exact");
        }
        assertTrue(routed.get("solved").asBoolean(), routed.toString());
        String solver = routed.get("solver").asText();
        assertTrue(solver.startsWith("auto→multigrid[") && solver.contains("(direct: lu needs ≥ "), solver);
        JsonNode it = routed.get("iterative");
        assertEquals("multigrid", it.get("method").asText(), routed.toString());
        assertTrue(it.get("converged").asBoolean() && it.get("krylovIterations").asInt() > 0, routed.toString());
        assertTrue(it.get("meanNError").asDouble() < 1e-8 * routed.get("meanN").asDouble(), routed.toString());
        assertFalse(lu.has("iterative"), lu.toString()); // a direct solve is exact up to rounding: no such block
        assertEquals(lu.get("states").asLong(), routed.get("states").asLong(), routed.toString());
        for (String key : List.of("meanN", "varN", "meanM", "sN0", "sPhi")) {
            assertEquals(lu.get(key).asDouble(), routed.get(key).asDouble(), 1e-8 * lu.get(key).asDouble(), key);
        }
        assertFalse(refused.get("solved").asBoolean(), refused.toString());
        String note = refused.get("note").asText();
        assertTrue(note.contains("no solver fits") && note.contains("estimated before assembly")
                && note.contains(refused.get("statesNeeded").asLong() + " states"), note);
    }

    @Test
    void fluxNoiseReportsExactAndFokkerPlanck() throws Exception {
        CliRun r = new CliRun(args("flux-noise --N0 12 --json -q"));
        assertEquals(0, r.exit, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertTrue(j.has("exact"), r.out);
        assertTrue(j.has("fokkerPlanck"));
        double phi1 = j.get("phi1").asDouble();
        assertEquals(1e-7, phi1, 0.0); // the paper's phi1 by default (issue 14)
        JsonNode e = j.get("exact");
        assertEquals(phi1 * phi1 * e.get("sSpin").asDouble(), e.get("sPhi").asDouble(), 1e-12 * e.get("sPhi").asDouble());
        // issue 18: the exact chain's diagnostics beside its numbers, on the two-sided windows by default
        assertTrue(e.get("solved").asBoolean(), r.out);
        assertTrue(e.get("relativeOmittedFlux").asDouble() <= 1e-10 && e.get("withinTolerance").asBoolean(), r.out);
        assertTrue(e.get("relativeResidual").asDouble() < 1e-12, r.out);
        assertTrue(e.get("meanM").asDouble() > 0 && e.get("meanM").asDouble() < e.get("meanN").asDouble() / 2, r.out);
        assertEquals(e.get("sN0").asDouble(), 2 * e.get("varN").asDouble() * e.get("correlationTime").asDouble(),
                1e-9 * e.get("sN0").asDouble());
        assertTrue(e.get("truncation").asText().contains("windows"), r.out);
        assertTrue(e.get("solver").asText().length() > 0 && e.get("states").asInt() > 0, r.out);
        assertTrue(e.get("sPhiEnhancement").asDouble() > 1.0);
        CliRun w = new CliRun(args("flux-noise --N0 12 --width 100 --json -q"));
        assertEquals(5.6e-8, new ObjectMapper().readTree(w.out).get("phi1").asDouble(), 0.1e-8); // mu0 muB / 100 nm
    }

    /** Issue 14: the paper's example sits at N0 = Nc, the polarization edge, and says so. */
    @Test
    void fluxNoiseDefaultIsThePapersExampleAtTheEdge() throws Exception {
        CliRun r = new CliRun(args("flux-noise --json -q --max-states 1000"));
        assertEquals(0, r.exit, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertEquals(1e-7, j.get("phi1").asDouble(), 0.0);
        assertTrue(j.get("regimeNote").asText().startsWith("edge of polarization"), r.out);
    }

    /** Issue 14: with --observable m the JSON names m's quantities, and a 5-point grid gives no sum rule. */
    @Test
    void noiseNamesTheObservableAndSkipsASparseSumRule() throws Exception {
        CliRun r = new CliRun(args("noise " + MODEL + " --observable m --omega 1,2,3,4,5 --eigenvalues 0 --json"));
        assertEquals(0, r.exit, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertTrue(j.has("sM0") && j.has("varM") && !j.has("sN0") && !j.has("varN"), r.out);
        assertTrue(j.get("diagnostics").get("sumRuleRatio").isNull(), r.out);
    }
}
