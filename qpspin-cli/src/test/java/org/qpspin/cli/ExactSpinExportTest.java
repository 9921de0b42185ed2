package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.SpinOracle;
import org.qpspin.space.StateSpace;

/**
 * {@code export-generator --rate-model exact-spin --format mtx} on the triangle N ≤ 9: every entry of the written
 * Matrix Market file is the brute-force spin computation's rate (SpinOracle, 2^N space), to 1e-12 relative, and
 * no other entry is written; the diagonal is minus the column's off-diagonal sum (reflecting truncation).
 */
class ExactSpinExportTest {

    @TempDir
    Path dir;

    @Test
    void everyWrittenRateIsTheBruteForceRate() throws IOException {
        int nMax = 9;
        Path prefix = dir.resolve("exact");
        CliRun run = new CliRun("export-generator", "--rate-model", "exact-spin", "--A", "1.3", "--V", "0.7",
                "--gamma", "2.1", "--gamma-t", "0.37", "--tau-s", "0.45", "--n-max", Integer.toString(nMax),
                "--out", prefix.toString(), "--format", "mtx");
        assertEquals(0, run.exit, () -> run.err);
        JsonNode side = new ObjectMapper().readTree(Path.of(prefix + ".json").toFile());
        assertEquals("exact-spin", side.get("rateModel").asText());

        StateSpace space = StateSpace.triangle(nMax);
        Map<Long, Double> written = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of(prefix + ".mtx"));
        int k = 0;
        while (lines.get(k).startsWith("%")) {
            k++;
        }
        String[] size = lines.get(k++).trim().split("\\s+");
        assertEquals(space.size(), Integer.parseInt(size[0]));
        for (; k < lines.size(); k++) {
            String[] f = lines.get(k).trim().split("\\s+");
            long key = (Long.parseLong(f[0]) - 1) * space.size() + Long.parseLong(f[1]) - 1;
            assertEquals(null, written.put(key, Double.parseDouble(f[2])), "entry written twice");
        }
        assertEquals(Integer.parseInt(size[2]), written.size());

        // the brute-force generator: L[i][j] = Σ of the oracle's rates j → i (singlet and spin-independent
        // annihilation into the same state add up), inside the truncation only
        ModelParameters p = ModelParameters.of(1.3, 0.7, 2.1, 0.37, 0.45);
        Map<Long, Double> expected = new HashMap<>();
        for (int j = 0; j < space.size(); j++) {
            int n = space.levelOf(j);
            int m = space.mOf(j);
            double out = 0.0;
            for (SpinOracle.Rate r : SpinOracle.ratesFrom(p, n, m)) {
                if (r.rate() > 1e-12 && r.toN() <= nMax) {
                    long key = (long) space.index(r.toN(), r.toM()) * space.size() + j;
                    expected.merge(key, r.rate(), Double::sum);
                    out += r.rate();
                }
            }
            expected.put((long) j * space.size() + j, -out);
        }
        assertEquals(expected.keySet(), written.keySet(), "sparsity pattern");
        int offDiagonal = 0;
        for (Map.Entry<Long, Double> e : expected.entrySet()) {
            double w = written.get(e.getKey());
            double x = e.getValue();
            assertTrue(Math.abs(w - x) <= 1e-12 * Math.abs(x), "entry " + e.getKey() + ": written " + w
                    + ", brute force " + x);
            if (x > 0) {
                offDiagonal++;
            }
        }
        assertTrue(offDiagonal > 100, "off-diagonal entries " + offDiagonal);
    }
}
