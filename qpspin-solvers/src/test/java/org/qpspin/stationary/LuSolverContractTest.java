package org.qpspin.stationary;

/** The stationary-solver contract ({@link StationarySolverContract}) for {@code StationarySolvers.lu()}. */
class LuSolverContractTest extends StationarySolverContract {

    @Override
    StationarySolver solver() {
        return StationarySolvers.lu();
    }

    @Override
    String reportedName() {
        return "lu";
    }
}
