package org.qpspin.fokkerplanck;

/** A continuous approximation to the stationary distribution of the cluster size N. */
public interface SizeDistribution {

    /** The distribution restricted to the integers, q(N) for N = 0 … nMax, normalized over all N ≥ 0. */
    double[] probabilities(int nMax);

    /** ⟨N⟩. */
    double mean();

    /** ⟨N²⟩. */
    double secondMoment();

    /** Var N. */
    double variance();

    /** An N beyond which the density is negligible (below e^−100 of its peak). */
    double upperEnd();
}
