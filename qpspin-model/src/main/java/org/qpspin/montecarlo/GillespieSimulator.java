package org.qpspin.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Channel;
import org.qpspin.rates.RateModel;

/**
 * Exact stochastic simulation of the (N, m) chain of any {@link RateModel} by Gillespie's direct method
 * (D. T. Gillespie, J. Phys. Chem. 81, 2340 (1977)).
 *
 * <p>In state x with transitions of rates r_1 … r_k (from {@link RateModel#forEachTransition}, cached per visited
 * state, see {@code StateTable}) and total R = Σ r_j, the dwell time is τ ~ Exp(R) ({@link
 * RandomGenerator#nextExponential()}, a ziggurat sampler) and the transition is j with probability r_j / R
 * (linear search of u R, u ~ U[0, 1), in the cumulative rates). This samples the continuous-time Markov chain
 * exactly: there is no time step and no approximation beyond floating point. A state with R = 0 (only the empty
 * cluster without injection) is absorbing: the replica stays there to the end.
 *
 * <p>Each replica: start state (mean-field fixed point rounded to a valid state, or the one given), a burn-in of
 * {@link MonteCarloSettings#burnIn()} simulated seconds that is discarded (by memorylessness the state at the
 * burn-in's end is exact: the dwell that crosses it is redrawn), then {@link MonteCarloSettings#duration()}
 * recorded seconds. Recorded: the time-weighted occupation histogram, N(t) and m(t) at t_k = k Δt, the events
 * per channel. Replica r draws from the r-th {@link SplittableGenerator#split() split} of an L64X128MixRandom
 * seeded with the run's seed, all splits made up front in replica order: results are reproducible bit for bit
 * whatever the number of threads. No allocation per event (only on the first visit of a state).
 *
 * <p>Stopping: every {@link #POLL_EVENTS} events a replica reports its progress to the {@link MonteCarloControl}
 * and stops if a stop was requested or the wall-clock budget is spent; what it recorded up to then is returned.
 */
public final class GillespieSimulator {

    /** Events between two polls of the control (progress, stop request, wall clock). */
    public static final int POLL_EVENTS = 1 << 16;
    private static final long POLL_MASK = POLL_EVENTS - 1;
    /** Random generator algorithm of every replica (java.util.random, JDK 17). */
    public static final String ALGORITHM = "L64X128MixRandom";

    private final RateModel rates;

    private GillespieSimulator(RateModel rates) {
        this.rates = rates;
    }

    /**
     * {@return a simulator of the chain defined by {@code rates}}
     *
     * @param rates the rate model whose transitions are drawn
     */
    public static GillespieSimulator of(RateModel rates) {
        return new GillespieSimulator(rates);
    }

    /** {@return the rate model} */
    public RateModel rateModel() {
        return rates;
    }

    /**
     * Runs {@code settings} to completion (or its wall-clock budget).
     *
     * @param settings duration, burn-in, sampling, replicas, seed, threads and budget
     * @return the recorded samples, histogram and event counts of every replica
     */
    public MonteCarloResult run(MonteCarloSettings settings) {
        return run(settings, new MonteCarloControl());
    }

