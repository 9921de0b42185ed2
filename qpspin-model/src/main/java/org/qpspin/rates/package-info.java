/**
 * The rates: which transitions leave a state (N, m), and how fast.
 *
 * <p>Place in the flow: parameters → states → <b>rates</b> → generator → solver → result → noise / dynamics /
 * validation. A {@link org.qpspin.rates.RateModel} is all the generator and the Gillespie simulator need to know
 * about the physics.
 *
 * <p>Entry points: {@link org.qpspin.rates.RateModel} (the interface: each state's transitions, pushed into a
 * {@link org.qpspin.rates.TransitionSink}), {@link org.qpspin.rates.Prl2020RateModel} (the paper's rates with the
 * boundary rule, docs/model.md "PRL 2020 rates") and {@link org.qpspin.rates.Channel} (the physical channels and
 * the (ΔN, Δm) they cause).
 */
package org.qpspin.rates;
