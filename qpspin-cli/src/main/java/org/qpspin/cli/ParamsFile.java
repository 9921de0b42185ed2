package org.qpspin.cli;

import org.qpspin.rates.RateModels;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The model parameters of {@code --params FILE.json}: the {@code "parameters"} object of any qpspin output or
 * sidecar (docs/output.md), or that object alone. Keys: {@code A, V, gamma, gammaT, tauS} (numbers; tauS may be
 * {@code "inf"}) and {@code rateModel}; any other key is an error, so that a typo cannot silently fall back to a
 * default. Every key is optional: what the file lacks comes from the command line.
 *
 * <p>The numbers are read as written (round-trip doubles), so a re-run from an output gives the same parameters
 * bit for bit, hence the same results.
 *
 * @param injectionRate A in s⁻¹ µm⁻³, or null
 * @param volume V in µm³, or null
 * @param singletRate Γ in s⁻¹ µm³, or null
 * @param tripletRate Γ_t in s⁻¹ µm³, or null
 * @param spinFlipTime τ_s in s (+∞ for "inf"), or null
 * @param rateModel the rate model's name, or null
 */
record ParamsFile(Double injectionRate, Double volume, Double singletRate, Double tripletRate, Double spinFlipTime,
                  String rateModel) {

    /** The keys a parameters object may hold. */
    static final List<String> KEYS = List.of("A", "V", "gamma", "gammaT", "tauS", "rateModel");

    /** Whether the file gives any of Γ, Γ_t, τ_s (which a preset fixes). */
    boolean givesMaterial() {
        return singletRate != null || tripletRate != null || spinFlipTime != null;
    }

    /**
     * The checks every command makes before using the file: a preset fixes Γ, Γ_t, τ_s, so a file that gives them
     * too is a conflict; and only the prl2020 rate model runs here (until a --rate-model option exists).
     *
     * @param preset the {@code --preset} given, or null
     * @param file the file's name, for the message
     * @throws UsageException (one line) on a conflict
     */
    void requireCompatible(String preset, Path file) {
        if (preset != null && givesMaterial()) {
            throw new UsageException("--preset " + preset + " fixes gamma, gammaT and tauS, and --params " + file
                    + " gives them too: drop one");
        }
        if (rateModel != null && !RateModels.NAMES.contains(rateModel)) {
            throw new UsageException("--params " + file + ": unknown rateModel '" + rateModel + "'; known: "
                    + String.join(", ", RateModels.NAMES));
        }
    }

    /**
     * Reads {@code file}.
     *
     * @throws UsageException (one line, naming the file) when it is missing, not JSON, holds no parameters object,
     *                        an unknown key or a value that is not a number
     */
    static ParamsFile read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("--params " + file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new UsageException("--params " + file + ": not JSON (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (IOException e) {
            throw new UsageException("--params " + file + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UsageException("--params " + file + ": expected a JSON object with a \"parameters\" object");
        }
        JsonNode par = root.has("parameters") ? root.get("parameters") : root;
        if (!par.isObject()) {
            throw new UsageException("--params " + file + ": \"parameters\" is not an object");
        }
        for (Iterator<String> it = par.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new UsageException("--params " + file + ": unknown key '" + key + "' in the parameters; known: "
                        + String.join(", ", KEYS));
            }
        }
        JsonNode model = par.get("rateModel");
        if (model != null && !model.isTextual()) {
            throw new UsageException("--params " + file + ": rateModel must be a string, got " + model);
        }
        return new ParamsFile(number(par, "A", file), number(par, "V", file), number(par, "gamma", file),
                number(par, "gammaT", file), number(par, "tauS", file), model == null ? null : model.asText());
    }

    private static Double number(JsonNode par, String key, Path file) {
        JsonNode v = par.get(key);
        if (v == null) {
            return null;
        }
        try {
            return JsonOutput.number(v, key);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--params " + file + ": " + e.getMessage());
        }
    }
}
