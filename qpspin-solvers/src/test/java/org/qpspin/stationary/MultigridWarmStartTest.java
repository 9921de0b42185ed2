package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.TruncationPlanner;
import org.qpspin.truncation.TwoSidedWindows;

/**
 * The multigrid solver's warm start, as an automatic truncation uses it (issue 18 (a)): on the paper example's
 * family at the edge of polarization (aluminium's Γ and τs, V = 10⁻³ µm³, N0 = Nc = 150), the first two-sided
 * windows are solved, grown where their edges carry the omitted flux, and the grown chain is solved from the first
 * answer carried onto it ({@link MultigridSolver#carried}: each new state at its nearest old neighbour's value, far
 * too large in the deep tail) and from the uniform vector. The warm solve must not need more GMRES iterations than
 * the cold one (before the start cycles' entrywise rule, {@link MultigridFactorization#START_CHANGE}, the frozen
 * cycle's weights came from the carried vector and GMRES needed 40 iterations against 24 cold here, 103 against 30 at
 * N0 = 300; with it 19 here), and must
 * agree with the sparse LU on the same matrix as tightly as a cold solve ({@link MultigridSolverTest}).
 */
class MultigridWarmStartTest {

    private static final double TOL = 1e-10;

    @Test
    void warmStartOnGrownWindowsIsNoSlowerThanColdAndAgreesWithLu() {
        double n0 = 150;
        RateModel rates = Prl2020RateModel.of(ModelParameters.withMeanFieldN0(n0, 0.001, 18.8669, 18.8669 / n0,
                12.6491));
        int nMax = TruncationPlanner.initialNMax(rates.parameters(), TOL, Integer.MAX_VALUE);
        TwoSidedWindows first = TwoSidedWindows.start(rates, nMax, TOL).extendTo(nMax);
        Generator g1 = Generator.assembleRows(rates, first.space());
        StationaryResult r1 = new MultigridSolver().factorize(g1).stationary();
        double[] p1 = r1.probabilitiesView();
        StateSpace grown = first.grow(first.space(), p1, TwoSidedWindows.edgeFlux(g1, p1), TOL).extendTo(nMax)
                .space();
        assertTrue(grown.size() > first.space().size() + 500, () -> "windows did not grow: " + grown.size());
        Generator g2 = Generator.assembleRows(rates, grown);

        MultigridFactorization warm = new MultigridSolver().factorize(g2, r1);
        MultigridFactorization cold = new MultigridSolver().factorize(g2);
        MultigridFactorization.Diagnostics w = warm.diagnostics();
        MultigridFactorization.Diagnostics c = cold.diagnostics();
        String both = "warm " + warm.stationary().solver() + ", cold " + cold.stationary().solver();
        assertTrue(w.converged() && c.converged(), both);
        assertTrue(w.startCycles() >= 1, both);
        assertTrue(w.gmresIterations() <= c.gmresIterations(), both);

        double[] a = warm.stationary().probabilitiesView();
        StationaryResult exact = StationarySolvers.lu().solve(Generator.assemble(rates, grown));
        double[] b = exact.probabilitiesView();
        double max = 0.0;
        for (double v : b) {
            max = Math.max(max, v);
        }
        double largest = 0.0;
        for (int i = 0; i < a.length; i++) {
            if (b[i] >= 1e-20 * max) {
                int state = i;
                assertEquals(b[i], a[i], 1e-8 * b[i], () -> "state (N=" + grown.levelOf(state) + ", m="
                        + grown.mOf(state) + ")");
            }
            if (b[i] >= 1e-10 * max) {
                largest = Math.max(largest, Math.abs(a[i] - b[i]) / b[i]);
            }
        }
        double actual = largest;
        assertTrue(actual <= w.entrywiseError() + 1e-14, () -> "entrywise error " + actual + " above the estimate of "
                + warm.stationary().solver());
        assertEquals(exact.meanN(), warm.stationary().meanN(), 1e-10 * exact.meanN());
        assertEquals(exact.varianceN(), warm.stationary().varianceN(), 1e-10 * exact.varianceN());
    }
}
