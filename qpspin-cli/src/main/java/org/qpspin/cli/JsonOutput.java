package org.qpspin.cli;

import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.qpspin.model.ModelParameters;

/**
 * The one place where qpspin's JSON is made (every command's {@code --json} and every sidecar file): the envelope,
 * the number rule and the units, as docs/output.md states them.
 *
 * <ul>
 *   <li>Envelope: every top-level object starts with {@code command}, {@code schemaVersion}
 *       ({@value #SCHEMA_VERSION}), {@code version} (the tool's, {@link BuildVersion#version()}) and {@code units}
 *       (the unit of every dimensional field name that occurs in the object, from {@link #UNITS}).</li>
 *   <li>Numbers (strict RFC 8259: no NaN or Infinity tokens): +∞ is written as the string {@code "inf"}, −∞ as
 *       {@code "-inf"}, an undefined value (NaN) as {@code null}; applied to the whole tree in {@link #write}, so a
 *       command just puts its doubles.</li>
 *   <li>Doubles are written in round-trip form (Java's shortest repr): reading them back gives the same bits, which
 *       is what makes {@code --params} re-runs exact.</li>
 * </ul>
 * An {@link IOException} while writing to a string can only be a bug, so it is unchecked.
 */
final class JsonOutput {

    /** The output schema's version (docs/output.md, docs/schema); raised when a name or meaning changes. */
    static final int SCHEMA_VERSION = 1;

    /** How +∞ is written (−∞ is {@code "-inf"}; NaN, an undefined value, is {@code null}). */
    static final String INFINITY = "inf";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The unit of every dimensional field name of the glossary (docs/output.md); a name means the same quantity,
     * in the same unit, wherever it occurs. Dimensionless names (counts, ratios, flags) are not listed.
     */
    static final Map<String, String> UNITS = units();

    private static Map<String, String> units() {
        Map<String, String> u = new LinkedHashMap<>();
        // model parameters and scales (docs/model.md: s and µm)
        u.put("A", "s^-1 um^-3");
        u.put("V", "um^3");
        u.put("gamma", "s^-1 um^3");
        u.put("gammaT", "s^-1 um^3");
        u.put("tauS", "s");
        u.put("Vc", "um^3");
        u.put("Ac", "s^-1 um^-3");
        u.put("c0", "um^-3");
        u.put("tF", "s");
        // times
        u.put("time", "s");
        u.put("times", "s");
        u.put("t", "s");
        u.put("dt", "s");
        u.put("burnIn", "s");
        u.put("simulatedTime", "s");
        u.put("correlationTime", "s");
        u.put("meanTime", "s");
        u.put("memoryTime", "s");
        u.put("seconds", "s");
        u.put("totalSeconds", "s");
        u.put("wallSeconds", "s");
        u.put("assemblySeconds", "s");
        u.put("stationarySeconds", "s");
        u.put("noiseSeconds", "s");
        u.put("spectrumSeconds", "s");
        u.put("arpackSeconds", "s");
        u.put("cpuSeconds", "s");
        u.put("matvecSeconds", "s");
        u.put("matvecCpuSeconds", "s");
        u.put("bestTotalSeconds", "s");
        // rates and fluxes
        u.put("rate", "s^-1");
        u.put("residual", "s^-1");
        u.put("omittedFlux", "s^-1");
        u.put("AV", "s^-1");
        u.put("realisedInjectionRate", "s^-1");
        u.put("eventsPerCpuSecond", "s^-1");
        u.put("eigenvalue1", "s^-1");
        u.put("eigenvalue2", "s^-1");
        u.put("eigenvalueImag", "s^-1");
        // frequencies and spectra (two-sided, docs/model.md)
        u.put("f", "Hz");
        u.put("omega", "rad/s");
        u.put("frequency", "rad/s");
        u.put("S", "1/Hz");
        u.put("sN0", "1/Hz");
        u.put("sN0OneSided", "1/Hz");
        u.put("sM0", "1/Hz");
        u.put("sM0OneSided", "1/Hz");
        u.put("sS0", "1/Hz");
        u.put("sS0OneSided", "1/Hz");
        u.put("sSpin", "1/Hz");
        u.put("sSpinPaper", "1/Hz");
        u.put("sPhi", "Phi0^2/Hz");
        u.put("sPhiPaper", "Phi0^2/Hz");
        u.put("sPhiOneSided", "Phi0^2/Hz");
        u.put("phi1", "Phi0");
        u.put("highFrequencyCoefficient", "s^-1");
        // memory
        u.put("peakHeapBytes", "bytes");
        u.put("maxHeapBytes", "bytes");
        u.put("residentHighWaterBytes", "bytes");
        return Map.copyOf(u);
    }

