package org.qpspin.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;

class FokkerPlanckDistributionTest {

    @Test
    void paperConstantsAreTheGammaFunctionMoments() {
        assertEquals(PaperLimits.SR_MEAN, PaperLimits.spinRelaxationMoment(1), 1e-15);
        assertEquals(PaperLimits.SR_SECOND_MOMENT, PaperLimits.spinRelaxationMoment(2), 1e-15);
        assertEquals(PaperLimits.TA_MEAN, PaperLimits.tripletAnnihilationMoment(1), 1e-15);
        assertEquals(PaperLimits.TA_SECOND_MOMENT, PaperLimits.tripletAnnihilationMoment(2), 1e-14);
        // the reflection formula step: Γ(5/3) (3/2)^{2/3}
        assertEquals(Gamma.gamma(5.0 / 3.0) * Math.pow(1.5, 2.0 / 3.0), PaperLimits.TA_SECOND_MOMENT, 1e-14);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 7.5, 1e4, 3e7})
    void quadratureMatchesEq8InTheSpinRelaxationLimit(double n0) {
        FokkerPlanckDistribution d = FokkerPlanckDistribution.spinRelaxationLimit(n0);
        assertEquals(PaperLimits.SR_MEAN, d.mean() / n0, 1e-12 * PaperLimits.SR_MEAN);
        assertEquals(PaperLimits.SR_SECOND_MOMENT, d.secondMoment() / (n0 * n0), 1e-12 * 1.5);
        assertTrue(d.quadratureError() < 1e-13, "quadrature error " + d.quadratureError());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 7.5, 1e4, 3e7})
    void quadratureMatchesEq9InTheTripletLimit(double n0) {
        FokkerPlanckDistribution d = FokkerPlanckDistribution.tripletAnnihilationLimit(n0);
        assertEquals(PaperLimits.TA_MEAN, d.mean() / n0, 1e-12 * PaperLimits.TA_MEAN);
        assertEquals(PaperLimits.TA_SECOND_MOMENT, d.secondMoment() / (n0 * n0), 1e-12 * PaperLimits.TA_SECOND_MOMENT);
        assertEquals(PaperLimits.tripletAnnihilationMoment(3) - 0.0, d.expectation(n -> n * n * n) / (n0 * n0 * n0),
                1e-12);
    }

    @Test
    void physicalParametersReachTheLimitsAndTheModeIsTheMeanFieldN0() {
        // no triplet: exactly the SR shape; no spin flips: exactly the TA shape
        ModelParameters sr = ModelParameters.of(3.0, 2.0, 1.0, 0.0, 5.0);
        FokkerPlanckDistribution dsr = FokkerPlanckDistribution.of(sr);
        double n0 = Math.sqrt(3.0 * 2.0 * 5.0 / 2.0);
        assertEquals(n0, dsr.mode(), 1e-14 * n0);
        assertEquals(PaperLimits.SR_MEAN * n0, dsr.mean(), 1e-12 * n0);
        ModelParameters ta = ModelParameters.of(3.0, 2.0, 1.0, 0.01, Double.POSITIVE_INFINITY);
        FokkerPlanckDistribution dta = FokkerPlanckDistribution.of(ta);
        double n0t = Math.cbrt(3.0 * 4.0 / 0.01);
        assertEquals(PaperLimits.TA_SECOND_MOMENT * n0t * n0t, dta.secondMoment(), 1e-12 * n0t * n0t);
        // both terms: the mode (zero of d ln P/dN) is Eq. 4's N0
        ModelParameters both = ModelParameters.of(0.3, 2.0, 1.0, 0.01, 20.0);
        FokkerPlanckDistribution d = FokkerPlanckDistribution.of(both);
        double m = MeanFieldFixedPoint.clusterSize(both);
        assertEquals(m, d.mode(), 1e-14 * m);
        double h = 1e-4 * m;
        double slope = (d.logDensity(m + h) - d.logDensity(m - h)) / (2 * h);
        assertEquals(0.0, slope * m, 1e-7);
        assertTrue(d.tripletWeight() > 0.0 && d.tripletWeight() < 1.0);
        // moments lie between the two limits, ordered by the weight
        assertTrue(d.meanOverMode() < PaperLimits.SR_MEAN && d.meanOverMode() > PaperLimits.TA_MEAN);
    }

    @Test
    void generalShapeAgainstAnIndependentIntegration() {
        // a, b both active: compare with Commons Math's adaptive Legendre–Gauss integrator on the raw form
        double a = 2.0 / (0.3 * 2.0 * 20.0);
        double b = 2.0 * 0.01 / (3.0 * 0.3 * 4.0);
        FokkerPlanckDistribution d = FokkerPlanckDistribution.ofCoefficients(a, b);
        org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator integrator =
                new org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator(16, 1e-15, 1e-300);
        double hi = d.upperEnd();
        double z = integrator.integrate(1_000_000, n -> n * n * Math.exp(-a * n * n - b * n * n * n), 0, hi);
        double m1 = integrator.integrate(1_000_000, n -> n * n * n * Math.exp(-a * n * n - b * n * n * n), 0, hi);
        assertEquals(m1 / z, d.mean(), 1e-12 * d.mean());
        assertEquals(d.density(3.0), 9.0 * Math.exp(-a * 9 - b * 27) / z, 1e-12 * d.density(3.0));
    }

    @Test
    void integerRestrictionSumsToOneAndMatchesTheDensity() {
        FokkerPlanckDistribution d = FokkerPlanckDistribution.spinRelaxationLimit(30.0);
        double[] q = d.probabilities(400);
        double sum = 0.0;
        for (double v : q) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-14);
        assertEquals(0.0, q[0]);
        // Euler–Maclaurin: the integer sum of a smooth density with P(0) = P'(0) = 0 equals the integral
        assertEquals(d.density(30.0), q[30], 1e-10 * q[30]);
    }

    @Test
    void gaussLegendreRuleMatchesCommonsMathsExtendedPrecisionRule() {
        org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator rule =
                new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory()
                        .legendreHighPrecision(GaussLegendrePanels.POINTS);
        for (int i = 0; i < GaussLegendrePanels.POINTS; i++) {
            assertEquals(rule.getPoint(i), GaussLegendrePanels.referenceNode(i), 4e-16);
            assertEquals(rule.getWeight(i), GaussLegendrePanels.referenceWeight(i), 4e-16);
        }
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> FokkerPlanckDistribution.ofCoefficients(0, 0));
        assertThrows(IllegalArgumentException.class, () -> FokkerPlanckDistribution.ofCoefficients(-1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> FokkerPlanckDistribution.of(ModelParameters.of(0.0, 1.0, 1.0, 0.1, 1.0)));
        assertThrows(IllegalArgumentException.class, () -> FokkerPlanckDistribution.spinRelaxationLimit(0.0));
    }
}
