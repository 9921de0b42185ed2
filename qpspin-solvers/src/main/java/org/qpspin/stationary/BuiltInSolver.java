package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;

/**
 * What the built-in solvers share: the name from their {@link SolverKind}, the stationary solve as the
 * factorization's result unless a solver has a cheaper path, and factorizations of this package, which another
 * solver of the package can report under its own name ({@link KeptFactorization#reportedAs}).
 */
abstract class BuiltInSolver implements StationarySolver {

    /** Where the long phases of each solve are reported ({@link ProgressListener#NONE} by default). */
    final ProgressListener progress;

    BuiltInSolver() {
        this(ProgressListener.NONE);
    }

    BuiltInSolver(ProgressListener progress) {
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    @Override
    public final String name() {
        return kind().label();
    }

    @Override
    public StationaryResult solve(Generator generator) {
        return factorize(generator).stationary();
    }

    @Override
    public abstract KeptFactorization factorize(Generator generator);

    /**
     * Heap this solver allocates on {@code space} besides the generator, estimated from the space's shape
     * ({@link MemoryEstimates}); 0 when it has no estimate (then {@link #requireFits} checks nothing).
     */
    long bytesFor(RateModel rates, StateSpace space) {
        return 0;
    }

    /** The generator's bytes in the form this solver has it assembled in (CSC unless it {@link #readsRows}). */
    long generatorBytes(StateSpace space) {
        return MemoryEstimates.generatorBytes(space.size());
    }

    /** What {@link #bytesFor} counts, for the refusal: e.g. {@code "the factors"}. */
    String bytesWhat() {
        return "its arrays";
    }

    @Override
    public void requireFits(RateModel rates, StateSpace space) {
        long own = bytesFor(rates, space);
        if (own <= 0) {
            return;
        }
        long needed = own + generatorBytes(space);
        HeapBudget.require(needed < own ? Long.MAX_VALUE : needed, name() + " solver",
                "(estimated before assembly, from the level widths) for the generator and " + bytesWhat() + " of "
                        + space.size() + " states",
                bytesAdvice());
    }

    /** What the user can do when {@link #requireFits} refuses. */
    String bytesAdvice() {
        return "raise the heap (QPSPIN_JAVA_OPTS=-Xmx...), truncate tighter (--tol), or use the iterative "
                + "--solver multigrid";
    }
}
