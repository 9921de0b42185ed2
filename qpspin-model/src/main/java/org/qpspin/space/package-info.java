/**
 * The states: the (N, m) pairs of the chain and their numbering.
 *
 * <p>Place in the flow: parameters → <b>states</b> → rates → generator → solver → result → noise / dynamics /
 * validation. A {@link org.qpspin.space.StateSpace} is the truncated set the generator is assembled on and the
 * index every probability vector uses.
 *
 * <p>Entry point: {@link org.qpspin.space.StateSpace} (the triangle N ≤ Nmax, rectangles with an m cap, bands
 * mLow(N) ≤ m ≤ mHigh(N); levels in N order, m ascending within a level, index ↔ (N, m) in O(1)). Contract:
 * docs/model.md "State space" and "Truncation".
 */
package org.qpspin.space;
