/**
 * Dynamics: the time-dependent law of the cluster chain, p(t) = e^{tL} p(0), and what is computed from it.
 *
 * <p>Where it sits in the flow: parameters → states → rates → generator → <b>dynamics</b> (beside the stationary
 * solvers and the noise package, which describe the chain at t → ∞ and in frequency).
 * <ul>
 *   <li>{@link org.qpspin.dynamics.ExponentialAction}: the kernel, exp(tL)v for a generator in CSC form, by
 *       uniformization with Fox–Glynn Poisson weights ({@link org.qpspin.dynamics.PoissonWeights},
 *       {@link org.qpspin.dynamics.Uniformization}) or by Al-Mohy and Higham's truncated Taylor series
 *       ({@link org.qpspin.dynamics.TaylorExpmv}); every result carries its method, matvec count and error
 *       bound ({@link org.qpspin.dynamics.Propagation}).</li>
 *   <li>{@link org.qpspin.dynamics.AbsorbingChain}: the truncated chain with the mass that leaves the truncated
 *       set (and, for first passage, the target set) collected in absorbing sinks, so that the lost mass is
 *       measured, not guessed (finite state projection).</li>
 *   <li>{@link org.qpspin.dynamics.TransientAnalysis}: P(N, m; t) from a start distribution with the truncation
 *       grown until the lost mass stays below the tolerance.</li>
 *   <li>{@link org.qpspin.dynamics.FirstPassage}: the first-passage time into a
 *       {@link org.qpspin.dynamics.TargetSet}: its mean (one sparse linear solve) and its distribution.</li>
 *   <li>{@link org.qpspin.dynamics.SampledAutocovariance}: the exact autocovariance, integrated autocorrelation
 *       and spectrum of the stationary chain sampled on a regular time grid (for the validator).</li>
 * </ul>
 * Methods, error bounds and references: docs/theory.md, "Dynamics".
 */
package org.qpspin.dynamics;
