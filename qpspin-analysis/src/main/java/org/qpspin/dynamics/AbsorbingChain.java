package org.qpspin.dynamics;

import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.rates.Channel;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.TransitionSink;
import org.qpspin.space.StateSpace;

/**
 * The cluster chain on a truncated set with the mass that leaves it collected, not dropped: the finite state
 * projection of Munsky and Khammash (J. Chem. Phys. 124 (2006) 044104), with three absorbing sinks.
 *
 * <p>States: the states of {@code space} outside the target set ("kept", numbered in the space's order), then
 * the sinks {@link #targetSink()} (every transition into the target set, inside or outside the space),
 * {@link #lostNSink()} (transitions to N &gt; nMax) and {@link #lostMSink()} (transitions to a valid state at
 * N ≤ nMax outside the m window). The matrix is a generator (columns sum to 0; the sink columns are empty), so
 * e^{tL} keeps the total mass, and the sinks hold exactly the integrated fluxes: the mass that reached the target,
 * and the mass that left the truncated set, by time t. Finite state projection theorem: the kept part of
 * e^{tL}p(0) is entrywise ≤ the exact law, and the two differ in ‖·‖₁ by exactly the lost mass.
 *
 * <p>Immutable.
 */
public final class AbsorbingChain {

    private final StateSpace space;
    private final TargetSet target;
    private final int[] keptToSpace;
    private final int[] spaceToKept;
    private final DMatrixSparseCSC matrix;
    private final double[] targetRate;
    private final double[] lostRate;

    private AbsorbingChain(StateSpace space, TargetSet target, int[] keptToSpace, int[] spaceToKept,
                           DMatrixSparseCSC matrix, double[] targetRate, double[] lostRate) {
        this.space = space;
        this.target = target;
        this.keptToSpace = keptToSpace;
        this.spaceToKept = spaceToKept;
        this.matrix = matrix;
        this.targetRate = targetRate;
        this.lostRate = lostRate;
    }

