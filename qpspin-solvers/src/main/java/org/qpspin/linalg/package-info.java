/**
 * Physics-free numerical linear algebra for the solvers: plain vectors, dense blocks and sparse matrices in, no
 * model, rates, states or generator (nothing here imports {@code org.qpspin.model}, {@code rates}, {@code space}
 * or {@code generator}), so each algorithm is tested on small hand-made matrices.
 *
 * <p>Where it sits in the flow parameters → states → rates → generator → <b>solver</b> → result →
 * noise / dynamics / validation: under the solvers ({@code org.qpspin.stationary}) and the noise spectra
 * ({@code org.qpspin.noise}), which bring the generator.
 *
 * <p>Families, one per subpackage: {@link org.qpspin.linalg.dense} (the SIMD/scalar multiply–add kernels and the
 * panel update of the blocked eliminations), {@link org.qpspin.linalg.sparse} (permutations, elimination tree and
 * column counts, symbolic fill, reachability), {@link org.qpspin.linalg.lu} (the supernodal multifrontal LU with
 * GTH pivots: symbolic analysis, then numeric factorization), {@link org.qpspin.linalg.krylov} (Arnoldi and
 * GMRES on a {@link org.qpspin.linalg.krylov.LinearOperator}). Here: {@link org.qpspin.linalg.HeapBudget}, the
 * fail-fast "does it fit in the heap" check every large allocation asks first.
 */
package org.qpspin.linalg;
