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
 * <p>Two cores, reproducibly. The cycle's work is split over the fork-join pool on levels of at least
 * {@link org.qpspin.linalg.FixedBlockLoops#parallelStates} states, in pieces fixed by the sizes and never by the
 * number of threads, so that a solve gives the same bits on one core or two: the generator's product and residual by
 * blocks of rows ({@link org.qpspin.linalg.amg.GeneratorRows}); masses, prolongation weights, coarse rates and the
 * restriction by aggregates, each a sum over its members in ascending order, visited in the order of their first
 * members (reading the fine rows nearly in order); the prolongations element-wise; sums (Σ x of the nonlinear cycle)
 * by blocks added in block order; and the line sweeps by two blocks of lines whose interiors are not coupled,
 * relaxed at the same time, then the separator lines between them ({@link org.qpspin.linalg.amg.LineGaussSeidel}:
 * a Gauss–Seidel order of the lines of its own, subtraction-free like the plain one, used on levels of at least
 * 2 {@link org.qpspin.linalg.amg.LineGaussSeidel#blockStates} states whether one thread or two run it). Still serial:
 * the exit rates of a coarse generator and its smoother's refresh sums (column sums of the rows), the coarsest dense
 * solve, and levels below the thresholds. Measured in docs/benchmarks.md (issue 18, "Two cores").
 *
 * <p>In the flow (parameters → states → rates → generator → <b>solver</b> → result → noise): the
 * {@code multigrid} stationary solver ({@code org.qpspin.stationary}) picks aggregates from the (N, m) geometry
 * and hands the rest to this package; its group-inverse solves (S_N(0)) use the same cycle as preconditioner of
 * {@link org.qpspin.linalg.krylov.Gmres}.
 */
package org.qpspin.linalg.amg;
