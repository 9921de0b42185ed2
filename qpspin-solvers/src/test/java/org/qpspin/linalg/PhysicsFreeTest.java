package org.qpspin.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * org.qpspin.linalg is physics-free: no source file under it imports (or names by its full name) a package of the
 * model, the states, the rates, the generator or the solvers above it. Read from the sources (the tests run in the
 * module's directory).
 */
class PhysicsFreeTest {

    private static final Pattern ABOVE = Pattern.compile(
            "org\\.qpspin\\.(model|space|rates|meanfield|fokkerplanck|montecarlo|generator|ordering|stationary"
                    + "|truncation|noise)\\b");

    /** The files under {@code directory} that mention a package above linalg outside comments' prose. */
    private static List<Path> offenders(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readAllLines(f).stream()
                            .filter(line -> line.startsWith("import ") || !line.trim().startsWith("*"))
                            .anyMatch(line -> ABOVE.matcher(line).find());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void linalgImportsNothingFromTheModelOrTheSolvers() {
        Path linalg = Path.of("src/main/java/org/qpspin/linalg");
        assertTrue(Files.isDirectory(linalg), linalg.toAbsolutePath()::toString);
        assertEquals(List.of(), offenders(linalg));
    }

    @Test
    void theCheckSeesAnImportWhereThereIsOne() {
        // the stationary solvers import the generator: the same check must flag them
        assertFalse(offenders(Path.of("src/main/java/org/qpspin/stationary")).isEmpty());
    }
}
