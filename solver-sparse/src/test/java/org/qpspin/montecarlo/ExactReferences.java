package org.qpspin.montecarlo;

import org.qpspin.generator.Generator;
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

    /**
     * The exact P(N, m) with the exact integrated correlation time τ_N = ∫₀^∞ C(t) dt / Var N, where
     * ∫₀^∞ C(t) dt = −Σ_i (N_i − ⟨N⟩) x_i and L x = b, b_i = (N_i − ⟨N⟩) π_i, Σ x = 0 (group inverse).
     * Test oracle until the noise package's S_N(0) is available (then τ_N = S_N(0) / (2 Var N)).
     */
    static ExactDistribution withCorrelationTime(RateModel rates, int nMax) {
        Generator g = Generator.assemble(rates, StateSpace.triangle(nMax));
        StationaryFactorization f = StationarySolvers.gth().factorize(g);
        StationaryResult r = f.stationary();
        if (r.boundaryMass() > 1e-12) {
            throw new IllegalStateException("truncation at N = " + nMax + " carries " + r.boundaryMass());
        }
        double[] pi = r.probabilitiesView();
        double mean = r.meanN();
        int size = g.size();
        double[] b = new double[size];
        for (int i = 0; i < size; i++) {
            b[i] = (g.space().levelOf(i) - mean) * pi[i];
        }
        double[] x = new double[size];
        f.solveGroupInverse(b, x);
        double integral = 0.0;
        for (int i = 0; i < size; i++) {
            integral -= (g.space().levelOf(i) - mean) * x[i];
        }
        return ExactDistribution.of(r.space(), pi).withCorrelationTime(integral / r.varianceN());
    }
}
