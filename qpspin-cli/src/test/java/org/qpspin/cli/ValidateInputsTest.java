package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qpspin validate} on the sample files of other tools (issue 13 items 4 and 6): pandas' index column and
 * extra columns (one warning on stderr), {@code simulate --histogram}'s own output (the distribution tests only),
 * and event-sampled series ({@code --jump-times}).
 */
class ValidateInputsTest {

    private static final String[] MODEL = {"--A", "50", "--V", "1", "--gamma", "10", "--gamma-t", "0.5",
        "--tau-s", "0.2"};

    private static String[] args(String command, String... extra) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(Arrays.asList(MODEL));
        a.addAll(Arrays.asList(extra));
        return a.toArray(new String[0]);
    }

    private static List<String> testNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.get("tests").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    @Test
    void pandasFileWithExtraColumnsAndTheSimulatorsHistogram(@TempDir Path dir) throws Exception {
        Path series = dir.resolve("sim.csv");
        Path histogram = dir.resolve("hist.csv");
        CliRun sim = new CliRun(args("simulate", "--time", "100", "--dt", "0.01", "--replicas", "2", "--threads", "2",
                "--seed", "5", "--out", series.toString(), "--histogram", histogram.toString(), "-q"));
        assertEquals(0, sim.exit, sim.err);

        // pandas: df.to_csv() with an added column, quoted, CRLF, a BOM
        List<String> lines = Files.readAllLines(series);
        StringBuilder pandas = new StringBuilder("\ufeff\"\",\"replica\",\"t\",\"N\",\"m\",\"energy\"\r\n");
        for (int k = 1; k < lines.size(); k++) {
            pandas.append(k - 1).append(',').append(lines.get(k)).append(",0.5\r\n");
        }
        Path p = dir.resolve("pandas.csv");
        Files.writeString(p, pandas.toString());
        CliRun plain = new CliRun(args("validate", "--samples", series.toString(), "--json"));
        CliRun v = new CliRun(args("validate", "--samples", p.toString(), "--json"));
        assertEquals(0, v.exit, v.out + v.err);
        assertEquals(List.of("qpspin: warning: ignored column 'energy' of " + p
                + " (qpspin validate reads N, m, t or time, replica; count or time and fraction for a histogram)"),
                v.err.lines().toList());
        JsonNode a = new ObjectMapper().readTree(plain.out);
        JsonNode b = new ObjectMapper().readTree(v.out);
        assertEquals(a.get("tests"), b.get("tests")); // the same samples: the same verdicts to the last digit
        assertTrue(b.get("warnings").toString().contains("'energy'"), v.out);

        // simulate --histogram (N,m,time,fraction): dwell times, no time order
        CliRun h = new CliRun(args("validate", "--samples", histogram.toString(), "--json"));
        assertEquals(0, h.exit, h.out + h.err);
        JsonNode hj = new ObjectMapper().readTree(h.out);
        assertEquals(List.of("G-test P(N)", "G-test P(N,m)", "KS P(N)", "mean N", "Var N", "mean m"), testNames(hj));
        assertTrue(hj.get("tauIntSamples").isNull());
        assertTrue(hj.get("input").asText().startsWith("histogram of dwell times: 200.000 s of stationary trajectories in 45 rows"), h.out);
        assertTrue(hj.get("warnings").toString().contains("not applicable to a histogram (no time order): "
                + "correlation time N, spectrum N (Welch)"), h.out);
        CliRun text = new CliRun(args("validate", "--samples", histogram.toString()));
        assertTrue(text.out.contains("input: histogram of dwell times"), text.out);
    }

    @Test
    void eventSampledSeriesWithJumpTimes(@TempDir Path dir) throws Exception {
        // a fine grid (1 ms, about 1/11 of the mean dwell) with the repeated rows dropped: the rows that remain are
        // the first grid time of each new state, a jump-time file whose times are irregular
        Path fine = dir.resolve("fine.csv");
        CliRun sim = new CliRun(args("simulate", "--time", "100", "--dt", "0.001", "--replicas", "1", "--seed", "6",
                "--out", fine.toString(), "-q"));
        assertEquals(0, sim.exit, sim.err);
        StringBuilder jumps = new StringBuilder("replica,t,N,m\n");
        String previous = null;
        for (String line : Files.readAllLines(fine).subList(1, Files.readAllLines(fine).size())) {
            String[] f = line.split(",", 3);
            if (!f[2].equals(previous)) {
                jumps.append(line).append('\n');
                previous = f[2];
            }
        }
        Path j = dir.resolve("jumps.csv");
        Files.writeString(j, jumps.toString());
        CliRun refused = new CliRun(args("validate", "--samples", j.toString()));
        assertEquals(2, refused.exit, refused.out + refused.err);
        assertEquals(1, refused.err.lines().count(), refused.err);
        assertTrue(refused.err.contains("not on a regular time grid") && refused.err.contains("--jump-times"),
                refused.err);

        CliRun v = new CliRun(args("validate", "--samples", j.toString(), "--jump-times", "--json"));
        assertEquals(0, v.exit, v.out + v.err);
        JsonNode json = new ObjectMapper().readTree(v.out);
        assertEquals(List.of("G-test P(N)", "G-test P(N,m)", "KS P(N)", "mean N", "Var N", "mean m",
                "correlation time N", "spectrum N (Welch)"), testNames(json));
        String input = json.get("input").asText();
        assertTrue(input.startsWith("jump times: ") && input.contains("time-weighted occupation")
                && input.contains("exactly the process sampled every dt"), input);
        assertTrue(json.get("tests").get(3).get("method").asText().contains("exact long-run covariance"), v.out);
        assertFalse(json.get("tauIntSamples").isNull());
    }
}
