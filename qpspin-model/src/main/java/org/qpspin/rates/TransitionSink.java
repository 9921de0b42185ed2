package org.qpspin.rates;

/** Receives the transitions out of one state; implementations are reused across states (no allocation). */
@FunctionalInterface
public interface TransitionSink {

    /**
     * One transition.
     *
     * @param channel the physical process
     * @param toN     N of the target state
     * @param toM     m of the target state
     * @param rate    rate in s⁻¹, finite and &gt; 0
     */
    void accept(Channel channel, int toN, int toM, double rate);
}
