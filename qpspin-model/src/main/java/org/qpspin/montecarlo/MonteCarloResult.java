package org.qpspin.montecarlo;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.List;
import org.qpspin.rates.Channel;
import org.qpspin.rates.RateModel;

/**
 * The outcome of a Monte Carlo run: the replicas' results and their pooled occupation histogram, event counts and
 * realised injection rate, with the run's diagnostics (wall time, throughput, whether it was stopped early).
 * Immutable.
 */
public final class MonteCarloResult {

    private final RateModel rates;
    private final MonteCarloSettings settings;
    private final List<ReplicaResult> replicas;
    private final OccupationHistogram occupation;
    private final long[] channelCounts;
    private final double simulatedTime;
    private final long events;
    private final long burnInEvents;
    private final double wallSeconds;
    private final int threads;
    private final boolean stopped;

    MonteCarloResult(RateModel rates, MonteCarloSettings settings, List<ReplicaResult> replicas, double wallSeconds,
                     int threads) {
        this.rates = rates;
        this.settings = settings;
        this.replicas = Collections.unmodifiableList(replicas);
        this.wallSeconds = wallSeconds;
        this.threads = threads;
        OccupationHistogram pooled = null;
        long[] counts = new long[Channel.values().length];
        double time = 0.0;
        long ev = 0;
        long burn = 0;
        boolean anyStopped = false;
        for (ReplicaResult r : replicas) {
            pooled = pooled == null ? r.occupation() : pooled.plus(r.occupation());
            long[] c = r.channelCounts();
            for (int i = 0; i < c.length; i++) {
                counts[i] += c[i];
            }
            time += r.simulatedTime();
            ev += r.events();
            burn += r.burnInEvents();
            anyStopped |= r.stopped();
        }
        occupation = pooled;
        channelCounts = counts;
        simulatedTime = time;
        events = ev;
        burnInEvents = burn;
        stopped = anyStopped;
    }

    /** {@return the rate model simulated} */
    public RateModel rateModel() {
        return rates;
    }

    /** {@return the settings of the run} */
    public MonteCarloSettings settings() {
        return settings;
    }

    /** {@return per-replica results, in replica order} */
    public List<ReplicaResult> replicas() {
        return replicas;
    }

    /** {@return occupation histogram pooled over replicas} */
    public OccupationHistogram occupation() {
        return occupation;
    }

    /** {@return recorded simulated time summed over replicas, in s} */
    public double simulatedTime() {
        return simulatedTime;
    }

    /** {@return recorded events over all replicas} */
    public long events() {
        return events;
    }

    /** {@return events over all replicas, burn-in included} */
    public long totalEvents() {
        return events + burnInEvents;
    }

    /**
     * {@return recorded events of {@code channel} over all replicas}
     *
     * @param channel the kind of transition ({@link org.qpspin.rates.Channel}: injection, spin flip, annihilation)
     */
    public long count(Channel channel) {
        return channelCounts[channel.ordinal()];
    }

    /** {@return recorded events per channel (by ordinal), over all replicas (copy)} */
    public long[] channelCounts() {
        return channelCounts.clone();
    }

    /**
     * {@return injections per recorded second: an unbiased estimate of A V (docs/model.md: the same in every state)}
     */
    public double realisedInjectionRate() {
        return (count(Channel.INJECTION) + count(Channel.INJECTION_FLIPPED)) / simulatedTime;
    }

    /** {@return wall-clock seconds of the run} */
    public double wallSeconds() {
        return wallSeconds;
    }

    /** {@return threads used} */
    public int threads() {
        return threads;
    }

    /** {@return events (burn-in included) per wall-clock second per thread} */
    public double eventsPerSecondPerThread() {
        return totalEvents() / wallSeconds / threads;
    }

    /** {@return CPU seconds summed over replicas} */
    public double cpuSeconds() {
        double s = 0.0;
        for (ReplicaResult r : replicas) {
            s += r.cpuSeconds();
        }
        return s;
    }

    /** {@return events (burn-in included) per CPU second: the per-core throughput, insensitive to other load} */
    public double eventsPerCpuSecond() {
        return totalEvents() / cpuSeconds();
    }

    /** {@return whether any replica stopped before its requested duration} */
    public boolean stopped() {
        return stopped;
    }

    /**
     * Writes the time series as CSV with exactly one header line, {@code replica,t,N,m} (t in s from the end of the
     * burn-in), then one line per grid point, replica by replica; no comment lines, so that
     * {@code numpy.genfromtxt(names=True)} reads it (the CLI puts the metadata in a JSON sidecar). No wall times:
     * the same seed gives the same bytes. This is the format {@code org.qpspin.validation.SampleCsv} reads back.
     *
     * @param out where to write (not closed)
     * @throws IOException as {@code out} throws it
     */
    public void writeTimeSeriesCsv(Writer out) throws IOException {
        out.write(TIME_SERIES_HEADER + "\n");
        writeTimeSeriesRows(out);
    }

    /** The header line of {@link #writeTimeSeriesCsv}, without its line end. */
    public static final String TIME_SERIES_HEADER = "replica,t,N,m";

    /**
     * The rows of {@link #writeTimeSeriesCsv} without the header line.
     *
     * @param out where to write (not closed)
     * @throws IOException as {@code out} throws it
     */
    public void writeTimeSeriesRows(Writer out) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (ReplicaResult r : replicas) {
            TimeSeries s = r.series();
            double dt = s.interval();
            for (int k = 0; k < s.size(); k++) {
                line.setLength(0);
                line.append(r.replica()).append(',').append(k * dt).append(',').append(s.n(k)).append(',')
                        .append(s.m(k)).append('\n');
                out.append(line);
            }
        }
    }

    @Override
    public String toString() {
        return "MonteCarloResult{replicas=" + replicas.size() + ", events=" + events + ", time=" + simulatedTime
                + " s, <N>=" + occupation.meanN() + ", stopped=" + stopped + "}";
    }
}
