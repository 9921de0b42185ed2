package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;

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
     * As {@link #solve(Generator)}, starting from {@code previous} where the solver can (see
     * {@link #factorize(Generator, StationaryResult)}); the default ignores it.
     *
     * @param generator the truncated generator L
     * @param previous  a stationary result on another (usually smaller) truncation of the same rate model, or null
     * @return the stationary distribution, as {@link #solve(Generator)}
     * @throws IllegalArgumentException as {@link #solve(Generator)}
     */
    default StationaryResult solve(Generator generator, StationaryResult previous) {
        return solve(generator);
    }

    /**
     * As {@link #factorize(Generator)}, starting from {@code previous}, the stationary result of a smaller truncation
     * of the same chain (an automatic truncation's last attempt): an iterative solver starts from it, carried onto
     * this generator's states (saves iterations); a direct solver ignores it. The result is the same solve's, to its
     * reported accuracy.
     *
     * @param generator the truncated generator L
     * @param previous  a stationary result on another (usually smaller) truncation of the same rate model, or null
     * @return the factorization, as {@link #factorize(Generator)}
     * @throws IllegalArgumentException as {@link #factorize(Generator)}
     */
    default StationaryFactorization factorize(Generator generator, StationaryResult previous) {
        return factorize(generator);
    }

    /**
     * {@return the same solver stopping early, for the intermediate attempts of an automatic truncation, or null when
     * it has no cheaper way (the direct solvers: their answer is exact at no extra cost)} A screening solve only has
     * to tell whether an attempt's omitted flux is clearly above the tolerance and where to grow; its result is
     * flagged {@link StationaryResult#isScreening()} and {@link StationaryAnalysis} never returns it: an attempt
     * whose screening cost is within {@link StationaryAnalysis#SCREENING_MARGIN} of the tolerance is solved again in
     * full, and only a full solve can meet the tolerance (docs/validation.md, "Screening the intermediate
     * attempts"). The default: null.
     */
    default StationarySolver screening() {
        return null;
    }

    /**
     * Refuses, before the generator of {@code space} is assembled, a chain this solver cannot hold: the generator
     * ({@link MemoryEstimates#generatorBytes}) and the solver's own arrays, estimated from the space's size and
     * level widths alone ({@link MemoryEstimates}), against the heap still available. Where the estimate is a lower
     * estimate (lu's factors) a refusal is certain; a pass is not a promise (the solver's own check after assembly
     * still stands). The default checks nothing.
     *
     * @param rates the rate model whose chain will be assembled on {@code space}
     * @param space the truncated state space about to be assembled
     * @throws org.qpspin.linalg.InsufficientHeapException (an {@link IllegalArgumentException}) in one line, naming
     *                                                     the MiB needed and available, if it cannot fit
     * @throws IllegalArgumentException if the solver cannot handle the size at all (e.g. dense GTH beyond its limit)
     */
    default void requireFits(RateModel rates, StateSpace space) {
    }

    /**
     * {@return whether this solver reads the generator of {@code space} by rows only ({@link Generator#rows()}), so
     * that the caller should assemble it by {@link Generator#assembleRows} and never hold the CSC form (the
     * multigrid solver, and the automatic solver where it routes there); false by default}
     *
     * @param rates the rate model whose chain will be assembled on {@code space}
     * @param space the truncated state space about to be assembled
     */
    default boolean readsRows(RateModel rates, StateSpace space) {
        return false;
    }

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
