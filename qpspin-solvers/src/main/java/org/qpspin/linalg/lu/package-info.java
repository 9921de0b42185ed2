/**
 * The supernodal multifrontal LU with GTH pivots: the sparse, fill-reducing, subtraction-free factorization of a
 * generator (columns summing to zero) in a given symmetric order, its last state pinned.
 *
 * <p>Two phases, as in CSparse/CHOLMOD: {@link org.qpspin.linalg.lu.SupernodalAnalysis} (pattern only:
 * permutation, elimination tree, column counts, supernodes, front rows, schedule of two concurrent subtrees,
 * memory plan) and {@link org.qpspin.linalg.lu.MultifrontalGth} (numeric: assembly, dense front elimination with
 * GTH pivots, extend-add, then the four triangular solves).
 *
 * <p>In the flow (parameters → states → rates → generator → <b>solver</b> → result): under the {@code lu}
 * solver's {@code SparseLuFactorization} (which brings the generator, the nested-dissection order and the pin).
 * Entry points: {@code MultifrontalGth.factorize(matrix, order)}, {@code SupernodalAnalysis.of(matrix, order)}.
 */
package org.qpspin.linalg.lu;
