package org.qpspin.stationary;

/** The stationary-solver contract ({@link StationarySolverContract}) for {@code StationarySolvers.multigrid()}. */
class MultigridSolverContractTest extends StationarySolverContract {

    @Override
    StationarySolver solver() {
        return StationarySolvers.multigrid();
    }

    @Override
    String reportedName() {
        return "multigrid";
    }
}
