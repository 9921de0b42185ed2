package org.qpspin.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;

/** N0 and m0 (Eqs. 3–4) against the paper's SR and TA limits. */
class MeanFieldFixedPointTest {

    @Test
    void spinRelaxationLimitIsExactWithoutTripletAnnihilation() {
        // Gamma_t = 0: Eq. 4 is AV/N0 = 2 N0/tau_s, so N0 = (AV tau_s/2)^1/2 and m0 = V N0/(Gamma tau_s) exactly
        ModelParameters p = ModelParameters.of(800, 1.5, 100, 0, 0.7);
        MeanFieldFixedPoint mf = MeanFieldFixedPoint.of(p);
        double n0 = Math.sqrt(800 * 1.5 * 0.7 / 2);
        assertEquals(n0, mf.meanN(), 1e-13 * n0);
        assertEquals(1.5 * n0 / (100 * 0.7), mf.meanM(), 1e-13 * mf.meanM());
        assertEquals(n0, MeanFieldFixedPoint.spinRelaxationLimit(p), 1e-13 * n0);
    }

    @Test
    void tripletLimitIsExactWithoutSpinFlips() {
        // tau_s = inf: N0 = (AV^2/Gamma_t)^1/3; Eq. 3 gives m0 = Gamma_t N0 (N0 − 1)/(2 Gamma), the paper's
        // Gamma_t N0^2/(2 Gamma) times (1 − 1/N0) (docs/model.md: they agree to leading order)
        ModelParameters p = ModelParameters.of(8000, 0.5, 100, 1.0, Double.POSITIVE_INFINITY);
        MeanFieldFixedPoint mf = MeanFieldFixedPoint.of(p);
        double n0 = Math.cbrt(8000 * 0.25 / 1.0);
        assertEquals(n0, mf.meanN(), 1e-13 * n0);
        assertEquals(1.0 * n0 * (n0 - 1) / 200, mf.meanM(), 1e-12 * mf.meanM());
        double paper = Math.cbrt(8000 * 0.25 * 1.0) / 200 * n0;
        assertEquals(1 - 1 / n0, mf.meanM() / paper, 1e-12);
    }

    @Test
    void generalRootSolvesEq4AndLiesBelowBothLimits() {
        SplittableRandom rnd = new SplittableRandom(20201);
        for (int k = 0; k < 200; k++) {
            double a = Math.pow(10, rnd.nextDouble(-2, 8));
            double v = Math.pow(10, rnd.nextDouble(-3, 2));
            double gt = Math.pow(10, rnd.nextDouble(-5, 1));
            double tau = Math.pow(10, rnd.nextDouble(-3, 2));
            ModelParameters p = ModelParameters.of(a, v, 10, gt, tau);
            double n = MeanFieldFixedPoint.clusterSize(p);
            double eq4 = a * v / n - 2 * n / tau - gt / v * n * n;
            assertEquals(0.0, eq4, 1e-12 * a * v / n, p.toString());
            assertTrue(n <= MeanFieldFixedPoint.spinRelaxationLimit(p) * (1 + 1e-14));
            assertTrue(n <= MeanFieldFixedPoint.tripletAnnihilationLimit(p) * (1 + 1e-14));
            // away from the crossover the root approaches the corresponding limit. With x = A Gt^2 tau^3 / V,
            // the neglected term of Eq. 4 relative to the kept one is (1/2)(x/2)^1/2 at the SR root and
            // 2 x^-1/3 at the TA root; N0 moves by 1/2 resp. 1/3 of that: below sqrt(x) resp. x^-1/3.
            double x = a * gt * gt * tau * tau * tau / v;
            if (x < 1e-2) {
                double dev = 1 - n / MeanFieldFixedPoint.spinRelaxationLimit(p);
                assertTrue(dev >= 0 && dev <= Math.sqrt(x), "SR deviation " + dev + " at x=" + x);
            } else if (x > 1e2) {
                double dev = 1 - n / MeanFieldFixedPoint.tripletAnnihilationLimit(p);
                assertTrue(dev >= 0 && dev <= Math.cbrt(1 / x), "TA deviation " + dev + " at x=" + x);
            }
        }
    }

    @Test
    void zeroInjectionIsTheEmptyCluster() {
        MeanFieldFixedPoint mf = MeanFieldFixedPoint.of(ModelParameters.of(0, 1, 10, 0.1, 1));
        assertEquals(0.0, mf.meanN());
        assertEquals(0.0, mf.meanM());
    }
}