    /**
     * Assembles the chain of {@code rates} on {@code space} with {@code target} absorbing (null: no target).
     *
     * @param rates the rate model whose transitions are assembled
     * @param space the truncated state space (target states included)
     * @param target the states made absorbing, or null for none
     * @return the chain: the kept states, then the target sink and the two sinks of the mass lost to N &gt; nMax and
     *             outside the m window
     * @throws IllegalArgumentException if a rate is not finite, or too many states for one CSC matrix
     */
    public static AbsorbingChain assemble(RateModel rates, StateSpace space, TargetSet target) {
        int size = space.size();
        int[] spaceToKept = new int[size];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            boolean in = target != null && target.contains(space.levelOf(i), space.mOf(i));
            spaceToKept[i] = in ? -1 : kept++;
        }
        int[] keptToSpace = new int[kept];
        for (int i = 0; i < size; i++) {
            if (spaceToKept[i] >= 0) {
                keptToSpace[spaceToKept[i]] = i;
            }
        }
        int n = kept + 3;
        long capacity = (long) kept * (Channel.values().length + 4);
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many states for one CSC matrix: " + kept);
        }
        DMatrixSparseCSC a = new DMatrixSparseCSC(n, n, (int) capacity);
        double[] toTarget = new double[kept];
        double[] lost = new double[kept];
        Column column = new Column(space, target, spaceToKept, kept);
        int nz = 0;
        for (int j = 0; j < kept; j++) {
            a.col_idx[j] = nz;
            int s = keptToSpace[j];
            column.start(j);
            rates.forEachTransition(space.levelOf(s), space.mOf(s), column);
            nz = column.write(a.nz_rows, a.nz_values, nz);
            toTarget[j] = column.sink[0];
            lost[j] = column.sink[1] + column.sink[2];
        }
        for (int j = kept; j <= n; j++) {
            a.col_idx[j] = nz;
        }
        a.nz_length = nz;
        a.indicesSorted = true;
        return new AbsorbingChain(space, target, keptToSpace, spaceToKept, a, toTarget, lost);
    }

    /** Collects one column: kept targets (merged, sorted), the three sinks, the diagonal. */
    private static final class Column implements TransitionSink {
        private final StateSpace space;
        private final TargetSet target;
        private final int[] spaceToKept;
        private final int kept;
        private final int[] row = new int[Channel.values().length + 1];
        private final double[] rate = new double[Channel.values().length + 1];
        final double[] sink = new double[3];
        private int count;
        private int self;

        Column(StateSpace space, TargetSet target, int[] spaceToKept, int kept) {
            this.space = space;
            this.target = target;
            this.spaceToKept = spaceToKept;
            this.kept = kept;
        }

        void start(int j) {
            self = j;
            count = 0;
            sink[0] = 0.0;
            sink[1] = 0.0;
            sink[2] = 0.0;
        }

        @Override
        public void accept(Channel channel, int toN, int toM, double r) {
            if (!(r < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("rate of " + channel + " is " + r);
            }
            if (target != null && target.contains(toN, toM)) {
                sink[0] += r;
                return;
            }
            int s = space.indexOrMinusOne(toN, toM);
            if (s < 0) {
                sink[toN > space.maxN() ? 1 : 2] += r;
                return;
            }
            int k = spaceToKept[s];
            for (int i = 0; i < count; i++) {
                if (row[i] == k) {
                    rate[i] += r;
                    return;
                }
            }
            row[count] = k;
            rate[count] = r;
            count++;
        }

        int write(int[] rows, double[] values, int nz) {
            // insertion sort of the few kept targets, with the diagonal slot
            row[count] = self;
            rate[count] = 0.0;
            int c = count + 1;
            for (int i = 1; i < c; i++) {
                int r = row[i];
                double v = rate[i];
                int k = i - 1;
                while (k >= 0 && row[k] > r) {
                    row[k + 1] = row[k];
                    rate[k + 1] = rate[k];
                    k--;
                }
                row[k + 1] = r;
                rate[k + 1] = v;
            }
            double out = sink[0] + sink[1] + sink[2];
            for (int i = 0; i < c; i++) {
                if (row[i] != self) {
                    out += rate[i];
                }
            }
            for (int i = 0; i < c; i++) {
                rows[nz] = row[i];
                values[nz++] = row[i] == self ? -out : rate[i];
            }
            for (int s = 0; s < 3; s++) {
                if (sink[s] > 0.0) {
                    rows[nz] = kept + s;
                    values[nz++] = sink[s];
                }
            }
            return nz;
        }
    }

    /** {@return the truncated set (target states included)} */
    public StateSpace space() {
        return space;
    }

    /** {@return the target set, or null} */
    public TargetSet target() {
        return target;
    }

    /** {@return kept (non-target) states} */
    public int keptStates() {
        return keptToSpace.length;
    }

    /** {@return size of the matrix: kept states and three sinks} */
    public int size() {
        return keptToSpace.length + 3;
    }

    /**
     * {@return index in {@link #space()} of kept state k}
     *
     * @param k a kept (non-target) state, 0 ≤ k &lt; {@link #keptStates()}
     */
    public int spaceIndex(int k) {
        return keptToSpace[k];
    }

    /**
     * {@return kept index of space state s, or −1 for a target state}
     *
     * @param s a state index of {@link #space()}
     */
    public int keptIndex(int s) {
        return spaceToKept[s];
    }

    /**
     * {@return N of kept state k}
     *
     * @param k a kept (non-target) state
     */
    public int n(int k) {
        return space.levelOf(keptToSpace[k]);
    }

    /**
     * {@return m of kept state k}
     *
     * @param k a kept (non-target) state
     */
    public int m(int k) {
        return space.mOf(keptToSpace[k]);
    }

    /** {@return index of the sink collecting the mass that entered the target set} */
    public int targetSink() {
        return keptToSpace.length;
    }

    /** {@return index of the sink collecting the mass that left through N &gt; nMax} */
    public int lostNSink() {
        return keptToSpace.length + 1;
    }

    /** {@return index of the sink collecting the mass that left through the m window} */
    public int lostMSink() {
        return keptToSpace.length + 2;
    }

    /** {@return the generator with the sinks (shared, do not modify)} */
    public DMatrixSparseCSC matrix() {
        return matrix;
    }

    /**
     * {@return rate from kept state k into the target set, s⁻¹}
     *
     * @param k a kept (non-target) state
     */
    public double targetRate(int k) {
        return targetRate[k];
    }

    /**
     * {@return rate from kept state k out of the truncated set (to non-target states), s⁻¹}
     *
     * @param k a kept (non-target) state
     */
    public double lostRate(int k) {
        return lostRate[k];
    }

    /** {@return whether no kept state has a transition out of the truncated set: the projection is then exact} */
    public boolean isClosed() {
        for (double r : lostRate) {
            if (r > 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the vector of this chain holding {@code start}: mass on a target state goes to the target sink}
     *
     * @param start the start distribution over (N, m) states
     * @throws IllegalArgumentException if a start state with positive mass is outside the truncated set and not
     *                                  in the target
     */
    public double[] initialVector(StartDistribution start) {
        double[] x = new double[size()];
        for (int i = 0; i < start.size(); i++) {
            double p = start.probability(i);
            if (p == 0.0) {
                continue;
            }
            int n = start.n(i);
            int m = start.m(i);
            if (target != null && target.contains(n, m)) {
                x[targetSink()] += p;
                continue;
            }
            int s = space.indexOrMinusOne(n, m);
            if (s < 0) {
                throw new IllegalArgumentException("start state (N=" + n + ", m=" + m + ") is outside the truncation "
                        + space);
            }
            x[spaceToKept[s]] += p;
        }
        return x;
    }
}
