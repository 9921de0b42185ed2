package org.qpspin.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qpspin.cli.UsageException;

/**
 * The points of a sweep as read from a grid file: each point a map from option name (without dashes, e.g.
 * {@code V}, {@code gamma-t}, {@code rate-model}) to the value as text, in the file's column order.
 *
 * <p>Two formats:
 * <ul>
 * <li><b>CSV</b> ({@code .csv}): a header of option names, one point per row; an empty cell leaves the option out
 * for that point; lines starting with {@code #} are comments; values may be double-quoted.</li>
 * <li><b>Grid spec</b> ({@code .json}, {@code .yaml}, {@code .yml}): one spec object or a list of them
 * (concatenated). A spec has any of {@code fixed} (option -> one value, the same for every point), {@code zip}
 * (option -> axis; all axes of the same length, varied together), {@code product} (option -> axis; every
 * combination, the last option varying fastest) and {@code points} (a list of option -> value objects). Its points
 * are points x zip x product, each with the fixed values (fixed columns first). An axis is a value, a list of values, or a range
 * {@code {from: a, to: b, points: n}} (linear, both ends included), {@code {from: a, to: b, points: n, log: true}}
 * (geometric) or {@code {from: a, to: b, step: s}} (linear; integers stay integers).</li>
 * </ul>
 * Errors in the file are {@link UsageException}s naming the file and the place.
 */
public final class Grid {

    private final List<Map<String, String>> points;

    private Grid(List<Map<String, String>> points) {
        this.points = List.copyOf(points);
    }

    /** A grid of the given points (option name -> value, in column order), as a grid file would give them. */
    public static Grid of(List<Map<String, String>> points) {
        return new Grid(points);
    }

    /** The points, in file order. */
    public List<Map<String, String>> points() {
        return points;
    }

