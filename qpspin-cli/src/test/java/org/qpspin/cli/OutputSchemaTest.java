package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One output schema: every command's {@code --json} and every sidecar file (CSV {@code .meta.json}, the
 * export-generator's {@code PREFIX.json}), on small inputs, against its JSON Schema in docs/schema (draft 2020-12,
 * validated by networknt's json-schema-validator), parsed as strict RFC 8259 JSON; every field name in the glossary
 * of docs/output.md; every CSV with exactly one header line that matches its sidecar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputSchemaTest {

    /** Where the schema files live (the module's directory is the tests' working directory). */
    static final Path SCHEMA_DIR = Path.of("..", "docs", "schema");
    static final Path GLOSSARY = Path.of("..", "docs", "output.md");
    static final String SCHEMA_BASE = "https://qpspin.github.io/schema/1/";

    private static final String[] MODEL = {"--A", "50", "--V", "1", "--gamma", "10", "--gamma-t", "0.5",
        "--tau-s", "0.2"};

    /** Strict: a NaN or Infinity token is a parse error (Jackson's default). */
    private static final ObjectMapper STRICT = new ObjectMapper();

    @TempDir
    static Path dir;

    private SchemaRegistry registry;
    /** Every JSON document produced, by a label naming the command line or file. */
    private final Map<String, JsonNode> documents = new LinkedHashMap<>();

    @BeforeAll
    void runEveryCommand() throws IOException {
        Map<String, String> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(SCHEMA_DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                schemas.put(SCHEMA_BASE + f.getFileName(), Files.readString(f));
            }
        }
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(schemas));

        json(args("stationary", "--json", "-q", "--csv", dir.resolve("st").toString()));
        json("stationary", "--A", "8000", "--V", "1", "--gamma", "100", "--gamma-t", "1", "--tau-s", "inf", "--json",
                "-q");
        json("stationary", "--preset", "aluminium", "--V", "0.001", "--N0", "20", "--n-max", "8", "--json", "-q");
        Path samples = dir.resolve("sim.csv");
        json(args("simulate", "--time", "20", "--dt", "0.01", "--replicas", "2", "--threads", "2", "--seed", "4",
                "--out", samples.toString(), "--histogram", dir.resolve("hist.csv").toString(), "--json", "-q"));
        json(args("noise", "--points", "8", "--csv", dir.resolve("spectrum.csv").toString(), "--json", "-q"));
        json(args("noise", "--observable", "m", "--eigenvalues", "0", "--points", "4", "--json", "-q"));
        json("flux-noise", "--preset", "aluminium", "--V", "0.001", "--N0", "20", "--json", "-q");
        // an iterative solve: the exact block's "iterative" diagnostics
        json("flux-noise", "--preset", "aluminium", "--V", "0.001", "--N0", "20", "--solver", "multigrid", "--json",
                "-q");
        json("flux-noise", "--json", "-q", "--max-states", "1000"); // the paper's example over a cap: out of reach
        json("fp-check", "--json");
        json("fp-convergence", "--n0", "3,4,5", "--zeta", "0.1", "--zetas", "0.3,0.2,0.1", "--fixed-n0", "4",
                "--json", "-q");
        json(args("transient", "--start", "0,0", "--times", "0.01,0.1,1", "--marginals", "--json", "-q"));
        json(args("first-passage", "--start", "0,0", "--target", "N>=5", "--json", "-q"));
        json("model-comparison", "--families", "TA,SR", "--N0", "10", "--points", "2", "--json", "-q");
        json("regime-map", "--v-range", "0.1:1", "--a-range", "0.1:10", "--exact-max-n", "30", "--json", "-q",
                "--csv", dir.resolve("map.csv").toString());
        json("validate", "--samples", samples.toString(), "--params", CsvFiles.sidecarOf(samples).toString(),
                "--json");
        Path untimed = dir.resolve("untimed.csv");
        Files.writeString(untimed, "N,m\n3,1\n4,1\n5,2\n3,0\n4,2\n2,1\n");
        CliRun v = new CliRun(args("validate", "--samples", untimed.toString(), "--json"));
        documents.put("validate (untimed)", parse(v.out, "validate (untimed)"));
        // simulate --histogram's own output: a histogram of dwell times, no time order (null tauIntSamples, window)
        json("validate", "--samples", dir.resolve("hist.csv").toString(), "--params",
                CsvFiles.sidecarOf(samples).toString(), "--json");
        CliRun g = new CliRun(args("export-generator", "--n-max", "12", "--out", dir.resolve("gen").toString(),
                "--solve"));
        assertEquals(0, g.exit, g.err);
        CliRun band = new CliRun(args("export-generator", "--n-max", "12", "--band", "1e-6", "--format", "none",
                "--out", dir.resolve("band").toString()));
        assertEquals(0, band.exit, band.err);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                documents.put(dir.relativize(f).toString(), parse(Files.readString(f), f.toString()));
            }
        }
    }

    private static String[] args(String command, String... extra) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of(MODEL));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    private void json(String... args) {
        CliRun r = new CliRun(args);
        assertEquals(0, r.exit, () -> String.join(" ", args) + ": " + r.err);
        String label = String.join(" ", args);
        documents.put(label, parse(r.out, label));
    }

    private static JsonNode parse(String text, String label) {
        try {
            return STRICT.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(label + ": not strict JSON: " + e.getMessage(), e);
        }
    }

    /** The validation errors of {@code doc} against the schema its {@code command} names. */
    private List<String> errors(JsonNode doc) {
        String command = doc.path("command").asText("(no command)");
        Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + command + ".schema.json"));
        return schema.validate(doc).stream().map(Error::toString).collect(Collectors.toList());
    }

    @Test
    void everyOutputValidatesAgainstItsSchema() {
        Map<String, List<String>> failures = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : documents.entrySet()) {
            List<String> errors = errors(e.getValue());
            if (!errors.isEmpty()) {
                failures.put(e.getKey(), errors);
            }
        }
        assertTrue(failures.isEmpty(), () -> "schema violations:\n" + failures.entrySet().stream()
                .map(f -> f.getKey() + "\n    " + String.join("\n    ", f.getValue()))
                .collect(Collectors.joining("\n")));
        assertTrue(documents.size() >= 20, "documents checked: " + documents.keySet());
    }

    @Test
    void theSchemaRejectsADriftedName() {
        JsonNode doc = documents.values().stream().filter(d -> d.path("command").asText().equals("simulate"))
                .findFirst().orElseThrow().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).set("varianceN",
                ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("varN"));
        List<String> errors = errors(doc);
        assertTrue(errors.stream().anyMatch(m -> m.contains("varN")), errors::toString);
        assertTrue(errors.stream().anyMatch(m -> m.contains("varianceN")), errors::toString);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).put("varN", "Infinity");
        assertTrue(errors(doc).stream().anyMatch(m -> m.contains("varN")), () -> errors(doc).toString());
    }

    @Test
    void everyTopLevelObjectCarriesTheEnvelope() {
        for (Map.Entry<String, JsonNode> e : documents.entrySet()) {
            JsonNode d = e.getValue();
            List<String> first = new ArrayList<>();
            d.fieldNames().forEachRemaining(first::add);
            assertEquals(List.of("command", "schemaVersion", "version", "units"), first.subList(0, 4), e.getKey());
            assertEquals(JsonOutput.SCHEMA_VERSION, d.get("schemaVersion").asInt(), e.getKey());
            assertEquals(BuildVersion.version(), d.get("version").asText(), e.getKey());
        }
    }

    @Test
    void everyCommandWithJsonOutputIsCovered() {
        Set<String> covered = documents.values().stream().map(d -> d.get("command").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> withJson = new TreeSet<>();
        for (Map.Entry<String, CommandLine> c : Main.commandLine().getSubcommands().entrySet()) {
            if (c.getValue().getCommandSpec().findOption("--json") != null) {
                withJson.add(c.getKey());
            }
        }
        withJson.add("export-generator"); // its JSON is the PREFIX.json sidecar
        assertTrue(covered.containsAll(withJson), "no schema test for " + withJson + " minus " + covered);
        Set<String> schemaFiles = new TreeSet<>();
        try (Stream<Path> files = Files.list(SCHEMA_DIR)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).forEach(schemaFiles::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schemaFiles.remove("common");
        assertEquals(schemaFiles, covered, "schema files vs commands run");
    }

    @Test
    void theSchemaUnitsAreTheGlossaryUnitsOfJsonOutput() throws IOException {
        JsonNode units = STRICT.readTree(SCHEMA_DIR.resolve("common.schema.json").toFile())
                .at("/$defs/units/properties");
        Map<String, String> schema = new TreeMap<>();
        units.fields().forEachRemaining(e -> schema.put(e.getKey(), e.getValue().get("const").asText()));
        assertEquals(new TreeMap<>(JsonOutput.UNITS), schema);
    }

    @Test
    void everyFieldNameIsInTheGlossary() throws IOException {
        String glossary = Files.readString(GLOSSARY);
        Set<String> missing = new TreeSet<>();
        for (JsonNode d : documents.values()) {
            collectNames(d, missing);
        }
        missing.removeIf(name -> glossary.contains("`" + name + "`"));
        assertTrue(missing.isEmpty(), "field names missing from docs/output.md: " + missing);
        for (Map.Entry<String, String> u : JsonOutput.UNITS.entrySet()) {
            assertTrue(glossary.contains("`" + u.getKey() + "`"), "unit name " + u.getKey() + " not in the glossary");
        }
    }

    private static void collectNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                names.add(e.getKey());
                collectNames(e.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(v -> collectNames(v, names));
        }
    }

    @Test
    void everyCsvHasOneHeaderLineMatchingItsSidecar() throws IOException {
        List<Path> csvs;
        try (Stream<Path> files = Files.walk(dir)) {
            csvs = files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().equals("untimed.csv"))
                    .sorted().toList();
        }
        assertEquals(6, csvs.size(), csvs::toString); // pN, pNm, sim, hist, spectrum, map
        for (Path csv : csvs) {
            List<String> lines = Files.readAllLines(csv);
            JsonNode meta = STRICT.readTree(CsvFiles.sidecarOf(csv).toFile());
            assertEquals(meta.get("header").asText(), lines.get(0), csv.toString());
            List<String> columns = new ArrayList<>();
            meta.get("columns").fieldNames().forEachRemaining(columns::add);
            assertEquals(String.join(",", columns), lines.get(0), csv.toString());
            assertEquals(csv.getFileName().toString(), meta.get("csv").asText());
            int fields = columns.size();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                assertFalse(line.startsWith("#"), csv + " line " + (i + 1));
                assertEquals(fields, line.split(",", -1).length, csv + " line " + (i + 1) + ": " + line);
            }
            assertTrue(lines.size() > 1, csv + " has no rows");
        }
    }
}
