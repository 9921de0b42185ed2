package org.qpspin.stationary;

/** The stationary-solver contract ({@link StationarySolverContract}) for {@code StationarySolvers.levels()}. */
class LevelSolverContractTest extends StationarySolverContract {

    @Override
    StationarySolver solver() {
        return StationarySolvers.levels();
    }

    @Override
    String reportedName() {
        return "levels";
    }
}
