package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelComparisonCommandTest {

    @TempDir
    Path dir;

    @Test
    void comparesBothFamiliesAndDrawsThePlot() throws IOException {
        Path png = dir.resolve("c.png");
        CliRun run = new CliRun("model-comparison", "--N0", "12", "--points", "2", "--x", "0.05:1", "--json",
                "--plot", png.toString(), "-q");
        assertEquals(0, run.exit, run.err);
        JsonNode root = new ObjectMapper().readTree(run.out);
        assertEquals("exact-spin", root.get("rateModel").asText());
        JsonNode points = root.get("points");
        assertEquals(4, points.size());
        for (JsonNode p : points) {
            double prl = p.at("/prl2020/meanN").asDouble();
            double exact = p.at("/exactSpin/meanN").asDouble();
            assertEquals(exact / prl - 1.0, p.at("/relativeChange/meanN").asDouble(), 1e-14);
            assertEquals("exact-spin", p.at("/exactSpin/rateModel").asText());
            assertTrue(p.at("/exactSpin/relativeOmittedFlux").asDouble() <= 1e-10);
        }
        assertTrue(Files.size(png) > 1000);
        assertEquals(1, run.err.lines().filter(l -> l.equals("qpspin: wrote " + png)).count(), run.err);
    }

    @Test
    void unknownFamilyIsOneLineExitTwo() {
        CliRun run = new CliRun("model-comparison", "--families", "SR,XX");
        assertEquals(2, run.exit);
        assertTrue(run.err.contains("unknown family 'XX'"), run.err);
        assertEquals(1, run.err.strip().lines().count(), run.err);
    }
}
