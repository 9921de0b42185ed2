package org.qpspin.dynamics;

/**
 * The first-passage time τ from a start distribution into a target set, with diagnostics.
 *
 * @param target              the target set
 * @param meanTime            E[τ] on the truncated chain with reflecting edges (transitions out of the truncation
 *                            dropped), s; +∞ when the start can reach states from which the target is unreachable
 * @param meanTimeLowerBound  E[min(τ, exit from the truncation)]: a proven lower bound on the exact E[τ] (the exact
 *                            and the truncated chain agree until the exit), s
 * @param meanTimeResidual    componentwise backward error max_i |1 − M h|_i / (1 + |M||h|)_i of the solve for E[τ]
 * @param times               times of the distribution, s
 * @param cdf                 P(τ ≤ t) lower bound (mass absorbed in the target on the truncated chain), per time
 * @param cdfUpper            P(τ ≤ t) upper bound: cdf + lost mass, per time
 * @param quantileLevels      levels of {@link #quantiles}, e.g. 0.5, 0.9
 * @param quantiles           t with cdf(t) = level (NaN if not reached within the horizon), s; relative precision 1e-10
 * @param distribution        the transient computation, null when skipped (truncation, lost mass, kernel method and error bound)
 * @param exact               whether no kept state can leave the truncation (then nothing is truncated)
 * @param note                why the distribution was skipped (then times, cdf are empty, quantiles NaN and
 *                            distribution null), or null
 */
public record FirstPassageResult(TargetSet target, double meanTime, double meanTimeLowerBound,
                                 double meanTimeResidual, double[] times, double[] cdf, double[] cdfUpper,
                                 double[] quantileLevels, double[] quantiles, TransientResult distribution,
                                 boolean exact, String note) {
}
