package org.qpspin.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.model.Aluminium;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Regime;
import org.qpspin.model.Scales;

class MeanFieldDynamicsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SR", ModelParameters.withMeanFieldN0(40, 0.5, 1.0, 1e-4, 20.0)),
                Arguments.of("TA", ModelParameters.withMeanFieldN0(40, 0.5, 1.0, 1e-2, Double.POSITIVE_INFINITY)),
                Arguments.of("unpolarized", ModelParameters.of(50.0, 30.0, 1.0, 1e-2, 2.0)),
                Arguments.of("aluminium stiff", Aluminium.withMeanFieldN0(2000, 2.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void longTimeLimitOfTheOdeIsTheNewtonFixedPoint(String name, ModelParameters p) {
        MeanFieldStationaryPoint fixed = MeanFieldStationaryPoint.of(p);
        assertTrue(fixed.converged(), fixed.toString());
        assertTrue(fixed.residual() < 1e-12, fixed.toString());
        assertTrue(fixed.isStable(), fixed.toString());
        MeanFieldTrajectory run = MeanFieldTrajectory.toLongTime(p, 10);
        assertEquals(fixed.meanN(), run.finalN(), 1e-7 * fixed.meanN(), name);
        assertEquals(fixed.meanM(), run.finalM(), 1e-7 * fixed.meanN(), name);
    }

    /**
     * Without triplet annihilation Eqs. 1–2 solve in closed form: Ṅ = 0 gives s m = AV²/(2Γ) = ζs N0², ṁ = 0 then
     * gives N − 2m = N0²/s, so s = N0 √(1+ζs), m = N0 ζs/√(1+ζs), N* = N0 (1+2ζs)/√(1+ζs) — above the Eqs. 3–4
     * value N0 by 3ζs/2 + O(ζs²), whatever N0.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"30, 0.02", "3000, 0.02", "300, 0.002", "30000, 1e-5"})
    void fullFixedPointWithoutTripletIsClosedForm(double n0, double zeta) {
        ModelParameters p = ModelParameters.withMeanFieldN0(n0, zeta * 10.0, 1.0, 0.0, 10.0);
        assertEquals(zeta, Scales.of(p).zetaS(), 1e-15);
        MeanFieldStationaryPoint full = MeanFieldStationaryPoint.of(p);
        double root = Math.sqrt(1.0 + zeta);
        assertEquals(n0 * (1 + 2 * zeta) / root, full.meanN(), 1e-13 * n0);
        assertEquals(n0 * zeta / root, full.meanM(), 1e-13 * n0);
        double gap = full.meanN() / n0 - 1.0;
        assertEquals(1.5 * zeta, gap, 0.7 * zeta * zeta);
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        ModelParameters p = ModelParameters.of(3.0, 2.0, 1.5, 0.1, 4.0);
        MeanFieldEquations eq = MeanFieldEquations.of(p);
        double n = 17.0;
        double m = 3.0;
        double[] j = new double[4];
        eq.jacobian(n, m, j);
        double h = 1e-6;
        double[] a = new double[2];
        double[] b = new double[2];
        eq.rates(n + h, m, a);
        eq.rates(n - h, m, b);
        assertEquals((a[0] - b[0]) / (2 * h), j[0], 1e-6);
        assertEquals((a[1] - b[1]) / (2 * h), j[2], 1e-6);
        eq.rates(n, m + h, a);
        eq.rates(n, m - h, b);
        assertEquals((a[0] - b[0]) / (2 * h), j[1], 1e-6);
        assertEquals((a[1] - b[1]) / (2 * h), j[3], 1e-6);
    }

    @Test
    void stiffnessIsTheSingletOverTheSpinRelaxationRate() {
        ModelParameters p = Aluminium.withMeanFieldN0(2000, 2.0);
        MeanFieldStationaryPoint f = MeanFieldStationaryPoint.of(p);
        // fast ≈ Γ N/V, slow ≈ 4/τs + ... (SR, polarized)
        assertEquals(p.singletRate() * f.meanN() / p.volume(), f.fastRate(), 0.05 * f.fastRate());
        assertTrue(f.stiffness() > 1e3, f.toString());
    }

    /** Points on either side of each line of Fig. 1, in units of the line's own variable. */
    @Test
    void regimeClassificationOnEitherSideOfEachLine() {
        double g = 1.0;
        double gt = 0.01;
        double tau = 1.0; // Vc = 1, Ac = 1e4, Nc = 100
        ModelParameters base = ModelParameters.of(1.0, 0.1, g, gt, tau);
        Scales s = Scales.of(base);
        double vc = s.criticalVolume();
        double ac = s.criticalInjectionRate();
        // V = Vc line (SR side: A small)
        double aSr = 1e-3 * ac;
        assertEquals(Regime.SPIN_RELAXATION, Regime.classify(ModelParameters.of(aSr, 0.9 * vc, g, gt, tau)));
        assertEquals(Regime.UNPOLARIZED, Regime.classify(ModelParameters.of(aSr, 1.1 * vc, g, gt, tau)));
        // A = Ac (Vc/V)^2 line at V = 0.01 Vc (TA side)
        double v = 0.01 * vc;
        double aLine = ac * (vc / v) * (vc / v);
        assertEquals(Regime.TRIPLET_ANNIHILATION, Regime.classify(ModelParameters.of(0.9 * aLine, v, g, gt, tau)));
        assertEquals(Regime.UNPOLARIZED, Regime.classify(ModelParameters.of(1.1 * aLine, v, g, gt, tau)));
        // SR/TA line A = V/(Γt² τs³) with its decade band
        double aCross = v / (gt * gt * tau * tau * tau);
        assertEquals(Regime.SPIN_RELAXATION, Regime.classify(ModelParameters.of(0.09 * aCross, v, g, gt, tau)));
        assertEquals(Regime.CROSSOVER, Regime.classify(ModelParameters.of(0.11 * aCross, v, g, gt, tau)));
        assertEquals(Regime.CROSSOVER, Regime.classify(ModelParameters.of(9.0 * aCross, v, g, gt, tau)));
        assertEquals(Regime.TRIPLET_ANNIHILATION, Regime.classify(ModelParameters.of(11.0 * aCross, v, g, gt, tau)));
        // and the mean-field N0 of Eq. 4 on the line is the N0 where the two limits are equal within a factor
        ModelParameters onLine = ModelParameters.of(aCross, v, g, gt, tau);
        double sr = MeanFieldFixedPoint.spinRelaxationLimit(onLine);
        double ta = MeanFieldFixedPoint.tripletAnnihilationLimit(onLine);
        assertEquals(1.0, sr / ta, 0.3);
    }

    @Test
    void badInput() {
        ModelParameters p = ModelParameters.of(1.0, 1.0, 1.0, 0.1, 1.0);
        assertThrows(IllegalArgumentException.class, () -> MeanFieldTrajectory.integrate(p, 1.0, 1.0, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> MeanFieldTrajectory.integrate(p, 4.0, 0.0, -1.0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> MeanFieldStationaryPoint.of(ModelParameters.of(0.0, 1.0, 1.0, 0.1, 1.0)));
    }
}
