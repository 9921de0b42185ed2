package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qpspin.fokkerplanck.PaperLimits;

/** fp-check, fp-convergence, regime-map, validation-table as a user sees them. */
class FokkerPlanckCommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "fp-check --A 0 --V 1 --gamma 1 --gamma-t 0.1 --tau-s 1|needs A > 0",
        "fp-check --plot out.gif|.png or .svg",
        "fp-check --tol 5|--tol",
        "fp-convergence --n0 5,10|at least 3 values",
        "fp-convergence --zetas 0.1,2,0.01|--zetas",
        "regime-map --v-range 1:0.1|--v-range",
        "regime-map --a-range abc|--a-range",
        "regime-map --tau-s inf|tau_s",
        "regime-map --preset lead|unknown --preset",
    })
    void badInputExitsWithTwoAndOneLine(String spec) {
        String[] parts = spec.split("\\|");
        CliRun r = new CliRun(parts[0].split(" "));
        assertEquals(2, r.exit, () -> "stderr: " + r.err);
        List<String> lines = r.err.lines().toList();
        assertEquals(1, lines.size(), r.err);
        assertTrue(lines.get(0).startsWith("qpspin: ") && lines.get(0).contains(parts[1]), r.err);
    }

    @Test
    void fpCheckJsonAndPlots(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("pn.png");
        CliRun r = new CliRun("fp-check", "--N0", "10", "--V", "0.001", "--gamma", "1", "--gamma-t", "0", "--tau-s", "1",
                "--json", "--plot", png.toString());
        assertEquals(0, r.exit, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertEquals(PaperLimits.SR_MEAN * 10, j.get("comparison").get("eq7MeanN").asDouble(), 1e-9);
        double tv = j.get("comparison").get("totalVariation").asDouble();
        assertTrue(tv > 0.06 && tv < 0.09, "TV " + tv); // ≈ 0.8/N0, docs/validation.md
        assertTrue(j.get("meanField").get("stable").asBoolean());
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
        Path svg = dir.resolve("pn.svg");
        assertEquals(0, new CliRun("fp-check", "--plot", svg.toString()).exit);
        assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains("<svg"));
    }

    @Test
    void regimeMapCsvAndPlot(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("map.csv");
        Path png = dir.resolve("map.png");
        CliRun r = new CliRun("regime-map", "--v-range", "0.01:1", "--a-range", "0.01:1", "--exact-max-n", "30", "-q",
                "--csv", csv.toString(), "--plot", png.toString());
        assertEquals(0, r.exit, r.err);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 9, lines.size());
        assertTrue(r.out.contains("SR") && r.out.contains("unpolarized"), r.out);
        assertTrue(Files.size(png) > 1000);
        CliRun json = new CliRun("regime-map", "--v-range", "0.01:0.01", "--a-range", "0.01:0.01", "--json", "-q");
        JsonNode cell = new ObjectMapper().readTree(json.out).get("cells").get(0);
        assertEquals("crossover", cell.get("regime").asText());
        assertTrue(cell.has("exactFlippedFraction"));
    }

    @Test
    void validationTableRefusesAFileWithoutMarkers(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("v.md");
        Files.writeString(f, "# nothing here\n");
        CliRun r = new CliRun("validation-table", "--update", f.toString());
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("marker"), r.err);
    }
}
