/**
 * The stationary distribution of the truncated chain: L p = 0, Σ p = 1, with diagnostics, and the factorizations
 * kept for further solves (noise).
 *
 * <p>In the flow parameters → states → rates → generator → <b>solver</b> → <b>result</b> → noise / dynamics /
 * validation: takes a {@code Generator}, returns a {@link org.qpspin.stationary.StationaryResult} (probabilities,
 * moments, residual, truncation cost) and a {@link org.qpspin.stationary.StationaryFactorization} (group-inverse
 * solves for S_N(0) and the spectra).
 *
 * <p>Entry points: {@link org.qpspin.stationary.StationaryAnalysis} (solve with an automatic or fixed truncation),
 * {@link org.qpspin.stationary.StationarySolvers} (static factories: auto, gth, levels, lu, core, multigrid;
 * {@link org.qpspin.stationary.SolverKind} names them). Strategies: dense GTH (the oracle), the level solver
 * (block GTH over the levels N), the sparse LU (multifrontal, {@code org.qpspin.linalg.lu}), the probable-core
 * solver (exact core, Gauss–Seidel tail, GMRES from {@code org.qpspin.linalg.krylov}), and auto, which picks by
 * size and shape. Every exact solver pins one state ({@link org.qpspin.stationary.PinnedState}) and is
 * subtraction-free (GTH pivots).
 */
package org.qpspin.stationary;
