package org.qpspin.montecarlo;

/**
 * What one Monte Carlo run does: how long each replica runs (in simulated seconds, after its burn-in), how
 * often N(t), m(t) are sampled, how many independent replicas, the seed, the threads and a wall-clock budget.
 *
 * <p>Immutable; start from {@link #of(double)} and refine with the {@code with…} methods. Defaults: burn-in 0,
 * no time series (sample interval +∞), one replica, seed 1, threads = available processors, no wall-clock budget,
 * start at the mean-field fixed point (rounded to a valid state).
 */
public final class MonteCarloSettings {

    private final double duration;
    private final double burnIn;
    private final double sampleInterval;
    private final int replicas;
    private final long seed;
    private final int threads;
    private final double wallClockBudget;
    private final int startN;
    private final int startM;

    private MonteCarloSettings(double duration, double burnIn, double sampleInterval, int replicas, long seed,
                               int threads, double wallClockBudget, int startN, int startM) {
        if (!(duration > 0.0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException("simulated time must be finite and > 0 s, got " + duration);
        }
        if (!(burnIn >= 0.0) || !Double.isFinite(burnIn)) {
            throw new IllegalArgumentException("burn-in must be finite and >= 0 s, got " + burnIn);
        }
        if (!(sampleInterval > 0.0)) {
            throw new IllegalArgumentException("sample interval must be > 0 s (or +infinity for none), got "
                    + sampleInterval);
        }
        if (Double.isFinite(sampleInterval) && duration / sampleInterval > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many samples per replica: time " + duration + " s / interval "
                    + sampleInterval + " s exceeds " + (Integer.MAX_VALUE - 8));
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!(wallClockBudget > 0.0)) {
            throw new IllegalArgumentException("wall-clock budget must be > 0 s, got " + wallClockBudget);
        }
        if (startN >= 0 && (startM < 0 || 2 * startM > startN)) {
            throw new IllegalArgumentException("start state (N=" + startN + ", m=" + startM
                    + ") is not valid: need 0 <= m <= N/2");
        }
        this.duration = duration;
        this.burnIn = burnIn;
        this.sampleInterval = sampleInterval;
        this.replicas = replicas;
        this.seed = seed;
        this.threads = threads;
        this.wallClockBudget = wallClockBudget;
        this.startN = startN;
        this.startM = startM;
    }

    /**
     * {@return settings for replicas that each record {@code duration} simulated seconds}
     *
     * @param duration simulated seconds recorded per replica
     * @throws IllegalArgumentException unless duration is finite and &gt; 0
     */
    public static MonteCarloSettings of(double duration) {
        return new MonteCarloSettings(duration, 0.0, Double.POSITIVE_INFINITY, 1, 1L,
                Runtime.getRuntime().availableProcessors(), Double.POSITIVE_INFINITY, -1, -1);
    }

    /**
     * Simulated seconds discarded before recording starts (each replica).
     *
     * @param seconds the burn-in (≥ 0, finite)
     * @return a copy with this burn-in
     */
    public MonteCarloSettings withBurnIn(double seconds) {
        return new MonteCarloSettings(duration, seconds, sampleInterval, replicas, seed, threads, wallClockBudget,
                startN, startM);
    }

    /**
     * Spacing of the N(t), m(t) grid in simulated seconds; +∞ records no time series.
     *
     * @param seconds the grid spacing (&gt; 0)
     * @return a copy with this spacing
     */
    public MonteCarloSettings withSampleInterval(double seconds) {
        return new MonteCarloSettings(duration, burnIn, seconds, replicas, seed, threads, wallClockBudget, startN,
                startM);
    }

    /**
     * Number of independent replicas (each its own random stream split from the seed).
     *
     * @param count the number of replicas (≥ 1)
     * @return a copy with this number
     */
    public MonteCarloSettings withReplicas(int count) {
        return new MonteCarloSettings(duration, burnIn, sampleInterval, count, seed, threads, wallClockBudget,
                startN, startM);
    }

