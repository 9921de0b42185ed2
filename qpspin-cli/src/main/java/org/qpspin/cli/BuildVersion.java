package org.qpspin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The tool's version as the build stamped it ({@code version.properties}, filtered by Maven from the pom's
 * {@code project.version}): what {@code qpspin --version} prints and what every JSON output names.
 */
public final class BuildVersion implements IVersionProvider {

    private static final String VERSION = load();

    /**
     * {@return the version string, e.g. {@code 0.2.0}; never null (a missing resource is a broken build: it throws)}
     */
    public static String version() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"qpspin " + VERSION};
    }

    private static String load() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties missing from the qpspin jar (broken build)");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.isBlank() || v.contains("${")) {
                throw new IllegalStateException("version.properties not filtered by the build: " + v);
            }
            return v.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
