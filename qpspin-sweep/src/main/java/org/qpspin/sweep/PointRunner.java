package org.qpspin.sweep;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.qpspin.cli.Main;
import picocli.CommandLine;

/**
 * Runs one point in-process, exactly as {@code qpspin ARGS} would ({@link Main#commandLine()} and
 * {@link Main#execute}, stdout and stderr into strings), and makes its record: the inputs, the exit code, the
 * wall time, and either the command's {@code --json} object ({@code result}) or the error ({@code error}: the
 * command's one-line message, or the exception). Never throws for a failing point: one bad point never stops a
 * sweep.
 */
public final class PointRunner {

    /** Reads the command's JSON, whose NaN and infinities Jackson may write as bare tokens. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private PointRunner() {
    }

    /** The record of running {@code point} (see the class comment). */
    public static ObjectNode run(GridPoint point) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("point", point.id());
        ObjectNode inputs = record.putObject("inputs");
        point.inputs().forEach(inputs::put);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int exit;
        String error = null;
        try {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            exit = Main.execute(cl, point.args().toArray(String[]::new));
            if (exit != 0) {
                error = errorLine(err.toString(), exit);
            }
        } catch (Throwable t) { // a point's failure, whatever it is, is that point's record
            exit = 1;
            error = "qpspin: internal error: " + t;
        }
        record.put("seconds", (System.nanoTime() - start) * 1e-9);
        record.put("exit", exit);
        if (error == null) {
            try {
                record.set("result", MAPPER.readTree(out.toString()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                error = "qpspin sweep: the command's output is not JSON: " + e.getOriginalMessage();
            }
        }
        if (error != null) {
            record.put("error", error);
        }
        return record;
    }

    /** The command's error message: its first "qpspin: ..." line on stderr (or a note that it gave none). */
    static String errorLine(String stderr, int exit) {
        for (String line : stderr.split("\r?\n")) {
            if (line.startsWith("qpspin: ") && !line.startsWith("qpspin: solving") && !line.isBlank()) {
                return line;
            }
        }
        String[] lines = stderr.strip().split("\r?\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "exit code " + exit + " with no message" : last;
    }

    /** The error of a record, or null if the point succeeded. */
    static String error(JsonNode record) {
        JsonNode e = record.get("error");
        return e == null || e.isNull() ? null : e.asText();
    }
}
