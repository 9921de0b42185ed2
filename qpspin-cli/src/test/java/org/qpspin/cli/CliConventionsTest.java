package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** help, shell completion, the command list, option spellings, progress bars off when stderr is no terminal. */
class CliConventionsTest {

    @Test
    void helpSubcommandShowsACommandsHelp() {
        CliRun r = new CliRun("help", "stationary");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("Usage: qpspin stationary"), r.out);
        assertTrue(r.out.contains("--plot"), r.out);
    }

    @Test
    void completionScriptCoversEveryCommand() {
        CliRun r = new CliRun("generate-completion");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.startsWith("#!/usr/bin/env bash"), r.out.substring(0, Math.min(200, r.out.length())));
        for (String command : List.of("stationary", "noise", "simulate", "flux-noise", "regime-map", "help")) {
            assertTrue(r.out.contains(command), command);
        }
        assertTrue(r.out.contains("--band-tol") && r.out.contains("--plot"), "options are completed");
    }

    /** Each command's line in the list is one whole sentence: not cut, not wrapped. */
    @Test
    void commandListHasOneFullLineEach() {
        CliRun r = new CliRun("--help");
        String list = r.out.substring(r.out.indexOf("Commands:") + "Commands:".length()).strip();
        List<String> lines = list.lines().toList();
        assertEquals(Main.commandLine().getSubcommands().size(), lines.size(), list);
        for (String line : lines) {
            assertTrue(line.endsWith(".") && line.length() <= 80, line);
        }
    }

    @Test
    void fpConvergenceTakesN0AndItsOldSpelling() {
        CliRun upper = new CliRun("fp-convergence", "--N0", "5,10");
        CliRun lower = new CliRun("fp-convergence", "--n0", "5,10");
        for (CliRun r : List.of(upper, lower)) {
            assertEquals(2, r.exit, r.err);
            assertTrue(r.err.startsWith("qpspin: --N0 and --zetas need at least 3 values"), r.err);
        }
        CliRun both = new CliRun("fp-convergence", "--N0", "5,10,20", "--n0", "5,10,20");
        assertEquals(2, both.exit, both.err);
        assertTrue(!new CliRun("fp-convergence", "--help").out.contains("--n0"), "the old spelling is hidden");
    }

    @Test
    void exportGeneratorBandIsAFlagAndTakesTheOldForm(@TempDir Path dir) throws Exception {
        String model = "export-generator --A 2e4 --V 1 --gamma 100 --gamma-t 0 --tau-s 1 --n-max 300 --format none --out ";
        CliRun flag = new CliRun((model + dir.resolve("a") + " --band --band-tol 1e-8").split(" "));
        CliRun old = new CliRun((model + dir.resolve("b") + " --band 1e-8").split(" "));
        assertEquals(0, flag.exit, flag.err);
        assertEquals(0, old.exit, old.err);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode a = json.readTree(dir.resolve("a.json").toFile());
        com.fasterxml.jackson.databind.JsonNode b = json.readTree(dir.resolve("b.json").toFile());
        assertEquals("band", a.get("truncation").get("kind").asText());
        assertTrue(a.get("states").asInt() < 151 * 151, "a band, not the triangle: " + a.get("states"));
        assertEquals(a.get("mHigh"), b.get("mHigh"), "same band either way");
        assertEquals(a.get("states"), b.get("states"));
        CliRun bad = new CliRun((model + dir.resolve("c") + " --band wide").split(" "));
        assertEquals(2, bad.exit);
        assertEquals("qpspin: --band is a flag (its tolerance is --band-tol TOL), got '--band wide'", bad.err.strip());
    }

    @Test
    void noProgressBarWhenStderrIsNoTerminal() {
        CliRun r = new CliRun("simulate", "--A", "50", "--V", "1", "--gamma", "10", "--gamma-t", "0.5", "--tau-s",
                "0.2", "--time", "20", "--dt", "0.01");
        assertEquals(0, r.exit, r.err);
        assertTrue(!r.err.contains("%"), r.err);
    }
}
