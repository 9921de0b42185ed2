package org.qpspin.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qpspin.meanfield.MeanFieldFixedPoint;

/** Validation names the parameter and its range; the derived scales follow docs/model.md's definitions. */
class ModelParametersTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static ModelParameters build(String which, double bad) {
        double a = 10;
        double v = 1;
        double g = 5;
        double gt = 0.1;
        double tau = 2;
        switch (which) {
            case "A":
                a = bad;
                break;
            case "V":
                v = bad;
                break;
            case "Gamma":
                g = bad;
                break;
            case "Gamma_t":
                gt = bad;
                break;
            default:
                tau = bad;
        }
        return ModelParameters.of(a, v, g, gt, tau);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "A, -1, injection rate A", "A, NaN, injection rate A", "A, Infinity, injection rate A",
        "V, 0, volume V", "V, -2, volume V", "V, NaN, volume V", "V, Infinity, volume V",
        "Gamma, -0.5, singlet rate Gamma", "Gamma, NaN, singlet rate Gamma", "Gamma, Infinity, singlet rate Gamma",
        "Gamma_t, -1e-3, triplet rate Gamma_t", "Gamma_t, NaN, triplet rate Gamma_t",
        "tau_s, 0, spin-flip time tau_s", "tau_s, -1, spin-flip time tau_s", "tau_s, NaN, spin-flip time tau_s",
        "tau_s, -Infinity, spin-flip time tau_s"})
    void invalidValueIsRejectedNamingTheParameter(String which, double bad, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build(which, bad));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage()); // echoes the value given
    }

    @Test
    void noLossChannelMeansNoStationaryState() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelParameters.of(1, 1, 5, 0, INF));
        assertTrue(e.getMessage().contains("no stationary state") && e.getMessage().contains("Gamma_t"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelParameters.of(1, 1, 0, 0, 3));
        assertTrue(e.getMessage().contains("no stationary state"), e.getMessage());
    }

    @Test
    void zeroInjectionAndInfiniteSpinFlipTimeAreValid() {
        assertEquals(0.0, ModelParameters.of(0, 1, 5, 0.1, 2).totalInjectionRate());
        ModelParameters p = ModelParameters.of(3, 2, 5, 0.1, INF);
        assertEquals(0.0, p.spinFlipRate());
        assertEquals(6.0, p.totalInjectionRate());
    }

    @Test
    void scalesFollowTheirDefinitions() {
        // A = 3, V = 2, Gamma = 5, Gamma_t = 0.25, tau_s = 4, by hand:
        ModelParameters p = ModelParameters.of(3, 2, 5, 0.25, 4);
        Scales s = Scales.of(p);
        assertEquals(20.0, s.criticalVolume(), 1e-14);                    // Vc = 5 * 4
        assertEquals(5.0, s.criticalInjectionRate(), 1e-14);              // Ac = 5 / (0.25 * 4)^2
        assertEquals(20.0, s.criticalClusterSize(), 1e-14);               // Nc = 5 / 0.25
        assertEquals(Math.sqrt(1.2), s.unpolarizedDensity(), 1e-15);      // c0 = (2 * 3 / 5)^1/2
        assertEquals(2 * Math.sqrt(1.2), s.unpolarizedClusterSize(), 1e-14);
        assertEquals(0.1, s.zetaS(), 1e-15);                              // V / Vc
        assertEquals(Math.cbrt(12.0 / 2000.0) / 2, s.zetaT(), 1e-15);     // (A V^2 / (Ac Vc^2))^1/3 / 2
        assertEquals(1.0 / Math.cbrt(3 * 0.0625 / 2), s.tripletNoiseTime(), 1e-14); // (A Gt^2 / V)^-1/3
    }

    @Test
    void meanFieldN0TargetIsMet() {
        ModelParameters p = ModelParameters.withMeanFieldN0(37.0, 0.5, 5, 0.01, 3);
        assertEquals(37.0, MeanFieldFixedPoint.clusterSize(p), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelParameters.withMeanFieldN0(-3, 0.5, 5, 0.01, 3));
        assertTrue(e.getMessage().contains("N0"), e.getMessage());
    }
}
