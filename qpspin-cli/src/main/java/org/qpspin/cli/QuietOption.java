package org.qpspin.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * {@code -q, --quiet} for the commands that report progress on stderr.
 *
 * <p>Use as {@code @Mixin QuietOption quiet;}; progress lines go through {@link #report} or {@link #progressTo}.
 */
public final class QuietOption {

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    /** Whether {@code -q} was given. */
    boolean isSet() {
        return quiet;
    }

    /** Prints "qpspin: line" on {@code err} and flushes it, unless {@code -q} was given. */
    void report(PrintWriter err, String line) {
        if (!quiet) {
            err.println("qpspin: " + line);
            err.flush();
        }
    }

    /** The progress sink for library calls that take one: {@link #report} on {@code err}, or null with {@code -q}. */
    Consumer<String> progressTo(PrintWriter err) {
        return quiet ? null : line -> report(err, line);
    }
}
