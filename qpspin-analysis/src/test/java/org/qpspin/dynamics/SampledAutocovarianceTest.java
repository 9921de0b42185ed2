package org.qpspin.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.model.ModelParameters;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/** The sampled sequence's autocovariance against brute force and against the continuous-time limit. */
class SampledAutocovarianceTest {

    private static final ModelParameters P = ModelParameters.of(40, 1, 10, 0.5, 0.4);

    @Test
    void autocovarianceAndSumsMatchDenseBruteForce() {
        Generator gen = Generator.assemble(Prl2020RateModel.of(P), StateSpace.rectangle(24, 6));
        double[] p = StationarySolvers.gth().solve(gen).probabilities();
        int n = gen.size();
        for (Observable o : new Observable[] {Observable.particleNumber(), Observable.flippedSpins()}) {
            for (double dt : new double[] {0.01, 0.3}) {
                SampledCorrelation c = SampledAutocovariance.of(gen, p).compute(o, dt, 20, 1e-13);
                assertTrue(c.converged());
                // brute force: E = exp(L dt) dense, C_k = d^T E^k w
                DMatrixRMaj e = DenseExponential.expm(DenseExponential.dense(gen.matrix()), dt);
                double[] f = o.evaluate(gen.space());
                double mean = 0.0;
                for (int i = 0; i < n; i++) {
                    mean += p[i] * f[i];
                }
                double[] d = new double[n];
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = f[i] - mean;
                    w[i] = p[i] * d[i];
                }
                double[] v = w.clone();
                double c0 = dot(d, v);
                for (int k = 0; k <= 20; k++) {
                    assertEquals(dot(d, v), c.autocovariance(k), 1e-12 * c0, o.name() + " dt " + dt + " C_" + k);
                    v = DenseExponential.apply(e, v);
                }
                // the full sum: sum_{k>=1} E^k w = (I - E + p 1^T)^{-1} E w on the zero-sum subspace
                DMatrixRMaj a = CommonOps_DDRM.identity(n);
                CommonOps_DDRM.subtractEquals(a, e);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a.add(i, j, p[i]);
                    }
                }
                DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, DenseExponential.apply(e, w));
                DMatrixRMaj x = new DMatrixRMaj(n, 1);
                assertTrue(CommonOps_DDRM.solve(a, rhs, x));
                double tail = dot(d, x.data);
                assertEquals(0.5 + tail / c0, c.integratedAutocorrelation(), 1e-10 * (0.5 + tail / c0),
                        o.name() + " tau_int at dt " + dt);
                assertEquals(c0 + 2 * tail, c.spectrum(0.0), 1e-10 * (c0 + 2 * tail));
                // spectrum at theta = pi: sum (-1)^k C_k = d^T (I + E - ...)... brute force by summing the lags
                double alternating = c0;
                double[] u = w.clone();
                for (int k = 1; k < 4000; k++) {
                    u = DenseExponential.apply(e, u);
                    alternating += 2 * (k % 2 == 0 ? 1 : -1) * dot(d, u);
                }
                if (dt >= 0.3) {
                    assertEquals(alternating, c.spectrum(Math.PI), 1e-10 * c0, "S_d(pi)");
                }
            }
        }
    }

    @Test
    void smallIntervalsApproachTheContinuousZeroFrequencyNoise() {
        Generator gen = Generator.assemble(Prl2020RateModel.of(P), StateSpace.rectangle(30, 8));
        StationaryFactorization fac = StationarySolvers.gth().factorize(gen);
        double[] p = fac.stationary().probabilities();
        NoiseAnalysis noise = NoiseAnalysis.of(gen, fac);
        double s0 = noise.zeroFrequency(Observable.particleNumber()).zeroFrequency();
        double var = noise.zeroFrequency(Observable.particleNumber()).variance();
        double tau = s0 / (2 * var);
        // Euler-Maclaurin for the trapezoid rule on C(|t|) (T(h) = ∫ − h² f'(0)/12 + h⁴ f'''(0)/720 + O(h⁶)):
        // dt S_d(0) = S(0) − dt² C'(0)/6 + dt⁴ C'''(0)/360 + O(dt⁶), C^(j)(0) = dᵀ L^j (p∘d)
        double[] f = Observable.particleNumber().evaluate(gen.space());
        double mean = 0.0;
        for (int i = 0; i < f.length; i++) {
            mean += p[i] * f[i];
        }
        double[] d = new double[f.length];
        double[] w = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i] - mean;
            w[i] = p[i] * d[i];
        }
        double[] lw = new double[f.length];
        gen.multiply(w, lw);
        double slope = dot(d, lw);
        double[] l2w = new double[f.length];
        double[] l3w = new double[f.length];
        gen.multiply(lw, l2w);
        gen.multiply(l2w, l3w);
        double third = dot(d, l3w);
        SampledAutocovariance sampler = SampledAutocovariance.of(gen, p);
        for (double fraction : new double[] {0.05, 0.01}) {
            double dt = fraction * tau;
            SampledCorrelation c = sampler.compute(Observable.particleNumber(), dt, 0, 1e-13);
            double limit = s0 - dt * dt * slope / 6 + Math.pow(dt, 4) * third / 360;
            assertEquals(limit, c.aliasedSpectrum(0.0), 1e-10 * s0,
                    "dt S_d(0) at dt = " + fraction + " tau");
            assertEquals(var, c.variance(), 1e-12 * var);
            // dt tau_int -> tau = S(0)/(2 Var)
            assertEquals(tau, c.integratedTime(), 2 * fraction * fraction * tau);
        }
    }

    /**
     * Δt = 3 τ_N on an SR chain (the automatic truncation, 901 states, as {@code validate} builds it), where the
     * C_k fall by a factor ≈ 15 per lag: ‖v_k‖₁ reaches the noise floor at lag 12 while the last four lags' max
     * (C_9) × ρ/(1 − ρ) is still 1.4 × the tolerance. Before the fix the sum was reported unconverged there (and at
     * 4 τ_N), and {@code validate} fell back to the continuous τ_N (200 of 200 correct seeds rejected). C_k at
     * 3 Δt is C_{3k} at Δt, so the converged Δt = τ_N sequence checks the values.
     */
    @Test
    void fastDecayAtSeveralCorrelationTimesConverges() {
        StationaryAnalysis a = StationaryAnalysis.factorize(Prl2020RateModel.of(ModelParameters.of(200, 1, 10, 0, 1)),
                Truncation.automatic(1e-10), StationarySolvers.auto());
        double tau = NoiseAnalysis.of(a.generator(), a.factorization()).zeroFrequency(Observable.particleNumber())
                .correlationTime();
        SampledAutocovariance sampler = SampledAutocovariance.of(a.generator(), a.result().probabilitiesView());
        SampledCorrelation fine = sampler.compute(Observable.particleNumber(), tau, 0, 1e-12);
        assertTrue(fine.converged());
        SampledCorrelation coarse = sampler.compute(Observable.particleNumber(), 3 * tau, 0, 1e-12);
        assertTrue(coarse.converged(), "dt = 3 tau_N: " + coarse);
        double sum = 0.5;
        for (int k = 3; k < fine.autocovariance().length; k += 3) {
            sum += fine.autocorrelation(k);
        }
        assertEquals(sum, coarse.integratedAutocorrelation(), 1e-10, "tau_int at dt = 3 tau_N");
    }

    /**
     * The stall that used to run the lags on for minutes: with the dense GTH vector of the SR chain of {@link
     * #fastDecayAtSeveralCorrelationTimesConverges} (rectangle 68 × 16, 901 states), Σ v_0 = Σ p_i (N_i − ⟨N⟩) is
     * the rounding of the mean, a multiple of p that e^{LΔt} keeps: ‖v_k‖₁ stalled just above the old noise floor,
     * the norm ratios went to 1, and at Δt = 3 τ_N (and at the event-sampling Δt ≈ 0.013 τ_N) the loop ran
     * towards {@link SampledAutocovariance#MAX_LAGS} (stopped after 15 min; 8 s here without an end). Now: 10 and
     * 2 705 lags, converged (without the projection along p, 0.013 τ_N still stalls: unconverged at a 20 000-lag
     * cap; without the halfRange term at every lag, 3 τ_N does). Values: at 3 τ_N, Σ C_{3k} of the Δt = τ_N
     * sequence of the auto solver's vector (another vector and another Δt); at 0.013 τ_N, the auto vector's sum.
     */
    @Test
    void roundingShareOfTheStationaryVectorDoesNotStallTheLags() {
        Generator gen = Generator.assemble(Prl2020RateModel.of(ModelParameters.of(200, 1, 10, 0, 1)),
                StateSpace.rectangle(68, 16));
        StationaryFactorization auto = StationarySolvers.auto().factorize(gen);
        double tau = NoiseAnalysis.of(gen, auto).zeroFrequency(Observable.particleNumber()).correlationTime();
        SampledAutocovariance gth = SampledAutocovariance.of(gen, StationarySolvers.gth().solve(gen).probabilities());
        SampledAutocovariance other = SampledAutocovariance.of(gen, auto.stationary().probabilitiesView());

        SampledCorrelation coarse = gth.compute(Observable.particleNumber(), 3 * tau, 0, 1e-12);
        assertTrue(coarse.converged(), coarse.toString());
        assertTrue(coarse.autocovariance().length - 1 <= 12, "lags: " + (coarse.autocovariance().length - 1));
        SampledCorrelation fine = other.compute(Observable.particleNumber(), tau, 0, 1e-12);
        assertTrue(fine.converged());
        double sum = 0.5;
        for (int k = 3; k < fine.autocovariance().length; k += 3) {
            sum += fine.autocorrelation(k);
        }
        assertEquals(sum, coarse.integratedAutocorrelation(), 1e-10, "tau_int at dt = 3 tau_N");

        SampledCorrelation events = gth.compute(Observable.particleNumber(), 0.013 * tau, 0, 1e-12);
        assertTrue(events.converged(), "dt = 0.013 tau_N: lags " + (events.autocovariance().length - 1));
        assertTrue(events.autocovariance().length - 1 <= 2800, "lags: " + (events.autocovariance().length - 1));
        SampledCorrelation reference = other.compute(Observable.particleNumber(), 0.013 * tau, 0, 1e-12);
        assertEquals(reference.integratedAutocorrelation(), events.integratedAutocorrelation(),
                1e-10 * reference.integratedAutocorrelation(), "tau_int at dt = 0.013 tau_N");
    }

    /**
     * The cap: a sequence stopped by {@code maxLags} before its tail meets the tolerance is reported unconverged,
     * with exactly the cap's lags, the same C_k as the uncapped run and a tail estimate above the tolerance.
     */
    @Test
    void theLagCapIsReportedAsUnconverged() {
        Generator gen = Generator.assemble(Prl2020RateModel.of(P), StateSpace.rectangle(24, 6));
        double[] p = StationarySolvers.gth().solve(gen).probabilities();
        SampledAutocovariance sampler = SampledAutocovariance.of(gen, p);
        SampledCorrelation full = sampler.compute(Observable.particleNumber(), 0.01, 0, 1e-12);
        assertTrue(full.converged());
        int cap = (full.autocovariance().length - 1) / 2;
        SampledCorrelation capped = sampler.compute(Observable.particleNumber(), 0.01, 0, 1e-12, cap,
                ProgressListener.NONE);
        assertFalse(capped.converged());
        assertEquals(cap + 1, capped.autocovariance().length);
        assertTrue(capped.tailBound() > 1e-12 * capped.variance(), "tail " + capped.tailBound());
        for (int k = 0; k <= cap; k++) {
            assertEquals(full.autocovariance(k), capped.autocovariance(k), 0.0, "C_" + k);
        }
    }

    /** The lag loop's progress: one phase, monotone to its total, and not one bit of the result changed. */
    @Test
    void progressIsMonotoneEndsAtItsTotalAndChangesNoBit() {
        Generator gen = Generator.assemble(Prl2020RateModel.of(P), StateSpace.rectangle(24, 6));
        double[] p = StationarySolvers.gth().solve(gen).probabilities();
        SampledAutocovariance sampler = SampledAutocovariance.of(gen, p);
        for (double dt : new double[] {0.01, 0.3}) {
            SampledCorrelation plain = sampler.compute(Observable.particleNumber(), dt, 3, 1e-12);
            ProgressRecorder recorder = new ProgressRecorder();
            SampledCorrelation listened = sampler.compute(Observable.particleNumber(), dt, 3, 1e-12,
                    SampledAutocovariance.MAX_LAGS, recorder);
            recorder.assertComplete();
            assertEquals(List.of("exact autocovariance: lags"), recorder.phases);
            assertArrayEquals(plain.autocovariance(), listened.autocovariance(), 0.0);
            assertEquals(plain.tailBound(), listened.tailBound(), 0.0);
            assertEquals(plain.converged(), listened.converged());
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
