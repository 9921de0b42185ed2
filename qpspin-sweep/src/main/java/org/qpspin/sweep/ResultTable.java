package org.qpspin.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The sweep's result table: one row per point with a record, in grid order. Columns: {@code point} (its id),
 * the grid's columns (the inputs, as typed), {@code error} (null when the point succeeded), {@code exit},
 * {@code pointSeconds} (wall time of the point), then the command's {@code --json} fields flattened: the same
 * names, nested objects joined with dots ({@code parameters.A}, {@code meanField.N0}); an array is one column
 * holding its JSON text ({@code truncation.attempts}). A field that has an input's name is prefixed
 * {@code result.}.
 *
 * <p>Column types: whole numbers in every row -> long; numbers (JSON's "NaN", "Infinity", "-Infinity" included)
 * -> double; true/false -> boolean; anything else -> string. A field missing from a row is null there.
 */
public final class ResultTable {

    /** The type of a column. */
    public enum Type { LONG, DOUBLE, BOOLEAN, STRING }

    /** A column: its name and type. */
    public record Column(String name, Type type) {
    }

    private final List<Column> columns;
    private final List<Object[]> rows;

    private ResultTable(List<Column> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /** The columns in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The rows: values in column order (Long, Double, Boolean, String or null). */
    public List<Object[]> rows() {
        return rows;
    }

    /** The table of {@code plan}'s points that have a record in {@code records} (by point id). */
    public static ResultTable of(SweepPlan plan, Map<String, JsonNode> records) {
        return of(plan, records, UnaryOperator.identity());
    }

    /**
     * As {@link #of(SweepPlan, Map)}, each point's output ({@code result}, the command's JSON) seen through
     * {@code view} first: e.g. the one cell of a one-cell regime map, whose fields then become the columns.
     */
    public static ResultTable of(SweepPlan plan, Map<String, JsonNode> records, UnaryOperator<JsonNode> view) {
        List<String> inputNames = plan.columns();
        List<GridPoint> present = new ArrayList<>();
        List<Map<String, JsonNode>> flat = new ArrayList<>();
        Map<String, Boolean> outputNames = new LinkedHashMap<>();
        for (GridPoint p : plan.points()) {
            JsonNode r = records.get(p.id());
            if (r == null) {
                continue;
            }
            present.add(p);
            Map<String, JsonNode> f = new LinkedHashMap<>();
            JsonNode result = r.get("result");
            if (result != null && !result.isNull()) {
                result = view.apply(result);
            }
            if (result != null && result.isObject()) {
                flatten("", result, f);
            } else if (result != null && !result.isNull()) {
                f.put("result", result);
            }
            Map<String, JsonNode> renamed = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : f.entrySet()) {
                String name = e.getKey();
                if (inputNames.contains(name) || List.of("point", "error", "exit", "pointSeconds").contains(name)) {
                    name = "result." + name;
                }
                renamed.put(name, e.getValue());
                outputNames.put(name, Boolean.TRUE);
            }
            flat.add(renamed);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("point", Type.STRING));
        for (String in : inputNames) {
            List<String> values = new ArrayList<>();
            for (GridPoint p : present) {
                values.add(p.inputs().get(in));
            }
            columns.add(new Column(in, inputType(values)));
        }
        columns.add(new Column("error", Type.STRING));
        columns.add(new Column("exit", Type.LONG));
        columns.add(new Column("pointSeconds", Type.DOUBLE));
        for (String out : outputNames.keySet()) {
            List<JsonNode> values = new ArrayList<>();
            for (Map<String, JsonNode> f : flat) {
                values.add(f.get(out));
            }
            columns.add(new Column(out, outputType(values)));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            GridPoint p = present.get(i);
            JsonNode r = records.get(p.id());
            Object[] row = new Object[columns.size()];
            int c = 0;
            row[c++] = p.id();
            for (String in : inputNames) {
                row[c] = inputValue(p.inputs().get(in), columns.get(c).type());
                c++;
            }
            row[c++] = PointRunner.error(r);
            row[c++] = r.path("exit").asLong();
            row[c++] = r.path("seconds").asDouble();
            for (String out : outputNames.keySet()) {
                row[c] = outputValue(flat.get(i).get(out), columns.get(c).type());
                c++;
            }
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }

    /** Puts the leaves of {@code node} into {@code into} under dotted names (arrays stay whole). */
    static void flatten(String prefix, JsonNode node, Map<String, JsonNode> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(name, e.getValue(), into);
            } else {
                into.put(name, e.getValue());
            }
        }
    }

    static Type inputType(List<String> values) {
        boolean longs = true;
        boolean doubles = true;
        boolean booleans = true;
        boolean any = false;
        for (String v : values) {
            if (v == null) {
                continue;
            }
            any = true;
            longs &= parseLong(v) != null;
            doubles &= parseDouble(v) != null;
            booleans &= v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
        }
        if (!any) {
            return Type.STRING;
        }
        return longs ? Type.LONG : doubles ? Type.DOUBLE : booleans ? Type.BOOLEAN : Type.STRING;
    }

    static Object inputValue(String v, Type type) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case LONG -> parseLong(v);
            case DOUBLE -> parseDouble(v);
            case BOOLEAN -> Boolean.parseBoolean(v.strip());
            case STRING -> v;
        };
    }

    static Type outputType(List<JsonNode> values) {
        boolean longs = true;
        boolean doubles = true;
        boolean booleans = true;
        boolean any = false;
        for (JsonNode v : values) {
            if (v == null || v.isNull()) {
                continue;
            }
            any = true;
            longs &= v.isIntegralNumber() && v.canConvertToLong();
            doubles &= v.isNumber() || (v.isTextual() && special(v.asText()) != null);
            booleans &= v.isBoolean();
        }
        if (!any) {
            return Type.STRING;
        }
        return longs ? Type.LONG : doubles ? Type.DOUBLE : booleans ? Type.BOOLEAN : Type.STRING;
    }

    static Object outputValue(JsonNode v, Type type) {
        if (v == null || v.isNull()) {
            return null;
        }
        return switch (type) {
            case LONG -> v.asLong();
            case DOUBLE -> v.isTextual() ? special(v.asText()) : (Object) v.asDouble();
            case BOOLEAN -> v.asBoolean();
            case STRING -> v.isTextual() ? v.asText() : v.toString();
        };
    }

    private static Double special(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A double as the CLI reads it: Java's syntax, and inf/infinity/nan in any case (tau-s takes 'inf'). */
    private static Double parseDouble(String s) {
        String t = s.strip();
        String l = t.toLowerCase(java.util.Locale.ROOT);
        switch (l) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        if (l.endsWith("d") || l.endsWith("f")) {
            return null; // Java's 1d/1f suffixes are not numbers in a grid
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The table as CSV: a header of the column names, doubles in round-trip form (Java's Double.toString:
     * NaN, Infinity), null as an empty cell, text quoted when it holds a comma, a quote or a line break.
     */
    public String toCsv() {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            s.append(c == 0 ? "" : ",").append(quote(columns.get(c).name()));
        }
        s.append('\n');
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    s.append(',');
                }
                if (row[c] != null) {
                    s.append(row[c] instanceof String t ? quote(t) : row[c].toString());
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String quote(String t) {
        if (t.indexOf(',') < 0 && t.indexOf('"') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0) {
            return t;
        }
        return '"' + t.replace("\"", "\"\"") + '"';
    }
}
