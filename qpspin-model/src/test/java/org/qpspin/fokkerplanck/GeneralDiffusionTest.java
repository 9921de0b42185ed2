package org.qpspin.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;

class GeneralDiffusionTest {

    /** With Eq. 7's own coefficients the numerical diffusion reproduces the closed-shape one. */
    @Test
    void reproducesEq7AndItsNoise() {
        ModelParameters p = ModelParameters.of(0.3, 2.0, 1.0, 0.01, 20.0);
        FokkerPlanckDiffusion eq7 = FokkerPlanckDiffusion.of(p);
        double av = p.totalInjectionRate();
        GeneralDiffusion g = GeneralDiffusion.of(eq7::drift, eq7::diffusion, eq7.stationary().mode());
        assertEquals(eq7.stationary().mean(), g.mean(), 1e-9 * g.mean()); // AV/x is singular at 0: ~1e-11
        assertEquals(eq7.stationary().variance(), g.variance(), 1e-10 * g.variance());
        assertEquals(eq7.zeroFrequencyNoise(), g.zeroFrequencyNoise(), 1e-9 * g.zeroFrequencyNoise());
        double[] q = g.probabilities(60);
        double[] r = eq7.stationary().probabilities(60);
        for (int n = 1; n <= 60; n++) {
            assertEquals(r[n], q[n], 1e-9 * r[n] + 1e-300, "N=" + n);
        }
        assertEquals(eq7.stationary().density(7.0), g.density(7.0), 1e-9 * g.density(7.0));
        assertEquals(0.5 * av, g.diffusion(3.0));
    }

    @Test
    void refinedReducesToEq7ForLargeN0() {
        // the refined coefficients differ from Eq. 7's by O(1/N0): relative moment gaps shrink like 1/N0
        double previous = Double.POSITIVE_INFINITY;
        for (double n0 : new double[] {10, 100, 1000}) {
            ModelParameters p = ModelParameters.withMeanFieldN0(n0, 1e-3, 1.0, 0.0, 1.0);
            double gap = Math.abs(GeneralDiffusion.refined(p).variance() / FokkerPlanckDistribution.of(p).variance() - 1);
            assertEquals(0.0, gap, 4.0 / n0);
            assertEquals(true, gap < previous);
            previous = gap;
        }
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> GeneralDiffusion.of(x -> 1.0, x -> 1.0, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> GeneralDiffusion.refined(ModelParameters.of(0.0, 1.0, 1.0, 0.1, 1.0)));
    }
}
