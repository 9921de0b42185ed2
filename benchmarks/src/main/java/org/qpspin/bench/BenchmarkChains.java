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
     * The peer comparison's families (benchmarks/peer/scipy_peer.py, docs/benchmarks.md) on the rectangle
     * nMax = ⌈cN N0⌉, mMax = ⌈cM N0⌉ the automatic truncation picks, with the mean-field N0 whose rectangle holds
     * about {@code states} states: SR (Γt = 0, ζs = 0.02: Γ = 50, τs = 1; cN = 5.5, cM = 0.53), TA (τs = ∞,
     * Γ = 1, Γt = Γ/(25 N0); 3.5, 0.53) and weak (Γt = 0, ζs = 0.3: Γ = 10, τs = 1/3; 5.5, 3.0); V = 1.
     */
    public static Generator peerRectangle(String regime, int states) {
        PeerFamily family = PeerFamily.named(regime);
        double lo = 1.0;
        double hi = 1e7;
        for (int k = 0; k < 100; k++) { // bisection on N0 for the state count, as the peer script does
            double mid = Math.sqrt(lo * hi);
            if (family.rectangle(mid).size() < states) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double n0 = Math.round(hi * 10.0) / 10.0;
        return Generator.assemble(Prl2020RateModel.of(family.parameters(n0)), family.rectangle(n0));
    }

    /** The peer script's families: rectangle shape (cN, cM) and parameters as functions of the mean-field N0. */
    private enum PeerFamily {
        SR(5.5, 0.53), TA(3.5, 0.53), WEAK(5.5, 3.0);

        private final double cN;
        private final double cM;

        PeerFamily(double cN, double cM) {
            this.cN = cN;
            this.cM = cM;
        }

        static PeerFamily named(String regime) {
            for (PeerFamily f : values()) {
                if (f.name().equalsIgnoreCase(regime)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown regime " + regime + "; SR, TA or weak");
        }

        StateSpace rectangle(double n0) {
            return StateSpace.rectangle((int) Math.ceil(cN * n0), (int) Math.ceil(cM * n0));
        }

        ModelParameters parameters(double n0) {
            switch (this) {
                case SR:
                    return ModelParameters.withMeanFieldN0(n0, 1.0, 50.0, 0.0, 1.0);
                case TA:
                    return ModelParameters.withMeanFieldN0(n0, 1.0, 1.0, 1.0 / (25.0 * n0), Double.POSITIVE_INFINITY);
                default:
                    return ModelParameters.withMeanFieldN0(n0, 1.0, 10.0, 0.0, 1.0 / 3.0);
            }
        }
    }

    /**
     * The right-hand side of the S_N(0) solve, b = −(N − ⟨N⟩)∘p (docs/model.md noise convention), for the stationary
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
