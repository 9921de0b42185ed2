package org.qpspin.stationary;

import java.util.Locale;

/**
 * Which stationary solver: the typed identity behind the short names on the command line ({@code --solver}) and
 * in results. A result names the solver that produced it as text, composed from these labels where one solver
 * hands the work to another ({@code auto→levels}, {@code core/lu[…]}, {@code core→levels (core refused: …)}).
 */
public enum SolverKind {
    /** Chooses among the others by the chain's size and shape ({@link AutoSolver}). */
    AUTO("auto"),
    /** Dense GTH, the oracle for small chains ({@link GthSolver}). */
    GTH("gth"),
    /** Block GTH over the levels N ({@link LevelSolver}). */
    LEVELS("levels"),
    /** Sparse multifrontal LU with GTH pivots ({@link LuSolver}). */
    LU("lu"),
    /** Exact on the probable core, Gauss–Seidel and GMRES on the rest ({@link CoreSolver}). */
    CORE("core"),
    /** Aggregation multigrid along constant total spin with GMRES, iterative ({@link MultigridSolver}). */
    MULTIGRID("multigrid");

    private final String label;

    SolverKind(String label) {
        this.label = label;
    }

    /** {@return the short name: {@code auto}, {@code gth}, {@code levels}, {@code lu}, {@code core} or {@code multigrid}} */
    public String label() {
        return label;
    }

    /**
     * {@return the kind called {@code name} (case-insensitive)}
     *
     * @param name a label ({@link #label()}), e.g. {@code lu}
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static SolverKind of(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (SolverKind kind : values()) {
            if (kind.label.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown solver '" + name + "'; choose auto or one of "
                + StationarySolvers.names());
    }
}
