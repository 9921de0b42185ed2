package org.qpspin.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The aluminium preset against docs/model.md's constants, computed here by hand. */
class AluminiumTest {

    @Test
    void singletRateFromMicroscopicConstants() {
        // Gamma = 4 (Delta/Tc)^3 / (tau0 nu Delta): 1.76^3 = 5.451776; tau0 nu Delta = 400e-9 s * 17.2 eV^-1 nm^-3
        // * 168e-6 eV = 1.15584e-9 s nm^-3; 1 nm^3 = 1e-9 um^3
        double byHand = 4 * 5.451776 / 1.15584e-9 * 1e-9;
        assertEquals(byHand, Aluminium.singletRate(), 1e-12 * byHand);
        assertEquals(18.87, Aluminium.singletRate(), 0.005); // docs/model.md: "Gamma ≈ 18 s^-1 um^3"
    }

    @Test
    void tripletRateAndCriticalClusterSize() {
        assertEquals(1e-4 * Aluminium.singletRate(), Aluminium.tripletRate(), 1e-18);
        ModelParameters p = Aluminium.parameters(1.0, 1e-3);
        assertEquals(1e4, Scales.of(p).criticalClusterSize(), 1e-8); // Nc = 1/alpha^2
    }

    @Test
    void spinFlipTimeFromMicroscopicConstants() {
        // tau_s = tau0 / (alpha^2 (de/Delta)^{7/2}) = 400e-9 / (1e-4 * 0.1^3.5); 0.1^3.5 = 3.16227766e-4
        double byHand = 400e-9 / (1e-4 * 3.1622776601683795e-4);
        assertEquals(byHand, Aluminium.spinFlipTime(), 1e-12 * byHand);
        assertEquals(12.65, Aluminium.spinFlipTime(), 0.005); // docs/model.md: "tau_s ≈ 10 s"
    }

    @Test
    void papersTripletExampleNoiseTime() {
        // docs/model.md: TA, N0 = 1e4, V = (100 nm)^3 gives t_f ≈ 0.5e-4 s. (N0 = 1e4 = Nc puts the example on the
        // edge of the polarized region, A ≈ Ac (Vc/V)^2; t_f does not depend on that.)
        ModelParameters p = Aluminium.withMeanFieldN0(1e4, 1e-3);
        assertTrue(Regime.crossoverVariable(p) > 1e3); // far on the TA side of the SR→TA line
        double tf = Scales.of(p).tripletNoiseTime();
        assertEquals(5.3e-5, tf, 0.05e-5);
    }
}
