package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code --band}: the automatic truncation on m*(N) bands, from the command line. */
class BandOptionTest {

    private static final String[] SR = {"stationary", "--A", "2e4", "--V", "1", "--gamma", "100", "--gamma-t", "0",
        "--tau-s", "1", "-q", "--json"};

    @Test
    void bandMeetsTheToleranceWithFewerStatesThanTheRectangle() throws Exception {
        CliRun rectangle = new CliRun(SR);
        String[] withBand = java.util.Arrays.copyOf(SR, SR.length + 1);
        withBand[SR.length] = "--band";
        CliRun band = new CliRun(withBand);
        assertEquals(0, rectangle.exit, rectangle.err);
        assertEquals(0, band.exit, band.err);
        ObjectMapper json = new ObjectMapper();
        JsonNode r = json.readTree(rectangle.out);
        JsonNode b = json.readTree(band.out);
        assertTrue(b.get("relativeOmittedFlux").asDouble() <= 1e-10, band.out);
        assertTrue(b.get("states").asInt() < r.get("states").asInt(),
                () -> "band " + b.get("states") + " vs rectangle " + r.get("states"));
        assertTrue(b.get("truncation").get("band").asBoolean(), b.get("truncation").toString());
        assertTrue(!r.get("truncation").get("band").asBoolean(), r.get("truncation").toString());
    }

    @Test
    void bandWithAFixedTruncationIsBadInput() {
        CliRun r = new CliRun("stationary", "--A", "2e4", "--V", "1", "--gamma", "100", "--gamma-t", "0", "--tau-s",
                "1", "--n-max", "50", "--band");
        assertEquals(2, r.exit, r.err);
        assertTrue(r.err.startsWith("qpspin: --band is a kind of automatic truncation"), r.err);
    }
}
