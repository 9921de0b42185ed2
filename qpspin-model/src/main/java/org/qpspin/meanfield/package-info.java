/**
 * The mean-field limit: Eqs. 1–4 of the paper, deterministic equations for the means of N and m.
 *
 * <p>Place in the flow: a limit beside the exact chain, from the parameters alone (parameters → mean field). It
 * seeds the truncation (the scales where probability sits), the simulator's start and the comparisons with the
 * paper.
 *
 * <p>Entry points: {@link org.qpspin.meanfield.MeanFieldFixedPoint} (N0, m0 of Eqs. 3–4 in the m ≪ N
 * approximation), {@link org.qpspin.meanfield.MeanFieldStationaryPoint} (the full stationary point of Eqs. 1–2),
 * {@link org.qpspin.meanfield.MeanFieldTrajectory} and {@link org.qpspin.meanfield.MeanFieldEquations} (the ODE).
 * Contract: docs/model.md "Mean-field limit" and "The paper's results".
 */
package org.qpspin.meanfield;
