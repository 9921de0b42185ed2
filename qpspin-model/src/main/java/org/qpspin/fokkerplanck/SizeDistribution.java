package org.qpspin.fokkerplanck;

/** A continuous approximation to the stationary distribution of the cluster size N. */
public interface SizeDistribution {

    /**
     * {@return the distribution restricted to the integers, q(N) for N = 0 … nMax, normalized over all N ≥ 0}
     *
     * @param nMax the largest N (≥ 0)
     */
    double[] probabilities(int nMax);

    /** {@return ⟨N⟩} */
    double mean();

    /** {@return ⟨N²⟩} */
    double secondMoment();

    /** {@return var N} */
    double variance();

    /** {@return an N beyond which the density is negligible (below e^−100 of its peak)} */
    double upperEnd();
}
