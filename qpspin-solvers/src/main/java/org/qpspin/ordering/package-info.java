/**
 * Fill-reducing orderings of the (N, m) grid for the sparse factorizations: geometric nested dissection
 * ({@link org.qpspin.ordering.NestedDissection}) and the order utilities and EJML adapter of
 * {@link org.qpspin.ordering.Orderings}. They use the state space's geometry, so they sit here rather than in the
 * physics-free {@code org.qpspin.linalg}.
 *
 * <p>In the flow parameters → <b>states</b> → rates → generator → <b>solver</b> → result: from the
 * {@code StateSpace} to the order the {@code lu} solver factorizes in.
 */
package org.qpspin.ordering;
