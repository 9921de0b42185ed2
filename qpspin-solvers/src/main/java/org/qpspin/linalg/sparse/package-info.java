/**
 * Symbolic sparse-matrix tools: symmetric permutations ({@link org.qpspin.linalg.sparse.Permutations}, CSparse's
 * convention), the elimination tree and column counts of a symmetric pattern
 * ({@link org.qpspin.linalg.sparse.EliminationTree}, Liu), the fill of a factorization in a given order
 * ({@link org.qpspin.linalg.sparse.SymbolicFill}) and reachability in a generator's graph
 * ({@link org.qpspin.linalg.sparse.Reachability}).
 *
 * <p>In the flow (parameters → states → rates → generator → <b>solver</b> → result): the pattern-only steps before
 * and after a numeric factorization — the multifrontal LU's symbolic analysis, the orderings' fill comparison, the
 * solvers' reducibility checks. Patterns (CSC/CSR index arrays, EJML's {@code DMatrixSparseCSC}) in, integers out.
 */
package org.qpspin.linalg.sparse;
