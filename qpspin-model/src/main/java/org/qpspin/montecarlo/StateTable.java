package org.qpspin.montecarlo;

import java.util.Arrays;
import org.qpspin.rates.Channel;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.TransitionSink;

/**
 * Per-replica cache of the transitions out of each visited state, and the time spent in it.
 *
 * <p>Level N holds a window of m values [low, low + width). For each state it stores the cumulative rates of
 * its transitions (at most {@link #MAX_TRANSITIONS}), their targets and channels, and the total exit rate; a
 * state is filled from {@link RateModel#forEachTransition} on its first visit, so the cache holds exactly what
 * the rate model says (one definition of the physics). Memory grows with the visited region only; windows are
 * widened by doubling, so allocation happens on first visits, never per event.
 */
final class StateTable implements TransitionSink {

    /** Most transitions out of one state (one per channel). */
    static final int MAX_TRANSITIONS = Channel.values().length;
    private static final Channel[] CHANNELS = Channel.values();

    /** One level N: parallel arrays over the m window. */
    static final class Level {
        int low;
        int width;
        /** count[k] = 1 + number of transitions once filled, 0 before. */
        byte[] count;
        double[] total;
        double[] time;
        /** Cumulative rates, stride MAX_TRANSITIONS. */
        double[] cumulative;
        /** Targets packed as N << 32 | m, stride MAX_TRANSITIONS. */
        long[] target;
        byte[] channel;

        Level(int low, int width) {
            this.low = low;
            this.width = width;
            count = new byte[width];
            total = new double[width];
            time = new double[width];
            cumulative = new double[width * MAX_TRANSITIONS];
            target = new long[width * MAX_TRANSITIONS];
            channel = new byte[width * MAX_TRANSITIONS];
        }
    }

    private final RateModel rates;
    private Level[] levels = new Level[64];
    // fill state of the sink
    private Level fillLevel;
    private int fillBase;
    private int fillCount;
    private double fillSum;

    StateTable(RateModel rates) {
        this.rates = rates;
    }

    /** The level holding (n, m), created or widened as needed, with (n, m) filled. */
    Level level(int n, int m) {
        if (n >= levels.length) {
            levels = Arrays.copyOf(levels, Math.max(n + 1, 2 * levels.length));
        }
        Level level = levels[n];
        if (level == null) {
            int width = Math.min(8, n / 2 + 1);
            int low = Math.max(0, Math.min(m - width / 2, n / 2 + 1 - width));
            level = new Level(low, width);
            levels[n] = level;
        } else if (m < level.low || m >= level.low + level.width) {
            widen(level, n, m);
        }
        int k = m - level.low;
        if (level.count[k] == 0) {
            fill(level, k, n, m);
        }
        return level;
    }

    private static void widen(Level level, int n, int m) {
        int maxWidth = n / 2 + 1;
        int lo = Math.min(level.low, m);
        int hi = Math.max(level.low + level.width, m + 1); // exclusive
        int newWidth = Math.min(maxWidth, Math.max(2 * level.width, hi - lo));
        // centre the extra room on the side that grew, stay within 0 ≤ m ≤ ⌊N/2⌋
        int newLow = m < level.low ? Math.max(0, hi - newWidth) : lo;
        if (newLow + newWidth > maxWidth) {
            newLow = maxWidth - newWidth;
        }
        int shift = level.low - newLow;
        byte[] count = new byte[newWidth];
        double[] total = new double[newWidth];
        double[] time = new double[newWidth];
        double[] cumulative = new double[newWidth * MAX_TRANSITIONS];
        long[] target = new long[newWidth * MAX_TRANSITIONS];
        byte[] channel = new byte[newWidth * MAX_TRANSITIONS];
        System.arraycopy(level.count, 0, count, shift, level.width);
        System.arraycopy(level.total, 0, total, shift, level.width);
        System.arraycopy(level.time, 0, time, shift, level.width);
        System.arraycopy(level.cumulative, 0, cumulative, shift * MAX_TRANSITIONS, level.width * MAX_TRANSITIONS);
        System.arraycopy(level.target, 0, target, shift * MAX_TRANSITIONS, level.width * MAX_TRANSITIONS);
        System.arraycopy(level.channel, 0, channel, shift * MAX_TRANSITIONS, level.width * MAX_TRANSITIONS);
        level.low = newLow;
        level.width = newWidth;
        level.count = count;
        level.total = total;
        level.time = time;
        level.cumulative = cumulative;
        level.target = target;
        level.channel = channel;
    }

    private void fill(Level level, int k, int n, int m) {
        fillLevel = level;
        fillBase = k * MAX_TRANSITIONS;
        fillCount = 0;
        fillSum = 0.0;
        rates.forEachTransition(n, m, this);
        level.total[k] = fillSum;
        level.count[k] = (byte) (fillCount + 1);
        fillLevel = null;
    }

    @Override
    public void accept(Channel channel, int toN, int toM, double rate) {
        if (!(rate > 0.0 && rate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rate model " + rates.name() + " gave rate " + rate + " for "
                    + channel + " to (" + toN + ", " + toM + ")");
        }
        if (fillCount == MAX_TRANSITIONS) {
            throw new IllegalStateException("rate model " + rates.name() + " reported more than "
                    + MAX_TRANSITIONS + " transitions from one state");
        }
        fillSum += rate;
        int j = fillBase + fillCount;
        fillLevel.cumulative[j] = fillSum;
        fillLevel.target[j] = ((long) toN << 32) | (toM & 0xffffffffL);
        fillLevel.channel[j] = (byte) channel.ordinal();
        fillCount++;
    }

    /** The occupation times recorded so far, as an immutable histogram. */
    OccupationHistogram occupation() {
        int maxN = -1;
        for (int n = 0; n < levels.length; n++) {
            if (levels[n] != null && hasTime(levels[n])) {
                maxN = n;
            }
        }
        int[] lows = new int[maxN + 1];
        double[][] times = new double[maxN + 1][];
        for (int n = 0; n <= maxN; n++) {
            Level level = levels[n];
            if (level == null || !hasTime(level)) {
                times[n] = new double[0];
                continue;
            }
            int first = 0;
            int last = level.width - 1;
            while (level.time[first] == 0.0) {
                first++;
            }
            while (level.time[last] == 0.0) {
                last--;
            }
            lows[n] = level.low + first;
            times[n] = Arrays.copyOfRange(level.time, first, last + 1);
        }
        return OccupationHistogram.ofLevels(lows, times);
    }

    private static boolean hasTime(Level level) {
        for (double t : level.time) {
            if (t != 0.0) {
                return true;
            }
        }
        return false;
    }

    static Channel channel(int ordinal) {
        return CHANNELS[ordinal];
    }
}
