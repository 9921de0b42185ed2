package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;
import org.qpspin.truncation.Truncation;

/**
 * The automatic truncation on m*(N) bands ({@link Truncation#withBand()}) against the automatic rectangle: the
 * same tolerance met, fewer states, and the same moments within the two truncations' error scales.
 */
class BandAutomaticTruncationTest {

    /**
     * Polarized clusters that are unpolarized at small N (m*(N) ≈ AV²/(2ΓN) reaches ⌊N/2⌋ below
     * N ≈ (AV²/Γ)^½), where one mMax for all levels is wasteful.
     */
    @ParameterizedTest
    @CsvSource({
        // A,     V,   Gamma, Gamma_t, tau_s
        "2e4,     1.0, 100.0, 0.0,     1.0",   // SR, N0 = 100, m0 = 1
        "5e4,     1.0, 200.0, 0.02,    1.0",   // SR/crossover with triplet annihilation
        "3e5,     1.0, 400.0, 0.5,     inf",   // TA, no spin flips
    })
    void meetsToleranceWithFewerStatesAndSameMoments(double a, double v, double gamma, double gammaT, String tau) {
        ModelParameters p = ModelParameters.of(a, v, gamma, gammaT,
                tau.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(tau));
        StationaryAnalysis rectangle = StationaryAnalysis.solve(p, Truncation.automatic(), StationarySolvers.auto());
        StationaryAnalysis band = StationaryAnalysis.solve(p, Truncation.automatic().withBand(),
                StationarySolvers.auto());
        StationaryResult r = rectangle.result();
        StationaryResult b = band.result();
        assertTrue(b.relativeOmittedFlux() <= Truncation.DEFAULT_TOLERANCE, () -> "band cost " + b);
        assertFalse(b.space().isRectangle());
        assertTrue(b.states() < r.states(), () -> "band " + b.states() + " states vs rectangle " + r.states());
        // |Δ<f>| within the sum of the two documented error scales, plus rounding
        double delta = band.truncationErrorScale() + rectangle.truncationErrorScale();
        assertEquals(r.meanN(), b.meanN(), delta + 1e-12 * r.meanN());
        assertEquals(r.meanM(), b.meanM(), delta + 1e-12 * Math.max(1.0, r.meanM()));
        assertEquals(r.varianceN(), b.varianceN(),
                delta * (r.maxN() - r.meanN()) + 1e-10 * r.varianceN());
    }

    @Test
    void bandIsForTheAutomaticTruncationOnly() {
        assertThrows(IllegalArgumentException.class, () -> Truncation.fixed(10, 3).withBand());
        assertTrue(Truncation.automatic().withBand().isBand());
        assertFalse(Truncation.automatic().isBand());
        assertTrue(Truncation.automatic(1e-8).withBand().withMaxStates(100).isBand());
        assertEquals("automatic(tol=1.0E-10, band)", Truncation.automatic().withBand().toString());
    }

    /** refactorize keeps the truncation (here a band) and agrees with the first factorization. */
    @Test
    void refactorizeKeepsTheBandAndTheAnswer() {
        ModelParameters p = ModelParameters.of(2e4, 1.0, 100.0, 0.0, 1.0);
        StationaryAnalysis levels = StationaryAnalysis.factorize(org.qpspin.rates.Prl2020RateModel.of(p),
                Truncation.automatic().withBand(), StationarySolvers.levels());
        StationaryAnalysis lu = levels.refactorize(StationarySolvers.lu());
        assertTrue(lu.generator() == levels.generator());
        assertFalse(lu.result().space().isRectangle());
        assertEquals(levels.attempts().size() + 1, lu.attempts().size());
        assertEquals("lu", lu.result().solver());
        double[] a = levels.result().probabilitiesView();
        double[] b = lu.result().probabilitiesView();
        double max = 0;
        for (double v : a) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 1e-12 * max) {
                assertEquals(a[i], b[i], 1e-10 * a[i], "state " + i);
            }
        }
        double[] rhs = new double[a.length];
        double mean = lu.result().meanN();
        for (int i = 0; i < a.length; i++) {
            rhs[i] = -(lu.generator().space().levelOf(i) - mean) * b[i];
        }
        double[] x = new double[a.length];
        lu.factorization().solveGroupInverse(rhs, x);
        double[] check = new double[a.length];
        lu.generator().multiply(x, check);
        for (int i = 0; i < a.length; i++) {
            assertEquals(rhs[i], check[i], 1e-9 * mean * max);
        }
    }
}
