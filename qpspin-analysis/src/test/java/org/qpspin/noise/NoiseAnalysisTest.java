package org.qpspin.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationarySolvers;

class NoiseAnalysisTest {

    private static NoiseAnalysis analysis(Generator g) {
        return NoiseAnalysis.of(g, StationarySolvers.gth().factorize(g));
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1.0", "3.0, 0.25", "1e-3, 7.0"})
    void twoStateChainMatchesClosedForm(double up, double down) {
        Generator g = Generator.assemble(TestChains.twoState(up, down), StateSpace.rectangle(1, 0));
        NoiseAnalysis a = analysis(g);
        double gamma = up + down;
        double var = up * down / (gamma * gamma);
        ZeroFrequencyNoise z = a.zeroFrequency(Observable.particleNumber());
        assertEquals(var, z.variance(), 1e-15 * var);
        assertEquals(2 * var / gamma, z.zeroFrequency(), 1e-13 * var / gamma);
        assertEquals(1.0 / gamma, z.correlationTime(), 1e-13 / gamma);
        double[] omega = {0.0, 0.1 * gamma, gamma, 10 * gamma, 1e3 * gamma};
        for (SpectrumOptions.Route route : SpectrumOptions.Route.values()) {
            NoiseSpectrum s = a.spectrum(Observable.particleNumber(), omega,
                    SpectrumOptions.defaults().withRoute(route));
            double[] v = s.values();
            for (int i = 0; i < omega.length; i++) {
                double exact = 2 * var * gamma / (omega[i] * omega[i] + gamma * gamma);
                assertEquals(exact, v[i], 1e-12 * exact, route + " at omega " + omega[i]);
            }
        }
    }

    @Test
    void immigrationDeathHasOneLorentzianAndIntegerRates() {
        double birth = 5.0;
        double death = 2.0;
        double nu = birth / death;
        // Poisson(2.5) beyond N = 60 has mass < 1e-50: truncation invisible in double precision
        Generator g = Generator.assemble(TestChains.immigrationDeath(birth, death), StateSpace.rectangle(60, 0));
        NoiseAnalysis a = analysis(g);
        ZeroFrequencyNoise z = a.zeroFrequency(Observable.particleNumber());
        assertEquals(nu, z.variance(), 1e-12 * nu);
        assertEquals(2 * nu / death, z.zeroFrequency(), 1e-11 * nu / death);
        double[] omega = logGrid(1e-3, 1e3, 41);
        NoiseSpectrum s = a.spectrum(Observable.particleNumber(), omega);
        double[] v = s.values();
        for (int i = 0; i < omega.length; i++) {
            double exact = 2 * nu * death / (omega[i] * omega[i] + death * death);
            assertEquals(exact, v[i], 1e-10 * exact, "omega " + omega[i]);
        }
        // the mode expansion carries the variance in the single mode gamma = death
        List<RelaxationMode> modes = s.modes();
        RelaxationMode heaviest = modes.get(0);
        for (RelaxationMode m : modes) {
            if (Math.abs(m.weight()) > Math.abs(heaviest.weight())) {
                heaviest = m;
            }
        }
        assertEquals(death, heaviest.rate(), 1e-10 * death);
        assertEquals(nu, heaviest.weight(), 1e-9 * nu);
        RelaxationSpectrum r = a.relaxationSpectrum(4);
        double[] rates = r.rates();
        for (int k = 0; k < 4; k++) {
            assertEquals((k + 1) * death, rates[k], 1e-10 * (k + 1) * death, "eigenvalue " + (k + 1));
            assertTrue(r.residuals()[k] < 1e-10, "residual " + r.residuals()[k]);
        }
    }

    @Test
    void zeroFrequencyEqualsLowFrequencyLimitOfShiftedSolves() {
        Generator g = prlChain();
        NoiseAnalysis a = analysis(g);
        for (Observable o : List.of(Observable.particleNumber(), Observable.flippedSpins(),
                Observable.totalSpin(), Observable.of("N^2", (n, m) -> (double) n * n))) {
            ZeroFrequencyNoise z = a.zeroFrequency(o);
            double slow = 1.0 / z.correlationTime();
            double w = 1e-6 * slow;
            ShiftedResolvent direct = new ShiftedResolvent(g);
            NoiseAnalysis.Centred c = a.centre(o);
            double sw = direct.spectrum(w, c.deviation, c.weighted);
            assertEquals(z.zeroFrequency(), sw, 1e-9 * z.zeroFrequency(), o.name());
            assertTrue(z.relativeResidual() < 1e-12, "residual " + z.relativeResidual());
        }
    }

    @Test
    void crossSpectrumIsBilinearAndMatchesAutoSpectra() {
        NoiseAnalysis a = analysis(prlChain());
        Observable n = Observable.particleNumber();
        Observable m = Observable.flippedSpins();
        Observable s = Observable.totalSpin();
        double snn = a.zeroFrequency(n).zeroFrequency();
        double smm = a.zeroFrequency(m).zeroFrequency();
        double snm = a.crossZeroFrequency(n, m);
        assertEquals(snn, a.crossZeroFrequency(n, n), 1e-12 * snn);
        // S = N/2 − m: S_SS = S_NN/4 − S_Nm + S_mm
        double sss = a.zeroFrequency(s).zeroFrequency();
        assertEquals(sss, snn / 4 - snm + smm, 1e-9 * (snn + smm));
    }

    @Test
    void krylovAndDirectAgreeOnPrlChainAndSumRuleHolds() {
        Generator g = prlChain();
        NoiseAnalysis a = analysis(g);
        ZeroFrequencyNoise z = a.zeroFrequency(Observable.particleNumber());
        double gamma = 1.0 / z.correlationTime();
        double[] omega = logGrid(1e-3 * gamma, 1e3 * gamma, 60);
        NoiseSpectrum k = a.spectrum(Observable.particleNumber(), omega,
                SpectrumOptions.defaults().withRoute(SpectrumOptions.Route.MODES));
        NoiseSpectrum d = a.spectrum(Observable.particleNumber(), omega,
                SpectrumOptions.defaults().withRoute(SpectrumOptions.Route.DIRECT));
        assertTrue(k.krylovConverged(), "Krylov not converged: dim " + k.krylovDimension());
        double[] kv = k.values();
        double[] dv = d.values();
        for (int i = 0; i < omega.length; i++) {
            assertEquals(dv[i], kv[i], 1e-8 * dv[i], "omega " + omega[i]);
            assertEquals(kv[i], k.fromModes(omega[i]), 1e-8 * kv[i], "mode rebuild at " + omega[i]);
        }
        assertEquals(1.0, k.modeSumRuleRatio(), 1e-10);
        // sum rule by quadrature on a fine grid spanning every rate of the chain (direct route: independent of
        // the Krylov construction, which satisfies it by design). Simpson in u = ln ω (error O(du⁴) ≈ 1e-7 here)
        // plus the tails S(0)·ω_min and S(ω_max)·ω_max; the built-in diagnostic is the O(du²) trapezoid.
        double[] fine = logGrid(1e-4 * gamma, 1e6 * gamma, 1001);
        NoiseSpectrum f = a.spectrum(Observable.particleNumber(), fine,
                SpectrumOptions.defaults().withRoute(SpectrumOptions.Route.DIRECT));
        double[] fv = f.values();
        double du = Math.log(fine[1] / fine[0]);
        double simpson = 0.0;
        for (int i = 0; i + 2 < fine.length; i += 2) {
            simpson += du / 3 * (fv[i] * fine[i] + 4 * fv[i + 1] * fine[i + 1] + fv[i + 2] * fine[i + 2]);
        }
        int last = fine.length - 1;
        simpson += f.zeroFrequency() * fine[0] + fv[last] * fine[last];
        assertEquals(f.variance(), simpson / Math.PI, 1e-6 * f.variance());
        assertEquals(1.0, f.sumRuleRatio(), 2e-4);
        // far above every rate S → 2D/ω²
        double top = fine[last];
        assertEquals(2 * f.highFrequencyCoefficient() / (top * top), fv[last], 1e-4 * fv[last]);
    }

    @Test
    void varianceFreeObservableHasZeroNoise() {
        NoiseAnalysis a = analysis(prlChain());
        Observable one = Observable.of("1", (n, m) -> 1.0);
        assertEquals(0.0, a.zeroFrequency(one).zeroFrequency(), 1e-30);
        NoiseSpectrum s = a.spectrum(one, new double[] {0.0, 1.0});
        assertEquals(0.0, s.values()[1], 1e-30);
        assertFalse(Double.isNaN(s.zeroFrequency()));
    }

    @Test
    void inaccurateGroupInverseIsAnErrorNotANumber() {
        Generator g = prlChain();
        org.qpspin.stationary.StationaryFactorization good = StationarySolvers.gth().factorize(g);
        org.qpspin.stationary.StationaryFactorization sloppy = new org.qpspin.stationary.StationaryFactorization() {
            @Override
            public org.qpspin.stationary.StationaryResult stationary() {
                return good.stationary();
            }

            @Override
            public void solveGroupInverse(double[] b, double[] x) {
                good.solveGroupInverse(b, x);
                double size = 0.0;
                for (double v : x) {
                    size += Math.abs(v);
                }
                x[x.length / 2] += 1e-6 * size; // a solver that keeps only six digits somewhere
            }

            @Override
            public String solver() {
                return "sloppy";
            }
        };
        NoiseAnalysis a = NoiseAnalysis.of(g, sloppy);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> a.zeroFrequency(Observable.particleNumber()));
        assertTrue(e.getMessage().contains("sloppy"), e.getMessage());
    }

    static Generator prlChain() {
        ModelParameters p = ModelParameters.of(40.0, 1.0, 10.0, 0.5, 0.4);
        return Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle(36, 8));
    }

    static double[] logGrid(double lo, double hi, int points) {
        double[] w = new double[points];
        for (int i = 0; i < points; i++) {
            w[i] = lo * Math.pow(hi / lo, i / (double) (points - 1));
        }
        return w;
    }
}
