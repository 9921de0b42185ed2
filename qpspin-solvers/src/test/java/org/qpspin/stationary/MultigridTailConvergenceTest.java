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
 * The stationary solve's GMRES converges the deep tail together with the bulk (issue 18): on the paper example's
 * family at the edge of polarization (aluminium's Γ and τs, V = 10⁻³ µm³, N0 = Nc = 300), the first two-sided
 * windows (127 854 states), solved cold to the full rule. GMRES works in the norm weighted by the frozen vector
 * ({@link MultigridFactorization}, {@code weightedGmres}), so after it the entries above 10⁻¹⁰ p_max are already
 * accurate to their own size and the polish that estimates their error stops after its minimum of two cycles
 * (18 + 38 + 2 cycles/iterations); with the unweighted norm ‖L x‖₂ ≤ 10⁻¹⁴ ‖e∘x‖₂ GMRES left the tails to the
 * polish (18 + 30 + 9). The answer must still agree with the sparse LU on the same matrix entrywise within the
 * solver's own estimate (at most 10⁻¹⁰), and in ⟨N⟩ and Var N to 10⁻¹⁰.
 */
class MultigridTailConvergenceTest {

    private static final double TOL = 1e-10;

    @Test
    void weightedGmresLeavesThePolishItsMinimumAndAgreesWithLu() {
        double n0 = 300;
        RateModel rates = Prl2020RateModel.of(ModelParameters.withMeanFieldN0(n0, 0.001, 18.8669, 18.8669 / n0,
                12.6491));
        int nMax = TruncationPlanner.initialNMax(rates.parameters(), TOL, Integer.MAX_VALUE);
        StateSpace space = TwoSidedWindows.start(rates, nMax, TOL).extendTo(nMax).space();
        Generator g = Generator.assembleRows(rates, space);
        MultigridFactorization mg = new MultigridSolver().factorize(g);
        MultigridFactorization.Diagnostics d = mg.diagnostics();
        StationaryResult r = mg.stationary();
        assertTrue(d.converged(), r.solver());

        StationaryResult exact = StationarySolvers.lu().solve(Generator.assemble(rates, space));
        double[] a = r.probabilitiesView();
        double[] b = exact.probabilitiesView();
        double max = 0.0;
        for (double v : b) {
            max = Math.max(max, v);
        }
        double largest = 0.0;
        for (int i = 0; i < a.length; i++) {
            if (b[i] >= 1e-10 * max) {
                largest = Math.max(largest, Math.abs(a[i] - b[i]) / b[i]);
            }
        }
        double actual = largest;
        assertTrue(actual <= d.entrywiseError() + 1e-14, () -> "entrywise error " + actual + " above the estimate of "
                + r.solver());
        assertTrue(d.entrywiseError() <= MultigridFactorization.POLISH_CONVERGED, r.solver());
        assertEquals(exact.meanN(), r.meanN(), 1e-10 * exact.meanN());
        assertEquals(exact.varianceN(), r.varianceN(), 1e-10 * exact.varianceN());
        assertTrue(d.polishCycles() <= 3, () -> "polish of " + r.solver());
    }
}