    /**
     * Runs {@code settings}, reporting to and obeying {@code control}.
     *
     * @param settings duration, burn-in, sampling, replicas, seed, threads and budget
     * @param control receives the progress and may ask the run to stop early (then the result says so)
     * @return the recorded samples, histogram and event counts of every replica
     * @throws IllegalArgumentException if the rate model reports an invalid rate
     */
    public MonteCarloResult run(MonteCarloSettings settings, MonteCarloControl control) {
        long startNanos = System.nanoTime();
        double budget = settings.wallClockBudget();
        long deadline = Double.isFinite(budget) ? startNanos + (long) Math.min(budget * 1e9, Long.MAX_VALUE / 4)
                : Long.MAX_VALUE;
        int replicas = settings.replicas();
        control.begin(replicas, replicas * (settings.burnIn() + settings.duration()));
        RandomGenerator[] streams = streams(settings.seed(), replicas);
        int[] start = startState(settings);
        int threads = Math.min(settings.threads(), replicas);
        List<ReplicaResult> results = new ArrayList<>(replicas);
        if (threads == 1) {
            for (int r = 0; r < replicas; r++) {
                results.add(runReplica(r, streams[r], start[0], start[1], settings, control, deadline));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
                Thread t = new Thread(task, "qpspin-montecarlo");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<ReplicaResult>> futures = new ArrayList<>(replicas);
                for (int r = 0; r < replicas; r++) {
                    int replica = r;
                    futures.add(pool.submit(() -> runReplica(replica, streams[replica], start[0], start[1],
                            settings, control, deadline)));
                }
                for (Future<ReplicaResult> f : futures) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.requestStop();
                throw new IllegalStateException("Monte Carlo run interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - startNanos) * 1e-9;
        return new MonteCarloResult(rates, settings, results, seconds, threads);
    }

    /** The replicas' generators: successive splits of one L64X128MixRandom seeded with {@code seed}. */
    static RandomGenerator[] streams(long seed, int replicas) {
        SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of(ALGORITHM).create(seed);
        RandomGenerator[] streams = new RandomGenerator[replicas];
        for (int r = 0; r < replicas; r++) {
            streams[r] = root.split();
        }
        return streams;
    }

    private int[] startState(MonteCarloSettings settings) {
        if (settings.hasStart()) {
            return new int[] {settings.startN(), settings.startM()};
        }
        ModelParameters p = rates.parameters();
        int n = 0;
        int m = 0;
        if (p.totalInjectionRate() > 0.0) {
            MeanFieldFixedPoint mf = MeanFieldFixedPoint.of(p);
            double n0 = mf.meanN();
            double m0 = mf.meanM();
            if (Double.isFinite(n0) && n0 > 0.0 && n0 < Integer.MAX_VALUE / 2.0) {
                n = (int) Math.round(n0);
                m = Double.isFinite(m0) ? (int) Math.max(0, Math.min(n / 2, Math.round(m0))) : 0;
            }
        }
        return new int[] {n, m};
    }

    /** One replica: burn-in, then the recorded run. Package-private for the benchmark-free tests. */
    ReplicaResult runReplica(int replica, RandomGenerator rng, int startN, int startM, MonteCarloSettings settings,
                             MonteCarloControl control, long deadline) {
        long cpuStart = cpuNanos();
        StateTable table = new StateTable(rates);
        int n = startN;
        int m = startM;
        boolean stopped = false;

        // burn-in: jumps until the first dwell that crosses burnIn; that dwell is redrawn (memorylessness)
        double burnIn = settings.burnIn();
        double t = 0.0;
        long burnEvents = 0;
        long reported = 0;
        StateTable.Level level = table.level(n, m);
        int k = m - level.low;
        while (burnIn > 0.0) {
            double total = level.total[k];
            if (total == 0.0) {
                break;
            }
            double next = t + rng.nextExponential() / total;
            if (next >= burnIn) {
                break;
            }
            t = next;
            int j = pick(level, k, rng.nextDouble() * total);
            long target = level.target[j];
            n = (int) (target >>> 32);
            m = (int) target;
            level = table.level(n, m);
            k = m - level.low;
            burnEvents++;
            if ((burnEvents & POLL_MASK) == 0) {
                control.report(replica, t, burnEvents - reported);
                reported = burnEvents;
                if (control.isStopRequested() || System.nanoTime() > deadline) {
                    stopped = true;
                    break;
                }
            }
        }
        double doneBurnIn = stopped ? t : burnIn;

        // recorded run on [0, duration)
        double duration = settings.duration();
        double dt = settings.sampleInterval();
        int gridCount = settings.samplesPerReplica();
        int[] gridN = new int[gridCount];
        int[] gridM = new int[gridCount];
        int gi = 0;
        double nextGrid = 0.0;
        long[] counts = new long[Channel.values().length];
        long events = 0;
        t = 0.0;
        if (!stopped) {
            while (true) {
                double total = level.total[k];
                double next = total > 0.0 ? t + rng.nextExponential() / total : Double.POSITIVE_INFINITY;
                boolean last = next >= duration;
                double until = last ? duration : next;
                while (gi < gridCount && nextGrid < until) { // grid points in [t, until): the current state
                    gridN[gi] = n;
                    gridM[gi] = m;
                    gi++;
                    nextGrid = gi * dt;
                }
                if (last) {
                    level.time[k] += duration - t;
                    t = duration;
                    break;
                }
                level.time[k] += next - t;
                t = next;
                int j = pick(level, k, rng.nextDouble() * total);
                counts[level.channel[j]]++;
                long target = level.target[j];
                n = (int) (target >>> 32);
                m = (int) target;
                level = table.level(n, m);
                k = m - level.low;
                events++;
                if ((events & POLL_MASK) == 0) {
                    control.report(replica, doneBurnIn + t, burnEvents + events - reported);
                    reported = burnEvents + events;
                    if (control.isStopRequested() || System.nanoTime() > deadline) {
                        stopped = true;
                        break;
                    }
                }
            }
        }
        control.report(replica, doneBurnIn + t, burnEvents + events - reported);
        TimeSeries series = new TimeSeries(dt, gi == gridCount ? gridN : java.util.Arrays.copyOf(gridN, gi),
                gi == gridCount ? gridM : java.util.Arrays.copyOf(gridM, gi));
        OccupationHistogram occupation = table.occupation();
        double cpuSeconds = (cpuNanos() - cpuStart) * 1e-9;
        return new ReplicaResult(replica, t, events, burnEvents, counts, occupation, series, stopped, cpuSeconds);
    }

    /** CPU time of the current thread in ns (wall time where the JVM cannot measure it). */
    private static long cpuNanos() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Index (in the level's transition arrays) of the transition whose cumulative-rate interval holds x. */
    private static int pick(StateTable.Level level, int k, double x) {
        int base = k * StateTable.MAX_TRANSITIONS;
        int last = base + level.count[k] - 2; // count = 1 + transitions
        int j = base;
        double[] cumulative = level.cumulative;
        while (j < last && x >= cumulative[j]) {
            j++;
        }
        return j;
    }
}
