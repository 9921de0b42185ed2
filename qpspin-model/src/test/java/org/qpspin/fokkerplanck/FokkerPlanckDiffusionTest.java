package org.qpspin.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;

class FokkerPlanckDiffusionTest {

    private static final ModelParameters BOTH = ModelParameters.of(0.3, 2.0, 1.0, 0.01, 20.0);

    @Test
    void eq7IsTheZeroFluxSolution() {
        FokkerPlanckDiffusion fp = FokkerPlanckDiffusion.of(BOTH);
        FokkerPlanckDistribution d = fp.stationary();
        for (double n : new double[] {0.5, 3.0, d.mode(), 2.5 * d.mode()}) {
            double h = 1e-5 * n;
            double slope = (d.logDensity(n + h) - d.logDensity(n - h)) / (2 * h);
            // zero flux: F P = D P'  <=>  d ln P/dN = F/D
            assertEquals(fp.drift(n) / fp.diffusion(n), slope, 1e-7 * Math.abs(2.0 / n), "at N=" + n);
        }
        assertEquals(0.0, fp.drift(MeanFieldFixedPoint.clusterSize(BOTH)), 1e-12 * BOTH.totalInjectionRate());
    }

    /** The limit coefficients, against the paper's rounded 0.5 (SR) and 0.6 (TA): documented in validation.md. */
    @Test
    void limitNoiseCoefficients() {
        double[] c = FokkerPlanckDiffusion.limitNoiseCoefficients();
        assertEquals(0.48202, c[0], 1e-5);
        assertEquals(0.55999, c[1], 1e-5);
        assertEquals(PaperLimits.SR_NOISE, c[0], 0.05); // rounds to the paper's one-digit value
        assertEquals(PaperLimits.TA_NOISE, c[1], 0.05);
        // and a physical parameter set in each limit gives the same number
        ModelParameters sr = ModelParameters.of(3.0, 2.0, 1.0, 0.0, 5.0);
        assertEquals(c[0], FokkerPlanckDiffusion.of(sr).noiseOverVarianceTimesSpinFlipTime(), 1e-12);
        ModelParameters ta = ModelParameters.of(3.0, 2.0, 1.0, 0.01, Double.POSITIVE_INFINITY);
        assertEquals(c[1], FokkerPlanckDiffusion.of(ta).noiseOverVarianceTimesTripletTime(), 1e-12);
    }

    /** The same integral by an independent, low-order route: trapezoid sums on a fine grid, Φ from the nearer end. */
    @Test
    void noiseAgainstAnIndependentTrapezoidSum() {
        FokkerPlanckDiffusion fp = FokkerPlanckDiffusion.of(BOTH);
        FokkerPlanckDistribution d = fp.stationary();
        double mean = d.mean();
        int k = 400_000;
        double h = d.upperEnd() / k;
        double[] c = new double[k + 1];
        for (int i = 1; i <= k; i++) {
            double x = i * h;
            c[i] = (x - mean) * d.density(x);
        }
        double[] left = new double[k + 1];
        for (int i = 1; i <= k; i++) {
            left[i] = left[i - 1] + 0.5 * h * (c[i - 1] + c[i]);
        }
        double[] right = new double[k + 1];
        for (int i = k - 1; i >= 0; i--) {
            right[i] = right[i + 1] + 0.5 * h * (c[i] + c[i + 1]);
        }
        double sum = 0.0;
        for (int i = 1; i < k; i++) {
            double x = i * h;
            double phi = x <= mean ? left[i] : -right[i];
            sum += h * phi * phi / (fp.diffusion(x) * d.density(x));
        }
        double s = 2.0 * sum;
        assertEquals(s, fp.zeroFrequencyNoise(), 1e-8 * s);
        assertTrue(fp.noiseQuadratureError() < 1e-13, "error " + fp.noiseQuadratureError());
    }
}
