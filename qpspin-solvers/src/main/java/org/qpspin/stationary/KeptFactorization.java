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

    /**
     * x ← x − (1ᵀx) p, p the stationary vector (1ᵀp = 1): the group-inverse normalization 1ᵀx = 0 (up to rounding)
     * of a solution of L x = b that is defined only up to a multiple of p.
     */
    final void removeStationaryComponent(double[] x) {
        double sum = 0.0;
        for (double v : x) {
            sum += v;
        }
        double[] p = stationary.probabilitiesView();
        for (int i = 0; i < x.length; i++) {
            x[i] -= sum * p[i];
        }
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
