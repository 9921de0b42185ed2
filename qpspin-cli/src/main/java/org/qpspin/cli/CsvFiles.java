package org.qpspin.cli;

import java.util.List;
import java.io.OutputStreamWriter;
import java.io.BufferedWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV files qpspin writes, in the one layout docs/output.md and docs/python.md describe: exactly one header
 * line naming the columns (the glossary's names), then one row per line, doubles in round-trip form, no comment
 * lines; everything else (parameters, settings, units, the command's whole JSON) goes to a JSON sidecar
 * {@code FILE.meta.json} beside {@code FILE.csv} ({@link #sidecarOf}). So {@code numpy.genfromtxt(f,
 * delimiter=",", names=True)} and {@code pandas.read_csv(f)} read every CSV in one line.
 */
final class CsvFiles {

    /** What goes into the file after the header. */
    interface Rows {
        void write(Writer w) throws IOException;
    }

    private CsvFiles() {
    }

    /** Column name → meaning, in the order given: {@code columns("N", "cluster size", "m", "flipped spins")}. */
    static Map<String, String> columns(String... nameAndMeaning) {
        Map<String, String> c = new LinkedHashMap<>();
        for (int i = 0; i < nameAndMeaning.length; i += 2) {
            c.put(nameAndMeaning[i], nameAndMeaning[i + 1]);
        }
        return Collections.unmodifiableMap(c);
    }

    /** The sidecar of {@code csv}: {@code x.csv} → {@code x.meta.json} (another name → name + {@code .meta.json}). */
    static Path sidecarOf(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(stem + ".meta.json");
    }

    /**
     * Writes {@code csv}: the header (the keys of {@code columns}, in order, comma-separated), then {@code rows};
     * and its sidecar: {@code json} (a command's output, left unchanged) with {@code "csv"} (the file's name),
     * {@code "header"} and {@code "columns"} (name → meaning; units in the envelope's {@code units}).
     *
     * @return the files written (the CSV and its sidecar)
     * @throws UsageException when a file cannot be written (then neither is)
     */
    static List<Path> write(Path csv, Map<String, String> columns, Rows rows, ObjectNode json) {
        String header = String.join(",", columns.keySet());
        ObjectNode meta = json.deepCopy();
        meta.put("csv", csv.getFileName().toString());
        meta.put("header", header);
        ObjectNode c = meta.putObject("columns");
        columns.forEach(c::put);
        // both files whole or neither (AtomicOutput: temporary siblings, then renames)
        Map<Path, AtomicOutput.Content> files = new LinkedHashMap<>();
        files.put(csv, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.write(header);
            w.write('\n');
            rows.write(w);
            w.flush();
        });
        files.put(sidecarOf(csv), stream -> stream.write((JsonOutput.write(meta) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return AtomicOutput.writeAll(files, "output file");
    }
}
