package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.space.StateSpace;
import org.qpspin.rates.Prl2020RateModel;

/**
 * The multigrid solver against the sparse LU on the same matrices (the chains of {@link LevelSolverAgainstLuTest}:
 * SR and TA rectangles and a band with mLow(N) &gt; 0, 10⁴–2·10⁴ states, several levels of aggregates): entries
 * above 10⁻¹⁰ p_max within the solver's own entrywise error estimate (itself below 10⁻¹⁰), entries above 10⁻²⁰
 * p_max to 10⁻⁸ relative, ⟨N⟩ and Var N to 10⁻¹⁰, S_N(0) by the group inverse to 10⁻⁹; and its own diagnostics:
 * converged, residual to rounding, error estimates of ⟨N⟩ and Var N that are small. The SR chain (p down to
 * 10⁻¹⁷⁰ at Nmax) gave NaN with the default aggregates before closed coarse lines were pinned at their heaviest
 * state (issue 18). A planted error (the triplet rate 10⁻⁷ high in the chain given to the multigrid solver only) is
 * caught by the same tolerances and is not hidden by the solver's entrywise estimate.
 */
class MultigridSolverTest {

    @Test
    void aPlantedRateErrorIsCaughtByTheComparison() {
        ModelParameters right = ModelParameters.withMeanFieldN0(300, 1.0, 50.0, 0.05, 2.0);
        StateSpace space = StateSpace.rectangle(900, 40);
        ModelParameters planted = right.withTripletRate(0.05 * (1 + 1e-7));
        MultigridFactorization mg = new MultigridSolver().factorize(Generator.assemble(Prl2020RateModel.of(planted),
                space));
        StationaryResult s = StationarySolvers.lu().solve(Generator.assemble(Prl2020RateModel.of(right), space));
        StationaryResult r = mg.stationary();
        double[] a = r.probabilitiesView();
        double[] b = s.probabilitiesView();
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
        assertTrue(mg.diagnostics().converged(), r.solver());
        double actual = largest;
        assertTrue(actual > 100 * mg.diagnostics().entrywiseError(), () -> "planted error " + actual
                + " within the estimate of " + r.solver());
        assertTrue(Math.abs(r.meanN() - s.meanN()) > 1e-10 * s.meanN(), () -> "<N> " + r.meanN() + " vs " + s.meanN());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.qpspin.stationary.LevelSolverAgainstLuTest#chains")
    void agreesWithLu(String name, ModelParameters parameters, StateSpace space) {
        Generator g = Generator.assemble(Prl2020RateModel.of(parameters), space);
        MultigridFactorization mg = new MultigridSolver().factorize(g);
        StationaryFactorization lu = StationarySolvers.lu().factorize(g);
        double[] a = mg.stationary().probabilitiesView();
        double[] b = lu.stationary().probabilitiesView();
        double max = 0.0;
        for (double v : b) {
            max = Math.max(max, v);
        }
        StationaryResult r = mg.stationary();
        StationaryResult s = lu.stationary();
        MultigridFactorization.Diagnostics d = mg.diagnostics();
        double largest = 0.0; // relative error of the entries above 1e-10 p_max, what the estimate is about
        for (int i = 0; i < a.length; i++) {
            if (b[i] >= 1e-20 * max) { // the tail: measured 1e-11 to 3e-10 after the polish on these chains
                int state = i;
                assertEquals(b[i], a[i], 1e-8 * b[i], () -> name + " state (N=" + space.levelOf(state) + ", m="
                        + space.mOf(state) + ")");
            }
            if (b[i] >= 1e-10 * max) {
                largest = Math.max(largest, Math.abs(a[i] - b[i]) / b[i]);
            }
        }
        assertTrue(d.entrywiseError() <= MultigridFactorization.POLISH_CONVERGED, r.solver());
        // the estimate is honest: it bounds the actual error (up to the LU's own rounding)
        double actual = largest;
        assertTrue(actual <= d.entrywiseError() + 1e-14, () -> name + ": entrywise error " + actual
                + " above the estimate of " + r.solver());
        assertTrue(d.converged(), r.solver());
        assertTrue(d.levels() >= 4, r.solver());
        assertTrue(r.solver().startsWith("multigrid["), r.solver());
        assertTrue(r.relativeResidual() < 1e-13, r.solver());
        assertEquals(s.meanN(), r.meanN(), 1e-10 * s.meanN());
        assertEquals(s.varianceN(), r.varianceN(), 1e-10 * s.varianceN());
        assertTrue(d.meanNError() < 1e-10 * r.meanN() && d.varianceNError() < 1e-10 * r.varianceN(), r.solver());

        int n = g.size();
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = -(space.levelOf(i) - s.meanN()) * b[i];
        }
        double[] x = new double[n];
        double[] y = new double[n];
        mg.solveGroupInverse(rhs, x);
        lu.solveGroupInverse(rhs, y);
        double sN0Multigrid = 0;
        double sN0Lu = 0;
        for (int i = 0; i < n; i++) {
            sN0Multigrid += 2 * space.levelOf(i) * x[i];
            sN0Lu += 2 * space.levelOf(i) * y[i];
        }
        assertEquals(sN0Lu, sN0Multigrid, 1e-9 * Math.abs(sN0Lu), "S_N(0)");
    }
}
