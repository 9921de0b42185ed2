package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.Truncation;
import org.qpspin.truncation.TruncationAttempt;
import org.qpspin.truncation.TruncationPlanner;
import org.qpspin.truncation.TwoSidedWindows;

/**
 * Screening the intermediate attempts of an automatic truncation ({@link StationarySolver#screening()}, docs/validation.md
 * "Screening the intermediate attempts"): the multigrid solver's early-stopping solve decides only that an attempt's
 * cost is above {@value StationaryAnalysis#SCREENING_MARGIN} × tol; only a full solve meets the tolerance. On the
 * paper example's family at N0 = Nc = 100 (two-sided windows, 2–3 attempts of 2–3 × 10⁴ states):
 * <ul>
 *   <li>the screened search ends on the same truncation as the unscreened one (every attempt solved in full), with a
 *       full, converged final solve, at the default tolerance and at tolerances placed just above and just below
 *       an attempt's own full cost (the screening cost is then within the margin: the full solve must decide);</li>
 *   <li>the screening cost agrees with the full solve's on the same generator far inside the margin (measured
 *       ≤ 10⁻³ relative here and along the family);</li>
 *   <li>the margin rule itself at its boundary.</li>
 * </ul>
 */
class ScreenedTruncationTest {

    private static final RateModel EDGE =
            Prl2020RateModel.of(ModelParameters.withMeanFieldN0(100, 0.001, 18.8669, 0.188669, 12.6491));

    /** The multigrid solver without screening: every attempt solved in full (the search before screening). */
    private static StationarySolver unscreened() {
        MultigridSolver full = new MultigridSolver();
        return new StationarySolver() {
            @Override
            public SolverKind kind() {
                return SolverKind.MULTIGRID;
            }

            @Override
            public StationaryResult solve(Generator generator) {
                return full.solve(generator);
            }

            @Override
            public StationaryFactorization factorize(Generator generator) {
                return full.factorize(generator);
            }

            @Override
            public StationaryResult solve(Generator generator, StationaryResult previous) {
                return full.solve(generator, previous);
            }

            @Override
            public StationaryFactorization factorize(Generator generator, StationaryResult previous) {
                return full.factorize(generator, previous);
            }

            @Override
            public boolean readsRows(RateModel rates, StateSpace space) {
                return true;
            }
        };
    }

    @Test
    void marginRuleAtItsBoundary() {
        double tol = 1e-10;
        double margin = StationaryAnalysis.SCREENING_MARGIN;
        assertTrue(margin >= 2.0, "the margin must cover a factor-2 screening error at least");
        assertFalse(StationaryAnalysis.screeningSaysGrow(tol, tol));
        assertFalse(StationaryAnalysis.screeningSaysGrow(0.5 * tol, tol));
        assertFalse(StationaryAnalysis.screeningSaysGrow(margin * tol, tol)); // at the margin: the full solve decides
        assertTrue(StationaryAnalysis.screeningSaysGrow(Math.nextUp(margin * tol), tol));
        assertTrue(StationaryAnalysis.screeningSaysGrow(1e5 * tol, tol));
        assertFalse(StationaryAnalysis.screeningSaysGrow(Double.NaN, tol));
    }

    @Test
    void screeningCostAgreesWithTheFullSolveFarInsideTheMargin() {
        int nMax = TruncationPlanner.initialNMax(EDGE.parameters(), 1e-10, Truncation.DEFAULT_MAX_STATES);
        StateSpace space = TwoSidedWindows.start(EDGE, nMax, 1e-10).space();
        Generator g = Generator.assembleRows(EDGE, space);
        MultigridSolver full = new MultigridSolver();
        StationaryResult f = full.solve(g);
        MultigridFactorization s = full.screening().factorize(g);
        StationaryResult r = s.stationary();
        assertTrue(f.relativeOmittedFlux() > 1e-10, "the first attempt is above the tolerance: " + f);
        assertEquals(f.relativeOmittedFlux(), r.relativeOmittedFlux(), 1e-3 * f.relativeOmittedFlux(), r.solver());
        assertTrue(r.isScreening() && !f.isScreening(), r.solver());
        assertTrue(r.solver().startsWith("multigrid screening (GMRES to 1e-08, polish to 1e-02)["), r.solver());
        assertTrue(Double.isNaN(s.diagnostics().meanNError()), "a screening solve estimates no moment errors");
        // and from a carried start (at least one cycle runs before the freeze: START_CHANGE needs a measured change)
        MultigridFactorization w = full.screening().factorize(g, f);
        assertTrue(w.diagnostics().startCycles() >= 1, w.solver());
        assertEquals(f.relativeOmittedFlux(), w.stationary().relativeOmittedFlux(), 1e-3 * f.relativeOmittedFlux());
    }

    @Test
    void sameTruncationAsUnscreenedAtAndAroundTheTolerance() {
        StationaryAnalysis reference = StationaryAnalysis.factorize(EDGE, Truncation.automatic(1e-10).withWindows(),
                unscreened());
        List<TruncationAttempt> ref = reference.attempts();
        assertTrue(ref.size() >= 2, "the family grows at least once: " + ref);
        List<Double> tolerances = new ArrayList<>(List.of(1e-10));
        for (int k = 0; k < ref.size(); k++) { // just above and just below each attempt's own full cost
            double c = ref.get(k).relativeOmittedFlux();
            tolerances.add(c * 1.01);
            tolerances.add(c / 1.01);
        }
        for (double tol : tolerances) {
            StationaryAnalysis u = tol == 1e-10 ? reference
                    : StationaryAnalysis.factorize(EDGE, Truncation.automatic(tol).withWindows(), unscreened());
            StationaryAnalysis s = StationaryAnalysis.factorize(EDGE, Truncation.automatic(tol).withWindows(),
                    StationarySolvers.multigrid());
            String what = "tol " + tol + ": screened " + s.attempts() + " against " + u.attempts();
            StationaryResult r = s.result();
            assertFalse(r.isScreening(), what);
            assertTrue(r.solver().startsWith("multigrid["), what);
            assertTrue(r.relativeOmittedFlux() <= tol, what);
            IterativeDiagnostics d = s.factorization().iterativeDiagnostics();
            assertNotNull(d, what);
            assertTrue(d.converged() && Double.isFinite(d.meanNError()), what);
            assertEquals(u.result().states(), r.states(), what);
            assertEquals(u.result().maxN(), r.maxN(), what);
            assertEquals(u.result().meanN(), r.meanN(), 1e-9 * u.result().meanN(), what);
            assertEquals(u.result().relativeOmittedFlux(), r.relativeOmittedFlux(),
                    1e-3 * u.result().relativeOmittedFlux(), what);
            // every solve before the last either grew from a screening cost above the margin, or was a full solve
            List<TruncationAttempt> a = s.attempts();
            for (int k = 0; k < a.size() - 1; k++) {
                TruncationAttempt t = a.get(k);
                boolean screening = t.solver().contains("screening");
                boolean followedBySameStates = a.get(k + 1).states() == t.states();
                if (screening && !followedBySameStates) {
                    assertTrue(t.relativeOmittedFlux() > StationaryAnalysis.SCREENING_MARGIN * tol, what);
                }
                if (screening && followedBySameStates) { // both solves of one truncation: the costs agree
                    double full = a.get(k + 1).relativeOmittedFlux();
                    assertEquals(full, t.relativeOmittedFlux(), 1e-3 * full, what);
                }
            }
        }
    }
}
