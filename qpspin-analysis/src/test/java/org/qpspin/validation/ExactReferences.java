package org.qpspin.validation;

import org.qpspin.generator.Generator;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/** Exact answers for the Monte Carlo tests: dense GTH on an explicit triangle (small chains only). */
final class ExactReferences {

    private ExactReferences() {
    }

    /** The exact P(N, m) on the triangle N ≤ nMax; fails if the truncation is not negligible. */
    static ExactDistribution distribution(RateModel rates, int nMax) {
        StationaryResult r = StationarySolvers.gth().solve(Generator.assemble(rates, StateSpace.triangle(nMax)));
        if (r.boundaryMass() > 1e-12) {
            throw new IllegalStateException("truncation at N = " + nMax + " carries " + r.boundaryMass());
        }
        return ExactDistribution.of(r.space(), r.probabilitiesView());
    }

    /** The exact P(N, m) with τ_N = S_N(0) / (2 Var N) and S_N(ω) from the noise package. */
    static ExactDistribution withCorrelationTime(RateModel rates, int nMax) {
        Generator g = Generator.assemble(rates, StateSpace.triangle(nMax));
        StationaryFactorization f = StationarySolvers.gth().factorize(g);
        StationaryResult r = f.stationary();
        if (r.boundaryMass() > 1e-12) {
            throw new IllegalStateException("truncation at N = " + nMax + " carries " + r.boundaryMass());
        }
        NoiseAnalysis noise = NoiseAnalysis.of(g, f);
        double tau = noise.zeroFrequency(Observable.particleNumber()).correlationTime();
        return ExactDistribution.of(r.space(), r.probabilitiesView()).withCorrelationTime(tau)
                .withSpectrum(new SpectrumFunction() {
                    private final java.util.Map<String, double[]> cache = new java.util.HashMap<>();

                    @Override
                    public synchronized double[] evaluate(double[] omega) { // same grid for most seeds
                        return cache.computeIfAbsent(java.util.Arrays.toString(omega),
                                key -> noise.spectrum(Observable.particleNumber(), omega).values()).clone();
                    }
                });
    }
}
