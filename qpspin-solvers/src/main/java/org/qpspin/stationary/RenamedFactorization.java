package org.qpspin.stationary;

/** A factorization reported under another solver name (e.g. {@code auto→levels}); the solves are delegated. */
final class RenamedFactorization implements StationaryFactorization {

    private final StationaryFactorization factorization;
    private final StationaryResult stationary;

    RenamedFactorization(StationaryFactorization factorization, String solverName) {
        this.factorization = factorization;
        this.stationary = factorization.stationary().withSolver(solverName);
    }

    @Override
    public StationaryResult stationary() {
        return stationary;
    }

    @Override
    public void solveGroupInverse(double[] b, double[] x) {
        factorization.solveGroupInverse(b, x);
    }

    @Override
    public String solver() {
        return stationary.solver();
    }
}
