package org.qpspin.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.ExactSpinRateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * Every stationary solver on exact-spin chains: the same stationary vector entrywise (all are subtraction-free),
 * the omitted-flux accounting equal to the rates that leave the truncation, the automatic truncation within its
 * tolerance; and {@link ModelComparison} compares what it says it compares.
 */
class ExactSpinSolversTest {

    /** A crossover chain with every channel active (Γt &gt; 0, finite τs), polarized but not fully. */
    private static final ModelParameters P = ModelParameters.withMeanFieldN0(40, 0.2, 1.0, 0.01, 1.0);

    @Test
    void everySolverGivesTheSameStationaryVector() {
        RateModel rates = ExactSpinRateModel.of(P);
        Generator g = Generator.assemble(rates, StateSpace.rectangle(90, 20));
        double[] reference = StationarySolvers.gth().factorize(g).stationary().probabilitiesView();
        int compared = 0;
        for (String name : List.of("lu", "levels", "auto", "core")) {
            StationarySolver solver = StationarySolvers.byName(name);
            double[] p = solver.factorize(g).stationary().probabilitiesView();
            for (int i = 0; i < p.length; i++) {
                if (reference[i] >= 1e-250) {
                    int state = i;
                    assertEquals(reference[i], p[i], 1e-9 * reference[i], () -> name + " at (N="
                            + g.space().levelOf(state) + ", m=" + g.space().mOf(state) + ")");
                    compared++;
                }
            }
        }
        assertTrue(compared > 4 * 1000, "compared " + compared);
    }

    @Test
    void omittedRateIsTheExactSpinRateLeavingTheTruncation() {
        RateModel rates = ExactSpinRateModel.of(P);
        StateSpace space = StateSpace.rectangle(60, 4);
        Generator g = Generator.assemble(rates, space);
        for (int i = 0; i < space.size(); i++) {
            int n = space.levelOf(i);
            int m = space.mOf(i);
            double[] leaving = {0.0};
            rates.forEachTransition(n, m, (c, toN, toM, r) -> {
                if (space.indexOrMinusOne(toN, toM) < 0) {
                    leaving[0] += r;
                }
            });
            assertEquals(leaving[0], g.omittedRate(i), 1e-14 * rates.totalRate(n, m), "(" + n + ", " + m + ")");
        }
    }

    @Test
    void automaticTruncationMeetsItsToleranceWithTheExactSpinRates() {
        StationaryAnalysis a = StationaryAnalysis.solve(ExactSpinRateModel.of(P), Truncation.automatic(1e-10),
                StationarySolvers.auto());
        assertEquals("exact-spin", a.rateModel().name());
        assertTrue(a.withinTolerance());
        assertTrue(a.result().relativeOmittedFlux() <= 1e-10, "cost " + a.result().relativeOmittedFlux());
    }

    @Test
    void modelComparisonComparesTheTwoModelsOnTheSameChain() {
        ModelParameters p = ModelComparison.triplet(20, 0.5);
        assertEquals(20.0 / 0.5, p.singletRate() / p.tripletRate(), 1e-12); // x = N0/Nc
        ModelComparison.Point pt = ModelComparison.compare("TA", 0.5, p, Truncation.automatic(1e-10),
                StationarySolvers.auto());
        assertEquals("prl2020", pt.prl2020().rateModel());
        assertEquals("exact-spin", pt.exactSpin().rateModel());
        double direct = StationaryAnalysis.solve(ExactSpinRateModel.of(p), Truncation.automatic(1e-10),
                StationarySolvers.auto()).result().meanN();
        assertEquals(direct, pt.exactSpin().meanN(), 1e-9 * direct);
        assertEquals(pt.exactSpin().meanN() / pt.prl2020().meanN() - 1.0, pt.meanNChange(), 1e-15);
        assertTrue(Math.abs(pt.meanNChange()) > 1e-3, "the models should differ at N0 = 20: " + pt.meanNChange());
    }
}
