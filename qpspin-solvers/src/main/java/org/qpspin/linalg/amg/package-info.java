/**
 * Aggregation multigrid for the stationary vector of a Markov chain, on an abstract generator in row form
 * (physics-free: the caller supplies the aggregates): {@link org.qpspin.linalg.amg.GeneratorRows} (the generator's
 * rows, off-diagonal rates and exit rates), {@link org.qpspin.linalg.amg.LineGaussSeidel} (block Gauss–Seidel
 * over contiguous lines, each line's tridiagonal part solved exactly and subtraction-free),
 * {@link org.qpspin.linalg.amg.GridAggregation} (aggregates from two integer coordinates per state),
 * {@link org.qpspin.linalg.amg.DenseGth} (the coarsest level) and
 * {@link org.qpspin.linalg.amg.AggregationMultigrid} (the multiplicative aggregation V-cycle of De Sterck,
 * Manteuffel, McCormick, Nguyen and Ruge, NLAA 15 (2008), and its linear twin, the preconditioner of GMRES).
 *
 * <p>In the flow (parameters → states → rates → generator → <b>solver</b> → result → noise): the
 * {@code multigrid} stationary solver ({@code org.qpspin.stationary}) picks aggregates from the (N, m) geometry
 * and hands the rest to this package; its group-inverse solves (S_N(0)) use the same cycle as preconditioner of
 * {@link org.qpspin.linalg.krylov.Gmres}.
 */
package org.qpspin.linalg.amg;
