package org.qpspin.montecarlo;

import org.qpspin.rates.Channel;

/**
 * What one replica recorded after its burn-in: simulated time, events, event counts per channel, the occupation
 * histogram and the time series. {@link #stopped()} tells whether it ended early (stop request or wall-clock
 * budget); everything it holds is then the part it completed. Immutable.
 */
public final class ReplicaResult {

    private final int replica;
    private final double simulatedTime;
    private final long events;
    private final long burnInEvents;
    private final long[] channelCounts;
    private final OccupationHistogram occupation;
    private final TimeSeries series;
    private final boolean stopped;
    private final double cpuSeconds;

    ReplicaResult(int replica, double simulatedTime, long events, long burnInEvents, long[] channelCounts,
                  OccupationHistogram occupation, TimeSeries series, boolean stopped, double cpuSeconds) {
        this.cpuSeconds = cpuSeconds;
        this.replica = replica;
        this.simulatedTime = simulatedTime;
        this.events = events;
        this.burnInEvents = burnInEvents;
        this.channelCounts = channelCounts;
        this.occupation = occupation;
        this.series = series;
        this.stopped = stopped;
    }

    /** {@return index of the replica (0-based; its random stream is the replica-th split of the root generator)} */
    public int replica() {
        return replica;
    }

    /** {@return recorded simulated time in s (the requested duration unless stopped)} */
    public double simulatedTime() {
        return simulatedTime;
    }

    /** {@return events (jumps) during the recorded time} */
    public long events() {
        return events;
    }

    /** {@return events during the burn-in (not recorded)} */
    public long burnInEvents() {
        return burnInEvents;
    }

    /**
     * {@return recorded events of {@code channel}}
     *
     * @param channel the kind of transition ({@link org.qpspin.rates.Channel}: injection, spin flip, annihilation)
     */
    public long count(Channel channel) {
        return channelCounts[channel.ordinal()];
    }

    /** {@return recorded events per channel, indexed by {@link Channel#ordinal()} (copy)} */
    public long[] channelCounts() {
        return channelCounts.clone();
    }

    /** {@return time-weighted occupation of the recorded time} */
    public OccupationHistogram occupation() {
        return occupation;
    }

    /** {@return N(t), m(t) on the grid (empty when no interval was set)} */
    public TimeSeries series() {
        return series;
    }

    /**
     * {@return CPU seconds the replica's thread spent (burn-in included): throughput that a loaded machine does not
     * skew}
     */
    public double cpuSeconds() {
        return cpuSeconds;
    }

    /** {@return whether the replica ended before its requested duration} */
    public boolean stopped() {
        return stopped;
    }
}
