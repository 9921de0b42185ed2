package org.qpspin.crosscheck;

import org.qpspin.model.ModelParameters;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.noise.ZeroFrequencyNoise;
import org.qpspin.rates.ExactSpinRateModel;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * How much the paper's m ≪ N approximation moves the exact statistics: one parameter set solved with the PRL 2020
 * rates and with the exact-spin rates (same truncation rule, same solver), and the relative change
 * exact-spin / PRL 2020 − 1 of ⟨N⟩, Var N, ⟨m⟩ and S_N(0) (two-sided, docs/model.md's convention).
 *
 * <p>The two families of the comparison, both with Γ = 1 and both parameterized by x = 2 m0/N0 (the
 * polarization parameter of the mean field, which the paper's expansion is in):
 * <ul>
 *   <li>TA ({@link #triplet}): τs = ∞, V = 1, Γt = x/N0, so that x = N0/Nc exactly;</li>
 *   <li>SR ({@link #spinRelaxation}): Γt = 0 (Nc = ∞), τs = 1, V = x/2, so that x = 2V/Vc = 2 m0/N0.</li>
 * </ul>
 * Each side carries its truncation cost; a side the solver cannot reach is reported, not guessed.
 */
public final class ModelComparison {

    /** One model's solution. */
    public record Side(String rateModel, double meanN, double varianceN, double meanM, double noiseN, int states,
                       double relativeOmittedFlux, String solver, double seconds) {
    }

    /** One compared point: its family and x, the parameters, the two sides. */
    public record Point(String family, double x, ModelParameters parameters, Side prl2020, Side exactSpin) {

        /** {@return relative change of ⟨N⟩, exact-spin / PRL 2020 − 1} */
        public double meanNChange() {
            return exactSpin.meanN() / prl2020.meanN() - 1.0;
        }

        /** {@return relative change of Var N} */
        public double varianceNChange() {
            return exactSpin.varianceN() / prl2020.varianceN() - 1.0;
        }

        /** {@return relative change of ⟨m⟩} */
        public double meanMChange() {
            return exactSpin.meanM() / prl2020.meanM() - 1.0;
        }

        /** {@return relative change of S_N(0)} */
        public double noiseNChange() {
            return exactSpin.noiseN() / prl2020.noiseN() - 1.0;
        }

        /** {@return the largest |relative change| of the four} */
        public double largestChange() {
            return Math.max(Math.max(Math.abs(meanNChange()), Math.abs(varianceNChange())),
                    Math.max(Math.abs(meanMChange()), Math.abs(noiseNChange())));
        }
    }

    private ModelComparison() {
    }

    /**
     * {@return the TA family point: Γ = 1, τs = ∞, V = 1, Γt = x/N0 (x = N0/Nc), A from the mean-field N0 (Eq. 4)}
     *
     * @param n0 the mean-field N0 (&gt; 0)
     * @param x N0/Nc (&gt; 0)
     */
    public static ModelParameters triplet(double n0, double x) {
        return ModelParameters.withMeanFieldN0(n0, 1.0, 1.0, x / n0, Double.POSITIVE_INFINITY);
    }

    /**
     * {@return the SR family point: Γ = 1, Γt = 0, τs = 1, V = x/2 (x = 2V/Vc = 2 m0/N0), A from N0 (Eq. 4)}
     *
     * @param n0 the mean-field N0 (&gt; 0)
     * @param x 2V/Vc (&gt; 0)
     */
    public static ModelParameters spinRelaxation(double n0, double x) {
        return ModelParameters.withMeanFieldN0(n0, x / 2.0, 1.0, 0.0, 1.0);
    }

    /**
     * Solves {@code p} with both rate models and compares.
     *
     * @param family     a label ("SR", "TA", "map")
     * @param x          the path variable, reported as given
     * @param truncation the truncation rule used for both sides
     * @param solver     the stationary solver used for both sides
     * @param p the model parameters solved with both rate models
     * @return the point: both results and their relative changes
     * @throws IllegalArgumentException when a side cannot be solved within the truncation's limits
     */
    public static Point compare(String family, double x, ModelParameters p, Truncation truncation,
                                StationarySolver solver) {
        Side prl = solve(Prl2020RateModel.of(p), truncation, solver);
        Side exact = solve(ExactSpinRateModel.of(p), truncation, solver);
        return new Point(family, x, p, prl, exact);
    }

    /** One side: the stationary moments and S_N(0) from the same factorization (LU again if its check fails). */
    static Side solve(RateModel rates, Truncation truncation, StationarySolver solver) {
        long t0 = System.nanoTime();
        StationaryAnalysis sa = StationaryAnalysis.factorize(rates, truncation, solver);
        ZeroFrequencyNoise noise;
        try {
            noise = NoiseAnalysis.of(sa.generator(), sa.factorization()).zeroFrequency(Observable.particleNumber());
        } catch (IllegalStateException e) { // the group-inverse residual guard: same truncation, sparse LU
            sa = sa.refactorize(StationarySolvers.lu());
            noise = NoiseAnalysis.of(sa.generator(), sa.factorization()).zeroFrequency(Observable.particleNumber());
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return new Side(rates.name(), sa.result().meanN(), sa.result().varianceN(), sa.result().meanM(),
                noise.zeroFrequency(), sa.result().states(), sa.result().relativeOmittedFlux(), sa.result().solver(),
                seconds);
    }
}
