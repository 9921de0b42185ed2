package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;

/**
 * Solves L p = 0, Σ p = 1 for the stationary distribution of a generator.
 *
 * <p>Implementations are stateless and thread-safe; each call returns a {@link StationaryResult} carrying its
 * own diagnostics. Obtain them from {@link StationarySolvers}.
 */
public interface StationarySolver {

    /** {@return which solver this is} */
    SolverKind kind();

    /**
     * {@return short name reported in results: {@code gth}, {@code lu}, {@code levels}, … ({@link SolverKind#label()})}
     */
    default String name() {
        return kind().label();
    }

    /**
     * {@return the stationary distribution of {@code generator}}
     *
     * @param generator the truncated generator L
     * @throws IllegalArgumentException if the chain is reducible or the solver cannot handle its size
     */
    StationaryResult solve(Generator generator);

    /**
     * {@return the stationary distribution together with a factorization of L that can solve further systems
     * (see {@link StationaryFactorization})} Costs about as much as {@link #solve} and keeps the factors.
     *
     * @param generator the truncated generator L
     * @throws IllegalArgumentException as {@link #solve}
     */
    StationaryFactorization factorize(Generator generator);

    /**
     * This solver reporting the long phases of every solve to {@code listener} (the numeric factorization of
     * {@code lu}, the level eliminations of {@code levels}, the exact core of {@code core} and {@code auto}); the
     * results are the same, bit for bit, as without it. A solver without long phases (e.g. dense {@code gth},
     * ≤ 6000 states) returns itself.
     *
     * @param listener where to report ({@link ProgressListener#NONE}, the default, for nothing); called on the
     *                 solving threads, one call at a time
     * @return a solver of the same kind that reports to {@code listener}
     */
    default StationarySolver withProgress(ProgressListener listener) {
        return this;
    }
}
