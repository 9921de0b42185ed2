package org.qpspin.dynamics;

/**
 * P(N, m; t) at a list of times, with what is computed from it and its diagnostics.
 *
 * <p>Probabilities are the finite-state-projection values: each ≤ the exact probability, summing to 1 − lost(t)
 * ({@link #lostMass}). Moments ({@link #meanN}, {@link #varianceN}, {@link #meanM}) are those of the kept law
 * normalized by its mass 1 − lost(t) (they differ from the exact ones by O(lost)). Arrays are indexed by time.
 *
 * @param times         the times, ascending, s
 * @param meanN         ⟨N⟩(t)
 * @param varianceN     Var N(t)
 * @param meanM         ⟨m⟩(t)
 * @param lostMass      mass that left the truncated set by time t (integrated omitted flux), per time
 * @param targetMass    mass absorbed in the target set by time t (0 without a target), per time
 * @param errorBound    bound on the kernel's error ‖computed − exact‖₁ accumulated up to t, per time
 * @param methods       the kernel method of the step ending at each time
 * @param marginalN     P(N; t) for N = 0 … nMax, per time
 * @param marginalM     P(m; t) for m = 0 … mMax, per time
 * @param distributions P(N, m; t) by kept state of {@link #chain()} per time, or null when not kept (memory)
 * @param chain         the truncated chain of the final attempt
 * @param matvecs       products with the generator spent in the final attempt
 * @param attempts      truncations tried (1 = the first was enough)
 * @param tolerance     the lost-mass tolerance
 * @param seconds       wall time of the whole computation
 */
public record TransientResult(double[] times, double[] meanN, double[] varianceN, double[] meanM, double[] lostMass,
                              double[] targetMass, double[] errorBound, String[] methods, double[][] marginalN, double[][] marginalM,
                              double[][] distributions, AbsorbingChain chain, long matvecs, int attempts,
                              double tolerance, double seconds) {

    /** {@return largest N of the truncation} */
    public int nMax() {
        return chain.space().maxN();
    }

    /** {@return largest m of the truncation} */
    public int mMax() {
        return chain.space().maxM();
    }

    /** {@return number of states of the truncation (sinks excluded)} */
    public int states() {
        return chain.keptStates();
    }

    /** {@return the distinct kernel methods used, joined by '+', e.g. {@code "uniformization"}} */
    public String method() {
        return java.util.Arrays.stream(methods).filter(m -> m != null).distinct()
                .reduce((a, b) -> a + "+" + b).orElse("none");
    }
}
