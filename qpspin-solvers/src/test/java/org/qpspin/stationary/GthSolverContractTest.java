package org.qpspin.stationary;

/** The stationary-solver contract ({@link StationarySolverContract}) for {@code StationarySolvers.gth()}. */
class GthSolverContractTest extends StationarySolverContract {

    @Override
    StationarySolver solver() {
        return StationarySolvers.gth();
    }

    @Override
    String reportedName() {
        return "gth";
    }
}
