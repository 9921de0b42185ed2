package org.qpspin.stationary;

/** The stationary-solver contract ({@link StationarySolverContract}) for {@code StationarySolvers.core()}. */
class CoreSolverContractTest extends StationarySolverContract {

    @Override
    StationarySolver solver() {
        return StationarySolvers.core();
    }

    @Override
    String reportedName() {
        return "core";
    }
}
