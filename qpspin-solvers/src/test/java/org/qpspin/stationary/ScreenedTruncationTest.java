package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
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
 *   <li>the margin rule itself at its boundary;</li>
 *   <li>the full solve of an attempt within the margin carries on from its screening solve (same hierarchy, from
 *       the screening answer, one start cycle: {@link StationaryFactorization#continuedInFull()}) instead of solving
 *       again, keeps the handing-out solver's name around it, and agrees with the sparse LU on the final generator
 *       (entries, ⟨N⟩, Var N, and S_N(0) through the shared hierarchy's group-inverse solve).</li>
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

    @Test
    void theFullSolveCarriesOnFromTheScreeningSolveAndAgreesWithLu() {
        StationaryAnalysis s = StationaryAnalysis.factorize(EDGE, Truncation.automatic(1e-10).withWindows(),
                StationarySolvers.multigrid());
        List<TruncationAttempt> a = s.attempts();
        String what = a.toString();
        TruncationAttempt last = a.get(a.size() - 1);
        TruncationAttempt before = a.get(a.size() - 2);
        assertTrue(before.solver().contains("screening") && before.states() == last.states(), what);
        assertTrue(last.solver().startsWith("multigrid[") && last.solver().contains("; continued: 1+"), what);
        MultigridFactorization f = (MultigridFactorization) s.factorization();
        assertEquals(1, f.diagnostics().startCycles(), what);
        assertTrue(f.diagnostics().converged() && Double.isFinite(f.diagnostics().meanNError()), what);

        Generator g = s.generator();
        StationaryFactorization lu = StationarySolvers.lu().factorize(Generator.assemble(EDGE, g.space()));
        double[] x = s.result().probabilitiesView();
        double[] y = lu.stationary().probabilitiesView();
        double max = 0.0;
        for (double v : y) {
            max = Math.max(max, v);
        }
        double largest = 0.0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] >= 1e-10 * max) {
                largest = Math.max(largest, Math.abs(x[i] - y[i]) / y[i]);
            }
        }
        double actual = largest;
        assertTrue(actual <= f.diagnostics().entrywiseError() + 1e-14, () -> "entrywise error " + actual
                + " above the estimate of " + s.result().solver());
        assertEquals(lu.stationary().meanN(), s.result().meanN(), 1e-10 * lu.stationary().meanN());
        assertEquals(lu.stationary().varianceN(), s.result().varianceN(), 1e-10 * lu.stationary().varianceN());
        int n = x.length;
        StateSpace space = g.space();
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = -(space.levelOf(i) - lu.stationary().meanN()) * y[i];
        }
        double[] u = new double[n];
        double[] v = new double[n];
        s.factorization().solveGroupInverse(rhs, u);
        lu.solveGroupInverse(rhs, v);
        double sN0 = 0.0;
        double sN0Lu = 0.0;
        for (int i = 0; i < n; i++) {
            sN0 += 2 * space.levelOf(i) * u[i];
            sN0Lu += 2 * space.levelOf(i) * v[i];
        }
        assertEquals(sN0Lu, sN0, 1e-9 * Math.abs(sN0Lu), "S_N(0)");
    }

    @Test
    void theContinuationKeepsTheRoutingReasonAndOnlyScreeningSolvesContinue() {
        int nMax = TruncationPlanner.initialNMax(EDGE.parameters(), 1e-10, Truncation.DEFAULT_MAX_STATES);
        Generator g = Generator.assembleRows(EDGE, TwoSidedWindows.start(EDGE, nMax, 1e-10).space());
        MultigridSolver routed = new MultigridSolver(ProgressListener.NONE, "too large for levels");
        MultigridFactorization screening = routed.screening().factorize(g);
        assertTrue(screening.stationary().solver().endsWith(" (too large for levels)"), screening.solver());
        MultigridFactorization full = screening.continuedInFull();
        String name = full.stationary().solver();
        assertTrue(name.startsWith("multigrid[") && name.contains("; continued: 1+")
                && name.endsWith("] (too large for levels)"), name);
        assertFalse(full.stationary().isScreening(), name);
        assertEquals(null, full.continuedInFull(), "a full solve carries on no further");
        StationaryResult fresh = routed.solve(g);
        assertEquals(fresh.meanN(), full.stationary().meanN(), 1e-10 * fresh.meanN(), name);
        assertEquals(fresh.relativeOmittedFlux(), full.stationary().relativeOmittedFlux(),
                1e-6 * fresh.relativeOmittedFlux(), name);
    }
}
