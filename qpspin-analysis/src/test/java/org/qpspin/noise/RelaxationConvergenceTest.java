package org.qpspin.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/** The relaxation rates converged in the truncation (issue 14), and the dense route against ARPACK. */
class RelaxationConvergenceTest {

    private static NoiseAnalysis chain(ModelParameters p, int nMax, int mMax) {
        StationaryAnalysis sa = StationaryAnalysis.factorize(Prl2020RateModel.of(p), Truncation.fixed(nMax, mMax),
                StationarySolvers.auto());
        return NoiseAnalysis.of(sa.generator(), sa.factorization());
    }

    /**
     * Issue 14's case: the automatic truncation (Nmax = 221, mMax = 17) gives γ_6 = 46.05 s⁻¹; converged, 45.4954.
     * Reference: the same rates at Nmax = 520, mMax = 60 (1.2e-15 relative change from Nmax = 400 to 500).
     */
    @Test
    void issueCaseConvergesToTheLargeTruncation() {
        ModelParameters p = ModelParameters.of(32000, 0.2, 50, 0, 0.5);
        StationaryAnalysis first = StationaryAnalysis.factorize(Prl2020RateModel.of(p), Truncation.automatic(),
                StationarySolvers.auto());
        NoiseAnalysis start = NoiseAnalysis.of(first.generator(), first.factorization());
        double truncated6 = start.relaxationSpectrum(6).rates()[5];
        RelaxationConvergence c = RelaxationConvergence.compute(start, 6, (n, m) -> chain(p, n, m),
                RelaxationConvergence.DEFAULT_TOLERANCE, RelaxationConvergence.DEFAULT_MAX_GROWTHS, 1_000_000);
        assertTrue(c.converged(), c.steps().toString());
        double[] reference = chain(p, 520, 60).relaxationSpectrum(6).rates();
        double[] rates = c.rates();
        double[] errors = c.errors();
        assertEquals(45.495, reference[5], 1e-3, "reference gamma_6 (audit: 45.495)");
        assertTrue(Math.abs(truncated6 - reference[5]) > 1e-3 * reference[5],
                "the stationary truncation alone is off (why the loop exists): " + truncated6);
        for (int k = 0; k < 6; k++) {
            double actual = Math.abs(rates[k] - reference[k]);
            assertTrue(actual <= 1e-6 * reference[k], "gamma_" + (k + 1) + " " + rates[k] + " vs " + reference[k]);
            assertTrue(actual <= errors[k] + 1e-12 * reference[k], "estimated error " + errors[k]
                    + " does not bound the actual " + actual + " of gamma_" + (k + 1));
        }
    }

    /** Dense eigen-decomposition and ARPACK agree on a small chain with real and complex modes. */
    @Test
    void denseAgreesWithArpack() {
        ModelParameters p = ModelParameters.of(40, 1, 10, 0.5, 0.4);
        NoiseAnalysis a = chain(p, 40, 12);
        RelaxationSpectrum arpack = ArpackRelaxation.compute(a, 12);
        RelaxationSpectrum dense = DenseRelaxation.compute(a.generator(), 12);
        for (int k = 0; k < 12; k++) {
            double scale = Math.hypot(dense.rates()[k], dense.frequencies()[k]);
            assertEquals(dense.rates()[k], arpack.rates()[k], 1e-10 * scale, "rate " + (k + 1));
            assertEquals(dense.frequencies()[k], arpack.frequencies()[k], 1e-10 * scale, "frequency " + (k + 1));
        }
    }

    /** K close to n: ARPACK is not used; the dense route gives every rate positive, checked. */
    @Test
    void manyRatesOnASmallChainAreDenseAndPositive() {
        ModelParameters p = ModelParameters.of(40, 1, 10, 0.5, 0.4);
        NoiseAnalysis a = chain(p, 30, 15);
        int n = a.generator().size();
        RelaxationSpectrum s = a.relaxationSpectrum(n - 1);
        assertEquals("dense (EJML)", s.implementation());
        assertEquals(n - 1, s.count());
        for (double r : s.rates()) {
            assertTrue(r > 0.0, "rate " + r);
        }
        assertThrows(IllegalArgumentException.class, () -> a.relaxationSpectrum(n));
    }

    /** K beyond both routes on a chain too large for dense: refused, never a negative rate. */
    @Test
    void tooManyRatesOnALargeChainAreRefused() {
        ModelParameters p = ModelParameters.of(40, 1, 10, 0.5, 0.4);
        NoiseAnalysis a = chain(p, 100, 20);
        assertTrue(a.generator().size() > DenseRelaxation.MAX_STATES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.relaxationSpectrum(a.generator().size() / 2));
        assertTrue(e.getMessage().contains("ask for fewer"), e.getMessage());
    }

    /** A growth cap too small to converge is reported as not converged, with finite errors. */
    @Test
    void unconvergedIsSaid() {
        ModelParameters p = ModelParameters.of(32000, 0.2, 50, 0, 0.5);
        NoiseAnalysis start = chain(p, 150, 17);
        RelaxationConvergence c = RelaxationConvergence.compute(start, 6, (n, m) -> chain(p, n, m), 1e-12, 1,
                1_000_000);
        assertFalse(c.converged());
        assertTrue(Double.isFinite(c.errors()[5]) && c.errors()[5] > 1e-12 * c.rates()[5]);
    }
}