    private JsonOutput() {
    }

    /**
     * A new empty JSON object (the root of a command's output); {@link #write} puts the envelope in front (without
     * {@code command}: prefer {@link #object(String)}).
     */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new JSON object for the output of {@code qpspin command}: {@code "command"} first, envelope on write. */
    static ObjectNode object(String command) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("command", command);
        return root;
    }

    /** A number of qpspin's JSON that may be undefined: null (or absent) is NaN, else {@link #number(JsonNode, String)}. */
    static double number(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? Double.NaN : number(n, "a number");
    }

    /** A new empty JSON array (for a field; a top-level output is always an object). */
    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * Puts {@code "parameters": {A, V, gamma, gammaT, tauS}} into {@code root}, exactly the inputs
     * {@code --params} reads back (tauS infinite, i.e. no spin flips, is written "inf"), and returns that
     * object, so that a command may add {@code rateModel}. Derived values (N0, regime) belong in {@code meanField}.
     */
    static ObjectNode putParameters(ObjectNode root, ModelParameters p) {
        ObjectNode par = root.putObject("parameters");
        par.put("A", p.injectionRate());
        par.put("V", p.volume());
        par.put("gamma", p.singletRate());
        par.put("gammaT", p.tripletRate());
        par.put("tauS", p.spinFlipTime());
        return par;
    }

    /**
     * The capital letter that names an observable in field names: N for N, M for m, S for S (so that the noise of m
     * is {@code meanM, varM, sM0} beside {@code meanN, varN, sN0}); other observables keep their own name.
     */
    static String observableSuffix(String observable) {
        return observable.equals("m") ? "M" : observable;
    }

    /** {@code root} with its envelope, as indented strict JSON text (see the class comment). */
    static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(finish(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@link #write}'s text to {@code file} (a sidecar), creating its directory.
     *
     * @throws UsageException when the file cannot be written
     */
    static void writeFile(ObjectNode root, Path file) {
        String text = write(root) + "\n";
        AtomicOutput.write(file, "output file", stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The envelope in front of {@code root}'s fields, non-finite numbers replaced; {@code root} is left as it was. */
    static ObjectNode finish(ObjectNode root) {
        ObjectNode body = root.deepCopy();
        strictNumbers(body);
        ObjectNode out = MAPPER.createObjectNode();
        JsonNode command = body.remove("command");
        if (command != null) {
            out.set("command", command);
        }
        out.put("schemaVersion", SCHEMA_VERSION);
        out.put("version", BuildVersion.version());
        body.remove("schemaVersion");
        body.remove("version");
        body.remove("units");
        TreeSet<String> names = new TreeSet<>();
        fieldNames(body, names);
        ObjectNode units = out.putObject("units");
        for (String name : names) {
            String unit = UNITS.get(name);
            if (unit != null) {
                units.put(name, unit);
            }
        }
        out.setAll(body);
        return out;
    }

    /** The number rule: +∞ → "inf", −∞ → "-inf", NaN → null, everywhere in {@code node}. */
    private static void strictNumbers(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue())) {
                    e.setValue(nonFinite(v.doubleValue()));
                } else {
                    strictNumbers(v);
                }
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue())) {
                    a.set(i, nonFinite(v.doubleValue()));
                } else {
                    strictNumbers(v);
                }
            }
        }
    }

    private static JsonNode nonFinite(double v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (Double.isNaN(v)) {
            return f.nullNode();
        }
        return f.textNode(v > 0 ? INFINITY : "-" + INFINITY);
    }

    private static void fieldNames(JsonNode node, TreeSet<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                names.add(e.getKey());
                fieldNames(e.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(v -> fieldNames(v, names));
        }
    }

    /**
     * Reads a number written by this class: a JSON number, or "inf"/"-inf" (also "Infinity", the token older
     * outputs held).
     *
     * @throws IllegalArgumentException for anything else (null included)
     */
    static double number(JsonNode v, String what) {
        if (v != null && v.isNumber()) {
            return v.doubleValue();
        }
        if (v != null && v.isTextual()) {
            String s = v.asText().trim();
            if (s.equalsIgnoreCase(INFINITY) || s.equalsIgnoreCase("+" + INFINITY) || s.equals("Infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            if (s.equalsIgnoreCase("-" + INFINITY) || s.equals("-Infinity")) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        throw new IllegalArgumentException(what + " must be a number or \"inf\", got " + v);
    }
}
