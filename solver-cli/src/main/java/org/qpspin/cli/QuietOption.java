package org.qpspin.cli;

import picocli.CommandLine.Option;

/**
 * {@code -q, --quiet} for the commands that report progress on stderr.
 *
 * <p>Use as {@code @Mixin QuietOption quiet;} and test {@link #isSet()}.
 */
public final class QuietOption {

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    /** Whether {@code -q} was given. */
    boolean isSet() {
        return quiet;
    }
}
