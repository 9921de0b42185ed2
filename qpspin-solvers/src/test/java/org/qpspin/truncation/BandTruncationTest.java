package org.qpspin.truncation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

class BandTruncationTest {

    /** SR (Γt = 0, ζs = 0.02) and TA (τs = ∞, m0/N0 = 0.02) at N0 = 40. */
    private static ModelParameters parameters(String regime) {
        return regime.equals("SR") ? ModelParameters.withMeanFieldN0(40, 1, 50, 0, 1)
                : ModelParameters.withMeanFieldN0(40, 1, 1, 1.0 / 1000, Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @CsvSource({"SR, 220", "TA, 140"})
    void windowsFollowTheMeanFieldCurveAndStayValid(String regime, int nMax) {
        ModelParameters p = parameters(regime);
        StateSpace band = BandTruncation.around(p, nMax, 1e-10, 0);
        assertEquals(nMax, band.maxN());
        for (int n = 0; n <= nMax; n++) {
            assertEquals(0, band.lowM(n));
            assertTrue(band.highM(n) <= n / 2);
            double mStar = TruncationPlanner.quasiStationaryM(p, n);
            assertTrue(band.highM(n) >= Math.min(n / 2, Math.ceil(mStar)), "level " + n + " cuts below m*(N)");
        }
        // narrow where the probability is (N ~ N0 and above), full at small N (unpolarized clusters)
        assertTrue(band.highM(nMax) < nMax / 8, () -> "top level width " + band.levelWidth(nMax));
        assertEquals(2, band.highM(4));
        assertTrue(band.size() < StateSpace.triangle(nMax).size() / 2);
        StateSpace wider = BandTruncation.around(p, nMax, 1e-10, 3);
        for (int n = 0; n <= nMax; n++) {
            assertEquals(Math.min(n / 2, band.highM(n) + (band.highM(n) < n / 2 ? 3 : 0)), wider.highM(n),
                    "slack at level " + n);
        }
    }

    @ParameterizedTest
    @CsvSource({"SR, 220", "TA, 140"})
    void bandSolutionMatchesTheTriangleWithinItsMeasuredCost(String regime, int nMax) {
        ModelParameters p = parameters(regime);
        Prl2020RateModel rates = Prl2020RateModel.of(p);
        StationaryResult band = StationarySolvers.levels().solve(Generator.assemble(rates,
                BandTruncation.around(p, nMax, 1e-10, 0)));
        StationaryResult full = StationarySolvers.levels().solve(Generator.assemble(rates, StateSpace.triangle(nMax)));
        double cost = band.relativeOmittedFlux();
        // an estimate, not a guarantee: within 10x of the target at N0 = 40 (measured 7e-11 SR, 3e-10 TA)
        assertTrue(cost < 1e-9, () -> "band cost " + cost);
        // the moments move by about the probability the band leaves out (boundary mass), times the N scale
        double scale = Math.max(band.boundaryMass(), 1e-13);
        assertEquals(full.meanN(), band.meanN(), 100 * nMax * scale);
        assertEquals(full.varianceN(), band.varianceN(), 100 * nMax * nMax * scale);
    }

    @Test
    void rejectsBadArguments() {
        ModelParameters p = parameters("SR");
        assertThrows(IllegalArgumentException.class, () -> BandTruncation.around(p, -1, 1e-10, 0));
        assertThrows(IllegalArgumentException.class, () -> BandTruncation.around(p, 10, 0.0, 0));
        assertThrows(IllegalArgumentException.class, () -> BandTruncation.around(p, 10, 1e-10, -1));
    }
}
