package org.qpspin.stationary;

/** The stationary-solver contract ({@link StationarySolverContract}) for {@code StationarySolvers.auto()}. */
class AutoSolverContractTest extends StationarySolverContract {

    @Override
    StationarySolver solver() {
        return StationarySolvers.auto();
    }

    @Override
    String reportedName() {
        return "auto→";
    }
}
