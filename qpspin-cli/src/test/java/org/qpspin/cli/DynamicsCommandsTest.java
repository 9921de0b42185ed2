package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.qpspin.dynamics.FirstPassage;
import org.qpspin.dynamics.FirstPassageResult;
import org.qpspin.dynamics.StartDistribution;
import org.qpspin.dynamics.TargetSet;
import org.qpspin.dynamics.TransientAnalysis;
import org.qpspin.dynamics.TransientResult;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;

/** {@code qpspin transient} and {@code qpspin first-passage} as a user sees them. */
class DynamicsCommandsTest {

    private static final String MODEL = "--A 40 --V 1 --gamma 10 --gamma-t 0.5 --tau-s 0.4 -q";
    private static final ModelParameters P = ModelParameters.of(40, 1, 10, 0.5, 0.4);

    private static String[] args(String s) {
        return s.trim().split("\\s+");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "transient --times 1|no model parameters",
        "transient " + MODEL + " --start 3,2|--start: start state (N=3, m=2) is not a state",
        "transient " + MODEL + " --start nofile.csv|neither 'N,m' nor a readable file",
        "transient " + MODEL + " --times 1,1|--times must be strictly increasing",
        "transient " + MODEL + " --times 1,-2|--times values must be finite and >= 0",
        "transient " + MODEL + " --t-min 5 --t-max 1|--t-max must be > --t-min",
        "transient " + MODEL + " --times 1 --t-max 3|either --times or --t-min/--t-max",
        "transient " + MODEL + " --points 1|--points must be >= 2",
        "transient " + MODEL + " --tol 0|--tol must be in (0, 1)",
        "transient " + MODEL + " --method fast|--method: unknown method 'fast'",
        "transient " + MODEL + " --m-max 3|--m-max needs --n-max",
        "transient " + MODEL + " --n-max 5 --start 8,0|outside --n-max",
        "transient " + MODEL + " --plot out.txt|--plot needs a file ending in .png or .svg",
        "transient --A 0 --V 1 --gamma 10 --gamma-t 0.5 --tau-s 0.4 --start 4,0|no default time scale with A = 0",
        "first-passage " + MODEL + "|Missing required option: '--target",
        "first-passage " + MODEL + " --target N>>3|--target: bad target 'N>>3' at position 3",
        "first-passage " + MODEL + " --target N>=9 --quantiles 0.5,1.5|--quantiles must be in (0, 1)",
        "first-passage " + MODEL + " --target N>=9 --t-min 1|--t-min needs --t-max",
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
    void badStartFileNamesTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("start.csv");
        Files.writeString(f, "N,m,p\n4,1,0.5\n4,x,0.5\n");
        CliRun r = new CliRun(args("transient " + MODEL + " --times 1 --start " + f));
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("line 3"), r.err);
        Files.writeString(f, "N,m,p\n4,1,0.5\n6,0,0.4\n");
        CliRun s = new CliRun(args("transient " + MODEL + " --times 1 --start " + f));
        assertEquals(2, s.exit);
        assertTrue(s.err.contains("sum to 0.9"), s.err);
    }

    @Test
    void transientJsonCsvAndPlotCarryTheLibraryNumbers(@TempDir Path dir) throws Exception {
        Path start = dir.resolve("start.csv");
        Files.writeString(start, "\uFEFFN,m,p\n# a mixture\n0,0,0.25\n6,2,0.75\n");
        Path csv = dir.resolve("t.csv");
        Path png = dir.resolve("t.png");
        CliRun r = new CliRun(args("transient " + MODEL + " --start " + start + " --times 0.002,0.02,0.2,2 --json"
                + " --csv " + csv + " --plot " + png));
        assertEquals(0, r.exit, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        for (String key : List.of("times", "meanN", "varN", "meanM", "lostMass", "errorBound", "diagnostics")) {
            assertTrue(j.has(key), key);
        }
        TransientResult lib = TransientAnalysis.withDefaults().compute(Prl2020RateModel.of(P),
                StartDistribution.of(new int[] {0, 6}, new int[] {0, 2}, new double[] {0.25, 0.75}),
                new double[] {0.002, 0.02, 0.2, 2}, null);
        for (int i = 0; i < 4; i++) {
            assertEquals(lib.meanN()[i], j.get("meanN").get(i).asDouble(), 0.0);
            assertEquals(lib.varianceN()[i], j.get("varN").get(i).asDouble(), 0.0);
            assertTrue(j.get("lostMass").get(i).asDouble() <= 1e-10);
        }
        JsonNode d = j.get("diagnostics");
        assertTrue(d.get("method").asText().contains("uniformization") || d.get("method").asText().contains("taylor"));
        assertTrue(d.get("errorBound").asDouble() < 1e-8);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("t,meanN,varN,meanM,lostMass,errorBound", lines.get(0));
        assertEquals(5, lines.size());
        assertTrue(Files.size(png) > 1000);
        // human summary
        CliRun h = new CliRun(args("transient " + MODEL + " --times 0.1,1"));
        assertEquals(0, h.exit, h.err);
        assertTrue(h.out.contains("truncation") && h.out.contains("kernel") && h.out.contains("lost"), h.out);
    }

    @Test
    void firstPassageJsonCarriesTheMeanTimeAndQuantiles(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("f.png");
        CliRun r = new CliRun(args("first-passage " + MODEL + " --start 0,0 --target N>=8 --json --plot " + png));
        assertEquals(0, r.exit, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        FirstPassageResult lib = FirstPassage.withDefaults().compute(Prl2020RateModel.of(P),
                StartDistribution.pointMass(0, 0), TargetSet.parse("N>=8"), null, new double[] {0.5, 0.9}, null);
        assertEquals(lib.meanTime(), j.get("meanTime").asDouble(), 0.0);
        assertEquals(lib.quantiles()[0], j.get("median").asDouble(), 0.0);
        assertEquals(2, j.get("quantiles").size());
        assertEquals(40, j.get("cdf").size());
        assertTrue(j.get("diagnostics").get("exact").asBoolean());
        assertTrue(Files.size(png) > 1000);
        assertEquals(1, r.err.lines().filter(l -> l.equals("qpspin: wrote " + png)).count(), r.err);
        CliRun h = new CliRun(args("first-passage " + MODEL + " --start 0,0 --target N>=8"));
        assertEquals(0, h.exit, h.err);
        assertTrue(h.out.contains("E[tau] =") && h.out.contains("50.0 %"), h.out);
    }
}
