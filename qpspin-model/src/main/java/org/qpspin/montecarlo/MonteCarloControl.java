package org.qpspin.montecarlo;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A handle on a running simulation, shared between the workers and whoever watches them: it asks the run to
 * stop (Ctrl-C hook, user interface) and reports progress. Thread-safe; workers poll it every
 * {@link GillespieSimulator#POLL_EVENTS} events, so it costs nothing per event.
 */
public final class MonteCarloControl {

    private volatile boolean stopRequested;
    private final AtomicLong events = new AtomicLong();
    private volatile double[] simulated = new double[0];
    private volatile double target;

    /** A fresh control with no stop requested. */
    public MonteCarloControl() {
    }

    /** Asks every replica to stop at its next poll; results so far are kept. */
    public void requestStop() {
        stopRequested = true;
    }

    /** {@return whether a stop was requested} */
    public boolean isStopRequested() {
        return stopRequested;
    }

    /** {@return fraction of the total simulated time (burn-in included) done so far, in [0, 1]} */
    public double progress() {
        double[] s = simulated;
        if (target <= 0.0) {
            return 0.0;
        }
        double done = 0.0;
        for (double v : s) {
            done += v;
        }
        return Math.min(1.0, done / target);
    }

    /** {@return events simulated so far, over all replicas} */
    public long events() {
        return events.get();
    }

    void begin(int replicas, double totalSimulatedTime) {
        simulated = new double[replicas];
        target = totalSimulatedTime;
        events.set(0);
    }

    /** Called by worker {@code replica} at each poll (plain writes of its own slot; readers tolerate staleness). */
    void report(int replica, double simulatedSoFar, long newEvents) {
        simulated[replica] = simulatedSoFar;
        events.addAndGet(newEvents);
    }
}
