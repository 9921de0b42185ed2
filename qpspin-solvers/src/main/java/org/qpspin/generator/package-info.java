/**
 * The generator L of the truncated master equation dp/dt = L p (CSC, columns summing to zero, reflecting
 * truncation with the omitted rates kept to price it): {@link org.qpspin.generator.Generator}; and its exchange
 * with other programs (Matrix Market, binary CSC, raw vectors): {@link org.qpspin.generator.MatrixFiles}.
 *
 * <p>In the flow parameters → states → rates → <b>generator</b> → solver → result: assembled from a
 * {@code RateModel} on a {@code StateSpace} ({@code Generator.assemble}), handed to the stationary solvers, the
 * noise analysis and the peers.
 */
package org.qpspin.generator;
