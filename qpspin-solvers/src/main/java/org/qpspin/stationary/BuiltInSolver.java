package org.qpspin.stationary;

import org.qpspin.generator.Generator;

/**
 * What the built-in solvers share: the name from their {@link SolverKind}, the stationary solve as the
 * factorization's result unless a solver has a cheaper path, and factorizations of this package, which another
 * solver of the package can report under its own name ({@link KeptFactorization#reportedAs}).
 */
abstract class BuiltInSolver implements StationarySolver {

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
