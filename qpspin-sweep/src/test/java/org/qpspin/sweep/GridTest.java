package org.qpspin.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qpspin.cli.UsageException;

/** Grid files: CSV rows, and JSON/YAML specs with lists, ranges, products and zips. */
class GridTest {

    @Test
    void csvRowsKeepColumnOrderSkipCommentsAndLeaveEmptyCellsOut() {
        Grid g = Grid.fromCsv("# a comment\n--preset,V,N0, rate-model\naluminium,0.001,50,\n\n\"aluminium\",\"1e-3\",\"7\",x\n",
                "g.csv");
        assertEquals(List.of("preset", "V", "N0", "rate-model"), g.columns());
        assertEquals(List.of(Map.of("preset", "aluminium", "V", "0.001", "N0", "50"),
                Map.of("preset", "aluminium", "V", "1e-3", "N0", "7", "rate-model", "x")), g.points());
        assertEquals(List.of("preset", "V", "N0"), List.copyOf(g.points().get(0).keySet()));
    }

    @Test
    void csvQuotesMayHoldCommasAndDoubledQuotes() {
        Grid g = Grid.fromCsv("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n", "g.csv");
        assertEquals(Map.of("a", "x,y", "b", "say \"hi\""), g.points().get(0));
    }

    @Test
    void csvErrorsNameTheLine() {
        UsageException e = assertThrows(UsageException.class, () -> Grid.fromCsv("a,b\n1,2\n3\n", "g.csv"));
        assertTrue(e.getMessage().contains("g.csv: line 3: 1 cells, the header has 2"), e.getMessage());
        e = assertThrows(UsageException.class, () -> Grid.fromCsv("a,a\n1,2\n", "g.csv"));
        assertTrue(e.getMessage().contains("column 'a' twice"), e.getMessage());
    }

    @Test
    void specProductsVaryTheLastAxisFastestAndAddFixedValues() throws Exception {
        String yaml = """
                fixed: {preset: aluminium}
                product:
                  V: [0.001, 0.002]
                  N0: {from: 10, to: 30, points: 3}
                """;
        Grid g = Grid.fromSpec(new ObjectMapper(new YAMLFactory()).readTree(yaml), "g.yaml");
        assertEquals(6, g.points().size());
        assertEquals(Map.of("V", "0.001", "N0", "10", "preset", "aluminium"), g.points().get(0));
        assertEquals(Map.of("V", "0.001", "N0", "20", "preset", "aluminium"), g.points().get(1));
        assertEquals(Map.of("V", "0.002", "N0", "30", "preset", "aluminium"), g.points().get(5));
    }

    @Test
    void rangesLinearLogAndStepWithExactEnds() {
        ObjectMapper m = new ObjectMapper();
        assertEquals(List.of("1.0", "1.25", "1.5", "1.75", "2.0"),
                Grid.axis(node(m, "{\"from\": 1.0, \"to\": 2.0, \"points\": 5}"), "x"));
        assertEquals(List.of("10.0", "100.0", "1000.0"),
                Grid.axis(node(m, "{\"from\": 10, \"to\": 1000, \"points\": 3, \"log\": true}"), "x"));
        assertEquals(List.of("2", "5", "8"), Grid.axis(node(m, "{\"from\": 2, \"to\": 9, \"step\": 3}"), "x"));
        assertEquals(List.of("0.1", "0.2", "0.30000000000000004"),
                Grid.axis(node(m, "{\"from\": 0.1, \"to\": 0.3, \"step\": 0.1}"), "x"));
        assertEquals(List.of("inf"), Grid.axis(node(m, "\"inf\""), "x"));
        UsageException e = assertThrows(UsageException.class,
                () -> Grid.axis(node(m, "{\"from\": 0, \"to\": 1, \"points\": 3, \"log\": true}"), "product.A"));
        assertTrue(e.getMessage().contains("product.A: a log range needs from > 0"), e.getMessage());
    }

    @Test
    void zipVariesAxesTogetherAndSpecListsConcatenate() throws Exception {
        String json = "[{\"zip\": {\"V\": [1, 2], \"N0\": [3, 4]}}, {\"points\": [{\"V\": 5, \"--N0\": 6}]}]";
        Grid g = Grid.fromSpec(new ObjectMapper().readTree(json), "g.json");
        assertEquals(List.of(Map.of("V", "1", "N0", "3"), Map.of("V", "2", "N0", "4"), Map.of("V", "5", "N0", "6")),
                g.points());
        UsageException e = assertThrows(UsageException.class, () -> Grid.fromSpec(
                new ObjectMapper().readTree("{\"zip\": {\"V\": [1, 2], \"N0\": [3]}}"), "g.json"));
        assertTrue(e.getMessage().contains("zip axes differ in length"), e.getMessage());
        e = assertThrows(UsageException.class, () -> Grid.fromSpec(
                new ObjectMapper().readTree("{\"prodcut\": {}}"), "g.json"));
        assertTrue(e.getMessage().contains("unknown key 'prodcut'"), e.getMessage());
    }

    @Test
    void readPicksTheFormatByExtensionAndRefusesAnEmptyGrid(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("g.yml"), "product: {V: [1, 2]}\n");
        assertEquals(2, Grid.read(yaml).points().size());
        Path csv = Files.writeString(dir.resolve("g.csv"), "V\n");
        UsageException e = assertThrows(UsageException.class, () -> Grid.read(csv));
        assertTrue(e.getMessage().contains("has no points"), e.getMessage());
        Path bad = Files.writeString(dir.resolve("g.json"), "{\"product\": ");
        e = assertThrows(UsageException.class, () -> Grid.read(bad));
        assertTrue(e.getMessage().startsWith("cannot parse --grid"), e.getMessage());
    }

    private static com.fasterxml.jackson.databind.JsonNode node(ObjectMapper m, String json) {
        try {
            return m.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
