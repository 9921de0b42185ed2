/**
 * Dense kernels of the blocked GTH eliminations: the register-blocked 4 × 4 multiply–add
 * ({@link org.qpspin.linalg.dense.DenseKernel}; SIMD through the Vector API in
 * {@link org.qpspin.linalg.dense.VectorKernel}, a scalar twin with the same operations in the same order, hence
 * bit-identical results) and the rank-4 trailing update after a panel of pivots
 * ({@link org.qpspin.linalg.dense.PanelUpdate}).
 *
 * <p>In the flow (parameters → states → rates → generator → <b>solver</b> → result): the innermost loops of the
 * level solver and the multifrontal LU; row-major {@code double[]} blocks with offsets and strides in, nothing else.
 * Entry points: {@code DenseKernel.multiplyAdd4x4}, {@code DenseKernel.prepareFor}, {@code PanelUpdate.apply}.
 */
package org.qpspin.linalg.dense;