    /**
     * Seed of the root generator; the same seed gives the same result whatever the number of threads.
     *
     * @param value the seed
     * @return a copy with this seed
     */
    public MonteCarloSettings withSeed(long value) {
        return new MonteCarloSettings(duration, burnIn, sampleInterval, replicas, value, threads, wallClockBudget,
                startN, startM);
    }

    /**
     * Worker threads (replicas run in parallel, one per thread at a time).
     *
     * @param count the number of threads (≥ 1)
     * @return a copy with this number
     */
    public MonteCarloSettings withThreads(int count) {
        return new MonteCarloSettings(duration, burnIn, sampleInterval, replicas, seed, count, wallClockBudget,
                startN, startM);
    }

    /**
     * Wall-clock budget in seconds for the whole run: replicas stop where they are when it runs out.
     *
     * @param seconds the budget (&gt; 0; +∞ for none)
     * @return a copy with this budget
     */
    public MonteCarloSettings withWallClockBudget(double seconds) {
        return new MonteCarloSettings(duration, burnIn, sampleInterval, replicas, seed, threads, seconds, startN,
                startM);
    }

    /**
     * Start every replica in (N, m) instead of at the mean-field fixed point.
     *
     * @param n N, the number of quasiparticles (≥ 0)
     * @param m m, the number of flipped spins (0 ≤ m ≤ ⌊N/2⌋)
     * @return a copy with this start
     */
    public MonteCarloSettings withStart(int n, int m) {
        if (n < 0) {
            throw new IllegalArgumentException("start N must be >= 0, got " + n);
        }
        return new MonteCarloSettings(duration, burnIn, sampleInterval, replicas, seed, threads, wallClockBudget,
                n, m);
    }

    /** {@return recorded simulated seconds per replica} */
    public double duration() {
        return duration;
    }

    /** {@return discarded simulated seconds per replica} */
    public double burnIn() {
        return burnIn;
    }

    /** {@return grid spacing of the time series in s (+∞: none)} */
    public double sampleInterval() {
        return sampleInterval;
    }

    /** {@return whether a time series is recorded} */
    public boolean recordsTimeSeries() {
        return Double.isFinite(sampleInterval);
    }

    /** {@return number of grid samples per replica: ⌊duration / interval⌋ (0 without time series)} */
    public int samplesPerReplica() {
        return recordsTimeSeries() ? (int) Math.floor(duration / sampleInterval) : 0;
    }

    /** {@return number of replicas} */
    public int replicas() {
        return replicas;
    }

    /** {@return root seed} */
    public long seed() {
        return seed;
    }

    /** {@return Worker threads} */
    public int threads() {
        return threads;
    }

    /** {@return wall-clock budget in s (+∞: none)} */
    public double wallClockBudget() {
        return wallClockBudget;
    }

    /** {@return whether an explicit start state was given} */
    public boolean hasStart() {
        return startN >= 0;
    }

    /** {@return start N (−1: mean field)} */
    public int startN() {
        return startN;
    }

    /** {@return start m (−1: mean field)} */
    public int startM() {
        return startM;
    }

    /**
     * {@return the settings that determine the simulated numbers (no thread count or wall budget), for file headers}
     */
    public String simulationLine() {
        return "time=" + duration + " s, burn-in=" + burnIn + " s, dt=" + sampleInterval + " s, replicas="
                + replicas + ", seed=" + seed + ", rng=" + GillespieSimulator.ALGORITHM
                + (hasStart() ? ", start=(" + startN + "," + startM + ")" : ", start=mean field");
    }

    @Override
    public String toString() {
        return "time=" + duration + " s, burn-in=" + burnIn + " s, dt=" + sampleInterval + " s, replicas="
                + replicas + ", seed=" + seed + ", threads=" + threads;
    }
}
