package org.qpspin.stationary;

import org.qpspin.generator.Generator;

/**
 * Solves L p = 0, Σ p = 1 for the stationary distribution of a generator.
 *
 * <p>Implementations are stateless and thread-safe; each call returns a {@link StationaryResult} carrying its
 * own diagnostics. Obtain them from {@link StationarySolvers}.
 */
public interface StationarySolver {

    /** Which solver this is. */
    SolverKind kind();

    /** Short name reported in results: {@code gth}, {@code lu}, {@code levels}, … ({@link SolverKind#label()}). */
    default String name() {
        return kind().label();
    }

    /**
     * The stationary distribution of {@code generator}.
     *
     * @throws IllegalArgumentException if the chain is reducible or the solver cannot handle its size
     */
    StationaryResult solve(Generator generator);

    /**
     * The stationary distribution together with a factorization of L that can solve further systems
     * (see {@link StationaryFactorization}). Costs about as much as {@link #solve} and keeps the factors.
     *
     * @throws IllegalArgumentException as {@link #solve}
     */
    StationaryFactorization factorize(Generator generator);
}
