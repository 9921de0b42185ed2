/**
 * Cross-checks: the exact results against every number the paper states and against its limits.
 *
 * <p>Place in the flow: after the result (parameters → … → solver → result → <b>cross-check</b>); it runs the
 * exact pipeline ({@code StationaryAnalysis}, the noise package) and the limits ({@code meanfield},
 * {@code fokkerplanck}) on the same parameters and reports the gaps.
 *
 * <p>Entry points: {@link org.qpspin.crosscheck.PaperNumbers} (the validation table: every number of
 * docs/model.md "The paper's results" and "Aluminium"), {@link org.qpspin.crosscheck.ExactVsFokkerPlanck} (one
 * parameter set against Eq. 7), {@link org.qpspin.crosscheck.ConvergenceStudy} (how that gap closes along a
 * path) and {@link org.qpspin.crosscheck.RegimeMap} (Fig. 1, exact where reachable).
 */
package org.qpspin.crosscheck;
