package org.qpspin.truncation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/** The automatic truncation's first rectangle: mMax covers the unpolarized ridge, so one attempt is enough. */
class TruncationPlannerTest {

    /** SR and TA clusters at N0 = 100 (the peer families' parameters), whose Poisson estimate alone was short. */
    static Stream<Arguments> polarized() {
        return Stream.of(
                Arguments.of("SR", ModelParameters.withMeanFieldN0(100, 1, 50, 0, 1)),
                Arguments.of("TA", ModelParameters.withMeanFieldN0(100, 1, 1, 4e-4, Double.POSITIVE_INFINITY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("polarized")
    void firstRectangleReachesHalfTheRidgeAndMeetsTheTolerance(String regime, ModelParameters p) {
        double tol = 1e-10;
        int nMax = TruncationPlanner.initialNMax(p, tol, Integer.MAX_VALUE);
        int mMax = TruncationPlanner.initialMMax(Prl2020RateModel.of(p), nMax, tol);
        int ridge = UnpolarizedRidge.reach(Prl2020RateModel.of(p), nMax, ProbableCore.EDGE_MASS);
        assertEquals(ridge / 2, mMax, regime + ": the ridge sets mMax here (the Poisson estimate gives 24)");
        StationaryResult r = StationarySolvers.levels().solve(
                Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle(nMax, mMax)));
        assertTrue(r.relativeOmittedFlux() <= tol, regime + ": cost " + r.relativeOmittedFlux());
        // the Poisson estimate alone (mMax = 24, as before the ridge) did not meet the tolerance
        StationaryResult narrower = StationarySolvers.levels().solve(
                Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle(nMax, 24)));
        assertTrue(narrower.relativeOmittedFlux() > tol, regime + ": mMax 24 cost " + narrower.relativeOmittedFlux());
    }
}
