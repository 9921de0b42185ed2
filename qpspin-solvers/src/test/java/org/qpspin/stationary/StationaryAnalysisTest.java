package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.model.Aluminium;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Regime;
import org.qpspin.truncation.Truncation;
import org.qpspin.truncation.TruncationAttempt;
import org.qpspin.truncation.TruncationException;

/** The truncation entry point: automatic truncation meets its tolerance, fixed ones report, errors are loud. */
class StationaryAnalysisTest {

    static Stream<Arguments> regimes() {
        return Stream.of(
                Arguments.of("SR", ModelParameters.withMeanFieldN0(20, 1.0, 100.0, 0.0, 1.0)),
                Arguments.of("TA", ModelParameters.withMeanFieldN0(20, 1.0, 100.0, 1.0, Double.POSITIVE_INFINITY)),
                Arguments.of("crossover", ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2)),
                Arguments.of("unpolarized", ModelParameters.withMeanFieldN0(20, 1.0, 1.0, 0.1, 10.0)),
                Arguments.of("no singlet channel", ModelParameters.withMeanFieldN0(15, 1.0, 0.0, 1.0, 2.0)),
                Arguments.of("aluminium", Aluminium.withMeanFieldN0(30, 0.001)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regimes")
    void automaticTruncationMeetsItsTolerance(String label, ModelParameters p) {
        for (double tol : new double[] {1e-6, Truncation.DEFAULT_TOLERANCE}) {
            StationaryAnalysis a = StationaryAnalysis.solve(p, Truncation.automatic(tol), StationarySolvers.auto());
            StationaryResult r = a.result();
            assertTrue(r.relativeOmittedFlux() <= tol, () -> label + ": cost " + r.relativeOmittedFlux());
            assertTrue(a.withinTolerance());
            TruncationAttempt last = a.attempts().get(a.attempts().size() - 1);
            assertEquals(r.maxN(), last.nMax());
            assertEquals(r.maxM(), last.mMax());
            assertEquals(r.states(), last.states());
            assertEquals(r.relativeOmittedFlux(), last.relativeOmittedFlux());
            // every earlier attempt failed the tolerance (otherwise the loop would have stopped there)
            for (int i = 0; i + 1 < a.attempts().size(); i++) {
                assertTrue(a.attempts().get(i).relativeOmittedFlux() > tol);
            }
            assertTrue(r.relativeResidual() < 1e-12, () -> label + ": residual " + r.relativeResidual());
            assertTrue(r.solver().startsWith("auto→"), r.solver());
        }
    }

    @Test
    void unpolarizedRegimeIsNotTruncatedInM() {
        ModelParameters p = ModelParameters.withMeanFieldN0(20, 1.0, 1.0, 0.1, 10.0);
        assertEquals(Regime.UNPOLARIZED, Regime.classify(p));
        StationaryResult r = StationaryAnalysis.solve(p).result();
        assertEquals(r.maxN() / 2, r.maxM());
        assertEquals(0.0, r.outerColumnMass());
    }

    @Test
    void levelCostIsTheOuterLevelMass() {
        // every injection out of level Nmax is dropped, at total rate AV: that part of the cost is exactly P(Nmax)
        ModelParameters p = ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2);
        StationaryResult r = StationaryAnalysis.solve(p, Truncation.fixed(8), StationarySolvers.gth()).result();
        double[] pn = r.marginalN();
        assertEquals(pn[8], r.outerLevelMass(), 1e-15);
        assertEquals(pn[8], r.relativeOmittedFlux(), 1e-14 * pn[8]); // no m truncation: the level is all of it
    }

    @Test
    void fixedTruncationReportsItsCostAndFailsOnlyOnRequest() {
        ModelParameters p = ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2);
        StationaryAnalysis a = StationaryAnalysis.solve(p, Truncation.fixed(8, 2), StationarySolvers.gth());
        StationaryResult r = a.result();
        assertEquals(8, r.maxN());
        assertEquals(2, r.maxM());
        assertEquals(1, a.attempts().size());
        assertTrue(r.relativeOmittedFlux() > 1e-3, () -> "cost " + r.relativeOmittedFlux());
        assertTrue(r.outerColumnMass() > 0.0);
        assertFalse(Truncation.fixed(8, 2).isChecked());

        TruncationException e = assertThrows(TruncationException.class, () -> StationaryAnalysis.solve(p,
                Truncation.fixed(8, 2).failIfAbove(1e-6), StationarySolvers.gth()));
        assertTrue(e.getMessage().contains("exceeds the tolerance"), e.getMessage());
        assertEquals(1, e.attempts().size());
        assertEquals(r.relativeOmittedFlux(), e.attempts().get(0).relativeOmittedFlux());

        // generous enough: no error
        StationaryAnalysis ok = StationaryAnalysis.solve(p, Truncation.fixed(40).failIfAbove(1e-8),
                StationarySolvers.gth());
        assertTrue(ok.withinTolerance());
    }

    @Test
    void stateCapIsAnErrorNotASilentAnswer() {
        ModelParameters p = ModelParameters.withMeanFieldN0(20, 1.0, 100.0, 0.0, 1.0);
        TruncationException e = assertThrows(TruncationException.class, () -> StationaryAnalysis.solve(p,
                Truncation.automatic().withMaxStates(200), StationarySolvers.gth()));
        assertTrue(e.getMessage().contains("more than 200 states"), e.getMessage());
    }

    @Test
    void growthLimitIsAnErrorNotASilentAnswer() {
        // start far too small on purpose: a huge tolerance would pass, a tiny one cannot with no growth allowed
        ModelParameters p = ModelParameters.withMeanFieldN0(20, 1.0, 100.0, 0.0, 1.0);
        StationaryAnalysis first = StationaryAnalysis.solve(p, Truncation.automatic(), StationarySolvers.gth());
        double firstCost = first.attempts().get(0).relativeOmittedFlux();
        double impossible = firstCost / 1e6;
        assertThrows(TruncationException.class, () -> StationaryAnalysis.solve(p,
                Truncation.automatic(impossible).withMaxGrowths(0), StationarySolvers.gth()));
    }

    @Test
    void zeroInjectionIsTheEmptyCluster() {
        ModelParameters p = ModelParameters.of(0.0, 1.0, 10.0, 0.5, 0.2);
        for (Truncation t : new Truncation[] {Truncation.automatic(), Truncation.fixed(30, 5)}) {
            StationaryAnalysis a = StationaryAnalysis.solve(p, t, StationarySolvers.auto());
            assertEquals(1, a.result().states());
            assertEquals(1.0, a.result().probability(0, 0));
            assertEquals(0.0, a.result().meanN());
            assertEquals(0.0, a.result().omittedFlux());
            assertTrue(a.note().contains("empty cluster"), a.note());
        }
    }

    @Test
    void factorizeKeepsTheFinalFactorization() {
        ModelParameters p = ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2);
        StationaryAnalysis a = StationaryAnalysis.factorize(org.qpspin.rates.Prl2020RateModel.of(p),
                Truncation.automatic(), StationarySolvers.auto());
        assertSame(a.result(), a.factorization().stationary());
        assertEquals(a.generator().size(), a.result().states());
        assertThrows(IllegalStateException.class, () -> StationaryAnalysis.solve(p).factorization());
    }

    @Test
    void badTruncationRequestsNameTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Truncation.fixed(-1, 3)).getMessage()
                .contains("nMax"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Truncation.fixed(10, -3)).getMessage()
                .contains("mMax"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Truncation.automatic(0.0)).getMessage()
                .contains("tolerance"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Truncation.automatic(Double.NaN))
                .getMessage().contains("tolerance"));
    }
}