    /** The option names in order of first appearance. */
    public List<String> columns() {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Map<String, String> p : points) {
            for (String k : p.keySet()) {
                seen.put(k, Boolean.TRUE);
            }
        }
        return List.copyOf(seen.keySet());
    }

    /** Reads {@code file}: CSV unless its name ends in .json, .yaml or .yml. */
    public static Grid read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read --grid " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Grid g;
        if (name.endsWith(".json")) {
            g = fromSpec(parse(new ObjectMapper(), text, file), file.toString());
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            g = fromSpec(parse(new ObjectMapper(new YAMLFactory()), text, file), file.toString());
        } else {
            g = fromCsv(text, file.toString());
        }
        if (g.points.isEmpty()) {
            throw new UsageException("--grid " + file + " has no points");
        }
        return g;
    }

    private static JsonNode parse(ObjectMapper mapper, String text, Path file) {
        try {
            return mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UsageException("cannot parse --grid " + file + ": " + e.getOriginalMessage());
        }
    }

    /** The points of a CSV text (see the class comment); {@code source} names it in errors. */
    public static Grid fromCsv(String text, String source) {
        List<Map<String, String>> points = new ArrayList<>();
        List<String> header = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = splitCsvLine(line, source, i + 1);
            if (header == null) {
                header = new ArrayList<>();
                for (String c : cells) {
                    String name = optionName(c);
                    if (name.isEmpty()) {
                        throw new UsageException(source + ": line " + (i + 1) + ": empty column name");
                    }
                    if (header.contains(name)) {
                        throw new UsageException(source + ": line " + (i + 1) + ": column '" + name + "' twice");
                    }
                    header.add(name);
                }
                continue;
            }
            if (cells.size() != header.size()) {
                throw new UsageException(source + ": line " + (i + 1) + ": " + cells.size() + " cells, the header has "
                        + header.size());
            }
            Map<String, String> p = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                String v = cells.get(c).strip();
                if (!v.isEmpty()) {
                    p.put(header.get(c), v);
                }
            }
            points.add(p);
        }
        return new Grid(points);
    }

    /** A column name as an option name: surrounding blanks and leading dashes dropped ({@code --V} is {@code V}). */
    static String optionName(String column) {
        String s = column.strip();
        while (s.startsWith("-")) {
            s = s.substring(1);
        }
        return s;
    }

    private static List<String> splitCsvLine(String line, String source, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new UsageException(source + ": line " + lineNumber + ": unclosed quote");
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The points of a parsed grid spec (see the class comment); {@code source} names it in errors. */
    public static Grid fromSpec(JsonNode root, String source) {
        List<Map<String, String>> points = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new UsageException(source + ": empty grid spec");
        }
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                points.addAll(spec(root.get(i), source + ": spec " + (i + 1)));
            }
        } else {
            points.addAll(spec(root, source));
        }
        return new Grid(points);
    }

    private static List<Map<String, String>> spec(JsonNode spec, String where) {
        if (!spec.isObject()) {
            throw new UsageException(where + ": a grid spec is an object with fixed, zip, product or points");
        }
        for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!List.of("fixed", "zip", "product", "points").contains(key)) {
                throw new UsageException(where + ": unknown key '" + key + "' (known: fixed, zip, product, points)");
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(new LinkedHashMap<>());
        if (spec.has("points")) {
            JsonNode list = spec.get("points");
            if (!list.isArray()) {
                throw new UsageException(where + ": points must be a list of objects");
            }
            rows.clear();
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = list.get(i);
                if (!p.isObject()) {
                    throw new UsageException(where + ": points[" + i + "] is not an object");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    row.put(optionName(e.getKey()), scalar(e.getValue(), where + ": points[" + i + "]." + e.getKey()));
                }
                rows.add(row);
            }
        }
        if (spec.has("zip")) {
            Map<String, List<String>> axes = axes(spec.get("zip"), where + ": zip");
            int n = -1;
            for (Map.Entry<String, List<String>> e : axes.entrySet()) {
                if (n >= 0 && e.getValue().size() != n) {
                    throw new UsageException(where + ": zip axes differ in length (" + n + " and " + e.getValue().size()
                            + " for " + e.getKey() + ")");
                }
                n = e.getValue().size();
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> row : rows) {
                for (int i = 0; i < Math.max(n, 0); i++) {
                    Map<String, String> r = new LinkedHashMap<>(row);
                    for (Map.Entry<String, List<String>> e : axes.entrySet()) {
                        r.put(e.getKey(), e.getValue().get(i));
                    }
                    next.add(r);
                }
            }
            rows = next;
        }
        if (spec.has("product")) {
            for (Map.Entry<String, List<String>> axis : axes(spec.get("product"), where + ": product").entrySet()) {
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> row : rows) {
                    for (String v : axis.getValue()) {
                        Map<String, String> r = new LinkedHashMap<>(row);
                        r.put(axis.getKey(), v);
                        next.add(r);
                    }
                }
                rows = next;
            }
        }
        if (spec.has("fixed")) {
            JsonNode fixed = spec.get("fixed");
            if (!fixed.isObject()) {
                throw new UsageException(where + ": fixed must be an object of option: value");
            }
            Map<String, String> base = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = fixed.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                base.put(optionName(e.getKey()), scalar(e.getValue(), where + ": fixed." + e.getKey()));
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> row : rows) {
                Map<String, String> r = new LinkedHashMap<>(base); // fixed columns first; a varied value wins
                r.putAll(row);
                next.add(r);
            }
            rows = next;
        }
        return rows;
    }

    private static Map<String, List<String>> axes(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new UsageException(where + " must be an object of option: axis");
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            axes.put(optionName(e.getKey()), axis(e.getValue(), where + "." + e.getKey()));
        }
        return axes;
    }

    /** The values of one axis: a value, a list of values or a range (see the class comment). */
    static List<String> axis(JsonNode node, String where) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                values.add(scalar(node.get(i), where + "[" + i + "]"));
            }
            return values;
        }
        if (!node.isObject()) {
            values.add(scalar(node, where));
            return values;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!List.of("from", "to", "points", "step", "log").contains(key)) {
                throw new UsageException(where + ": unknown range key '" + key + "' (known: from, to, points, step, log)");
            }
        }
        double from = number(node, "from", where);
        double to = number(node, "to", where);
        boolean log = node.path("log").asBoolean(false);
        if (node.has("step") == node.has("points")) {
            throw new UsageException(where + ": a range needs either points or step");
        }
        if (node.has("step")) {
            if (log) {
                throw new UsageException(where + ": a log range takes points, not step");
            }
            double step = number(node, "step", where);
            if (!(step != 0.0) || Math.signum(to - from) * Math.signum(step) < 0) {
                throw new UsageException(where + ": step " + step + " does not lead from " + from + " to " + to);
            }
            long n = Math.round(Math.floor((to - from) / step + 1e-9)) + 1;
            if (n > 10_000_000) {
                throw new UsageException(where + ": " + n + " values");
            }
            boolean integral = isInteger(from) && isInteger(step);
            for (long i = 0; i < n; i++) {
                values.add(format(from + i * step, integral));
            }
            return values;
        }
        JsonNode pn = node.get("points");
        if (!pn.canConvertToInt() || !pn.isIntegralNumber() || pn.asInt() < 1) {
            throw new UsageException(where + ": points must be a whole number >= 1, got " + pn);
        }
        int n = pn.asInt();
        if (log && !(from > 0 && to > 0)) {
            throw new UsageException(where + ": a log range needs from > 0 and to > 0");
        }
        boolean integral = !log && isInteger(from) && isInteger(to) && (n == 1 || isInteger((to - from) / (n - 1)));
        for (int i = 0; i < n; i++) {
            double v;
            if (i == 0) {
                v = from;
            } else if (i == n - 1) {
                v = to;
            } else if (log) {
                v = from * Math.pow(to / from, (double) i / (n - 1));
            } else {
                v = from + (to - from) * i / (n - 1);
            }
            values.add(format(v, integral));
        }
        return values;
    }

    private static double number(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new UsageException(where + ": range needs a finite number '" + key + "'");
        }
        return v.asDouble();
    }

    private static boolean isInteger(double v) {
        return Math.rint(v) == v && Math.abs(v) < 1e15;
    }

    /** A value as option text: integers without a decimal point when the axis is integral, else round-trip. */
    private static String format(double v, boolean integral) {
        return integral ? Long.toString(Math.round(v)) : Double.toString(v);
    }

    private static String scalar(JsonNode v, String where) {
        if (v.isValueNode() && !v.isNull()) {
            return v.asText();
        }
        throw new UsageException(where + ": expected one value, got " + v);
    }
}
