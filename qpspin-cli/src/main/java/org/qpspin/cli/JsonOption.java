package org.qpspin.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json} for the commands that print a summary: one JSON object on stdout instead.
 *
 * <p>Use as {@code @Mixin JsonOption json;} and test {@link #isSet()}.
 */
public final class JsonOption {

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    /** Whether {@code --json} was given. */
    boolean isSet() {
        return json;
    }
}
