package org.qpspin.stationary;

import java.util.List;
import java.util.Locale;

/** Factories for the stationary solvers (EJML style: static factories returning the interface). */
public final class StationarySolvers {

    private StationarySolvers() {
    }

    /** Dense GTH, the subtraction-free oracle for small chains (≤ 6000 states). */
    public static StationarySolver gth() {
        return new GthSolver();
    }

    /**
     * Chooses among the built-in solvers by the size and shape of the chain (see {@link AutoSolver}); results
     * report {@code auto→name}.
     */
    public static StationarySolver auto() {
        return new AutoSolver();
    }

    /** Names of the concrete solvers accepted by {@link #byName} (besides {@code auto}). */
    public static List<String> names() {
        return List.of("gth");
    }

    /**
     * The solver called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static StationarySolver byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "auto":
                return auto();
            case "gth":
                return gth();
            default:
                throw new IllegalArgumentException("unknown solver '" + name + "'; choose auto or one of " + names());
        }
    }
}
