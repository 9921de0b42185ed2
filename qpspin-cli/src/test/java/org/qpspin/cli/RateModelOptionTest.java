package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code --rate-model}: the chosen model is solved and named; PRL-2020-only cross-checks refuse the other one. */
class RateModelOptionTest {

    private static final String[] SMALL = {"--A", "40", "--V", "1.3", "--gamma", "8", "--gamma-t", "0.4",
        "--tau-s", "0.25"};

    private static String[] args(String command, String model, String... extra) {
        String[] a = new String[3 + SMALL.length + extra.length];
        a[0] = command;
        a[1] = "--rate-model";
        a[2] = model;
        System.arraycopy(SMALL, 0, a, 3, SMALL.length);
        System.arraycopy(extra, 0, a, 3 + SMALL.length, extra.length);
        return a;
    }

    @Test
    void stationaryNamesAndSolvesTheChosenModel() throws IOException {
        CliRun prl = new CliRun(args("stationary", "prl2020", "--json"));
        CliRun exact = new CliRun(args("stationary", "exact-spin", "--json"));
        assertEquals(0, prl.exit, prl.err);
        assertEquals(0, exact.exit, exact.err);
        JsonNode a = new ObjectMapper().readTree(prl.out);
        JsonNode b = new ObjectMapper().readTree(exact.out);
        assertEquals("prl2020", a.get("rateModel").asText());
        assertEquals("exact-spin", b.get("rateModel").asText());
        assertTrue(a.get("meanN").asDouble() != b.get("meanN").asDouble(), "the two models gave the same <N>");
        CliRun text = new CliRun(args("stationary", "exact-spin"));
        assertTrue(text.out.startsWith("qpspin stationary: exact-spin rate model"), text.out);
    }

    @Test
    void everyCommandWithModelParametersTakesTheOption() {
        picocli.CommandLine cl = Main.commandLine();
        for (String name : java.util.List.of("stationary", "noise", "flux-noise", "fp-check", "regime-map", "simulate",
                "validate", "export-generator")) {
            assertTrue(cl.getSubcommands().get(name).getCommandSpec().findOption("--rate-model") != null,
                    name + " has no --rate-model");
        }
    }

    @Test
    void unknownModelIsOneLineExitTwo() {
        CliRun run = new CliRun(args("stationary", "exact"));
        assertEquals(2, run.exit);
        assertEquals(1, run.err.strip().lines().count(), run.err);
        assertTrue(run.err.contains("unknown --rate-model 'exact'; known: prl2020, exact-spin"), run.err);
    }

    @Test
    void fpCheckRefusesTheExactSpinModel() {
        CliRun run = new CliRun(args("fp-check", "exact-spin"));
        assertEquals(2, run.exit);
        assertEquals(1, run.err.strip().lines().count(), run.err);
        assertTrue(run.err.contains("limit of the PRL 2020 rates"), run.err);
        assertEquals("", run.out);
    }
}
