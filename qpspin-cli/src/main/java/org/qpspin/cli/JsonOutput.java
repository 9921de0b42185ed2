package org.qpspin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.qpspin.model.ModelParameters;

/**
 * The {@code --json} output every command shares: one indented Jackson mapper, the {@code "parameters"} object
 * and the final serialization (an {@link IOException} here can only be a bug, so it is unchecked).
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /** A new empty JSON object (the root of a command's output). */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty JSON array (the root of a command's output). */
    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * Puts {@code "parameters": {A, V, gamma, gammaT, tauS}} into {@code root} (tauS as a number; infinite for no
     * spin flips) and returns that object, so that a command may add its own entries.
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

    /** {@code root} as indented JSON text. */
    static String write(JsonNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
