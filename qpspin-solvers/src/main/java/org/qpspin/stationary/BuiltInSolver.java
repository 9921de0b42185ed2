package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;

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
}
