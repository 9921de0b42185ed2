/**
 * Where the infinite (N, m) chain is cut, and what the cut costs: the truncation request
 * ({@link org.qpspin.truncation.Truncation}: automatic to a tolerance, or fixed), the automatic truncation's start
 * and growth rules ({@link org.qpspin.truncation.TruncationPlanner}), the per-level windows that follow the
 * mean-field m*(N) ({@link org.qpspin.truncation.BandTruncation}), the two-sided per-level windows grown from
 * both sides by the omitted flux through each edge ({@link org.qpspin.truncation.TwoSidedWindows}), the unpolarized
 * ridge's reach ({@link org.qpspin.truncation.UnpolarizedRidge}), the probable core where the probability sits
 * ({@link org.qpspin.truncation.ProbableCore}), and the record of each attempt
 * ({@link org.qpspin.truncation.TruncationAttempt}, {@link org.qpspin.truncation.TruncationException}).
 *
 * <p>In the flow parameters → <b>states</b> → rates → generator → solver → result: it chooses the truncated state
 * space from the parameters before the generator is assembled; the solve-measure-grow loop itself runs in
 * {@code org.qpspin.stationary.StationaryAnalysis}, and {@code BandTruncation.refine} drives a solver through the
 * {@code StationarySolver} interface. Cost measure: omitted stationary flux / (A V) (docs/model.md, "Truncation").
 */
package org.qpspin.truncation;
