package org.qpspin.bench;

import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryResult;

/** The chains the solver benchmarks run on, so that every solver is timed on the same matrices. */
public final class BenchmarkChains {

    private BenchmarkChains() {
    }

    /**
     * A rectangle 0 ≤ N ≤ Nmax, 0 ≤ m ≤ min(⌊N/2⌋, width − 1) with the smallest Nmax giving at least
     * {@code states} states.
     */
    public static StateSpace rectangle(int states, int width) {
        int nMax = 0;
        long total = 1;
        while (total < states) {
            nMax++;
            total += Math.min(nMax / 2, width - 1) + 1;
        }
        return StateSpace.rectangle(nMax, width - 1);
    }

    /**
     * A polarized spin-relaxation chain on {@link #rectangle}: mean-field N0 = Nmax/3, Γ = 10 Nmax s⁻¹µm³,
     * Γt = 10⁻³ s⁻¹µm³, τs = 1 s, V = 1 µm³ (m0 ≈ 0.03, so the m window holds the distribution).
     */
    public static ModelParameters polarizedParameters(StateSpace space) {
        int nMax = space.maxN();
        return ModelParameters.withMeanFieldN0(Math.max(1.0, nMax / 3.0), 1.0, 10.0 * nMax, 1e-3, 1.0);
    }

    /** The generator of {@link #polarizedParameters} on {@link #rectangle}. */
    public static Generator polarized(int states, int width) {
        StateSpace space = rectangle(states, width);
        return Generator.assemble(Prl2020RateModel.of(polarizedParameters(space)), space);
    }

    /**
     * The right-hand side of the S_N(0) solve, b = −(N − ⟨N⟩)∘p (MODEL.md noise convention), for the stationary
     * result of {@code generator}.
     */
    public static double[] particleNumberNoiseSource(Generator generator, StationaryResult stationary) {
        double[] p = stationary.probabilitiesView();
        double mean = stationary.meanN();
        double[] rhs = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            rhs[i] = -(generator.space().levelOf(i) - mean) * p[i];
        }
        return rhs;
    }
}
