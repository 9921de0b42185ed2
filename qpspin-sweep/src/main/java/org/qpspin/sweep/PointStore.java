package org.qpspin.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The sweep's output directory: {@code points/ID.json}, one record per finished point, written as it finishes
 * (to a hidden temporary name, then renamed: a killed sweep leaves only whole records and loses only the points
 * in flight), and the final files beside it. Any Hadoop file system URL works ({@code hdfs://}, {@code s3a://}
 * where the cluster has the connector); a plain path is a local one, made absolute here, and must then be on a
 * file system that the driver and every executor share (a cluster's home or scratch).
 *
 * <p>Serializable: a Spark task carries it and opens the file system where it runs.
 */
public final class PointStore implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String root;

    /** The store at {@code out} (a directory path or a file system URL). */
    public PointStore(String out) {
        boolean url = out.matches("[a-zA-Z][a-zA-Z0-9+.-]*:/.*") && !out.matches("[a-zA-Z]:[/\\\\].*");
        String r = url ? out : "file:" + new File(out).getAbsolutePath(); // Hadoop's Path quotes [ ], spaces, ...
        this.root = r.endsWith("/") && r.length() > "file:/".length() ? r.substring(0, r.length() - 1) : r;
    }

    /** The directory as a URL ({@code file:/...} for a local one). */
    public String root() {
        return root;
    }

    /** {@code name} inside the directory. */
    public Path path(String name) {
        return new Path(new Path(root), name);
    }

    /**
     * The file system of the directory, without .crc side files for what this class writes; opened once per JVM
     * and store (a new Hadoop Configuration parses its XML defaults again: tens of ms, which per point was most of
     * a small point's cost).
     */
    FileSystem fileSystem() {
        FileSystem f = fs;
        if (f == null) {
            try {
                f = new Path(root).getFileSystem(CONFIGURATION);
                f.setWriteChecksum(false);
                fs = f;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + root + ": " + e.getMessage(), e);
            }
        }
        return f;
    }

    private static final Configuration CONFIGURATION = new Configuration();

    private transient volatile FileSystem fs;

    /** The directory as a local path, or null when it is on another file system (hdfs://, s3a://, ...). */
    private java.nio.file.Path local() {
        return root.startsWith("file:") ? java.nio.file.Path.of(root.substring("file:".length())) : null;
    }

    /**
     * Writes the record of one finished point, atomically (temporary file, then rename). A local directory is
     * written with java.nio: Hadoop's local file system starts a chmod process per file created (measured: 40-60
     * ms per point, more than a 10^4-state solve).
     */
    public void save(JsonNode record) {
        String id = record.get("point").asText();
        java.nio.file.Path local = local();
        if (local != null) {
            java.nio.file.Path dir = local.resolve("points");
            java.nio.file.Path tmp = dir.resolve(".tmp-" + id + "-" + UUID.randomUUID() + ".json");
            try {
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.write(tmp, PointRunner.MAPPER.writeValueAsBytes(record));
                java.nio.file.Files.move(tmp, dir.resolve(id + ".json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + dir.resolve(id + ".json") + ": " + e.getMessage(), e);
            }
            return;
        }
        FileSystem fs = fileSystem();
        Path dir = path("points");
        Path tmp = new Path(dir, ".tmp-" + id + "-" + UUID.randomUUID() + ".json");
        Path done = new Path(dir, id + ".json");
        try {
            fs.mkdirs(dir);
            try (OutputStream o = fs.create(tmp, true)) {
                o.write(PointRunner.MAPPER.writeValueAsBytes(record));
            }
            if (!fs.rename(tmp, done)) {
                // a speculative or retried attempt of the same point got there first: the same record, keep it
                fs.delete(tmp, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + done + ": " + e.getMessage(), e);
        }
    }

    /** Every stored record, by point id (empty for a new directory). */
    public Map<String, JsonNode> load() {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        FileSystem fs = fileSystem();
        Path dir = path("points");
        try {
            if (!fs.exists(dir)) {
                return records;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                String name = s.getPath().getName();
                if (name.startsWith(".") || !name.endsWith(".json")) {
                    continue;
                }
                try (InputStream in = fs.open(s.getPath())) {
                    JsonNode r = PointRunner.MAPPER.readTree(in);
                    if (r != null && r.has("point")) {
                        records.put(r.get("point").asText(), r);
                    }
                } catch (IOException e) {
                    // a damaged record (a disk that filled up): the point is run again
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return records;
    }

    /** Writes {@code text} to {@code name} in the directory (replacing it), through a temporary file. */
    public void writeText(String name, String text) {
        FileSystem fs = fileSystem();
        Path target = path(name);
        Path tmp = path("." + name + ".tmp");
        try {
            fs.mkdirs(new Path(root));
            try (OutputStream o = fs.create(tmp, true)) {
                o.write(text.getBytes(StandardCharsets.UTF_8));
            }
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) {
                throw new IOException("rename failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
