package org.qpspin.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.qpspin.rates.RateModel;

/**
 * A second, independent simulator of the (N, m) chain that records every jump time, for the event-sampled
 * setting of {@link ValidatorCalibration} ({@link org.qpspin.montecarlo.GillespieSimulator} records only a regular
 * grid). Gillespie's direct method (D. T. Gillespie, J. Phys. Chem. 81, 2340 (1977)) on the transitions of
 * {@link RateModel#forEachTransition}: dwell τ ~ Exp(R), transition j with probability r_j / R. One
 * L64X128MixRandom per replica, seeded with seed + replica: bit-reproducible.
 *
 * <p>Output: the CSV that an event-driven simulator writes ({@code replica,t,N,m}: the state at t = 0, the end of
 * the burn-in, then one row per jump at its time, up to {@code duration}), the input of
 * {@code qpspin validate --jump-times}.
 */
final class JumpTimeRecorder {

    private final RateModel rates;
    private final Map<Long, double[]> cumulative = new HashMap<>();
    private final Map<Long, long[]> targets = new HashMap<>();

    JumpTimeRecorder(RateModel rates) {
        this.rates = rates;
    }

    /** Appends replica {@code replica}'s rows to {@code csv} and returns the number of jumps recorded. */
    long record(StringBuilder csv, int replica, long seed, int startN, int startM, double burnIn, double duration) {
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed + replica);
        int n = startN;
        int m = startM;
        double t = 0.0;
        while (true) { // burn-in; the dwell that crosses its end is redrawn (memorylessness)
            double[] c = cumulative(n, m);
            double total = c[c.length - 1];
            double next = t + rng.nextExponential() / total;
            if (next >= burnIn) {
                break;
            }
            t = next;
            long target = pick(n, m, c, rng.nextDouble() * total);
            n = (int) (target >>> 32);
            m = (int) target;
        }
        row(csv, replica, 0.0, n, m);
        t = 0.0;
        long jumps = 0;
        while (true) {
            double[] c = cumulative(n, m);
            double total = c[c.length - 1];
            t += rng.nextExponential() / total;
            if (t >= duration) {
                return jumps;
            }
            long target = pick(n, m, c, rng.nextDouble() * total);
            n = (int) (target >>> 32);
            m = (int) target;
            row(csv, replica, t, n, m);
            jumps++;
        }
    }

    private static void row(StringBuilder csv, int replica, double t, int n, int m) {
        csv.append(replica).append(',').append(t).append(',').append(n)
                .append(',').append(m).append('\n');
    }

    private long pick(int n, int m, double[] c, double x) {
        long[] to = targets.get(key(n, m));
        int j = 0;
        while (j < c.length - 1 && x >= c[j]) {
            j++;
        }
        return to[j];
    }

    private double[] cumulative(int n, int m) {
        long key = key(n, m);
        double[] c = cumulative.get(key);
        if (c == null) {
            double[] r = new double[16];
            long[] to = new long[16];
            int[] k = {0};
            rates.forEachTransition(n, m, (channel, toN, toM, rate) -> {
                double before = k[0] == 0 ? 0.0 : r[k[0] - 1];
                r[k[0]] = before + rate;
                to[k[0]] = key(toN, toM);
                k[0]++;
            });
            if (k[0] == 0) {
                throw new IllegalStateException("absorbing state (" + n + ", " + m + ")");
            }
            c = Arrays.copyOf(r, k[0]);
            cumulative.put(key, c);
            targets.put(key, Arrays.copyOf(to, k[0]));
        }
        return c;
    }

    private static long key(int n, int m) {
        return ((long) n << 32) | (m & 0xffffffffL);
    }
}
