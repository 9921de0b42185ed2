package org.qpspin.stationary;

/**
 * A factorization of this package together with its stationary result. The solver named in the result can be
 * changed once more by the solver that hands the factorization out ({@code auto→levels}, {@code core→lu (core
 * refused: …)}), before anyone else sees it; the factors are never copied for that.
 */
abstract class KeptFactorization implements StationaryFactorization {

    private StationaryResult stationary;

    /** Sets the stationary result (the factorization's own solve). */
    final void keep(StationaryResult result) {
        this.stationary = result;
    }

    /** This factorization, its result reported as computed by {@code solver}; for the handing-out solver only. */
    final KeptFactorization reportedAs(String solver) {
        stationary = stationary.withSolver(solver);
        return this;
    }

    @Override
    public final StationaryResult stationary() {
        return stationary;
    }

    @Override
    public final String solver() {
        return stationary.solver();
    }
}
