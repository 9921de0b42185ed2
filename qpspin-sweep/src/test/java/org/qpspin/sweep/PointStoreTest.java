package org.qpspin.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory's records: whole files only, any local path (brackets, spaces), no side files. */
class PointStoreTest {

    @Test
    void recordsRoundTripInADirectoryWhoseNameNeedsQuoting(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("runs/local[2] a%b");
        PointStore store = new PointStore(out.toString());
        assertEquals("file:" + out, store.root());
        ObjectNode r = PointRunner.MAPPER.createObjectNode();
        r.put("point", "0123456789abcdef");
        r.put("exit", 0);
        store.save(r);
        Files.writeString(out.resolve("points/.tmp-0000-killed.json"), "{\"point\": \"00"); // a write cut short
        Map<String, com.fasterxml.jackson.databind.JsonNode> loaded = new PointStore(out.toString()).load();
        assertEquals(1, loaded.size());
        assertEquals(r, loaded.get("0123456789abcdef"));
        store.writeText("sweep.json", "{}\n");
        assertEquals("{}\n", Files.readString(out.resolve("sweep.json")));
        try (var files = Files.list(out.resolve("points"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".crc")));
        }
        assertEquals("hdfs://nn:8020/x", new PointStore("hdfs://nn:8020/x").root());
    }
}
