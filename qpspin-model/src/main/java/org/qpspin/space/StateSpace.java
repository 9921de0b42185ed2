package org.qpspin.space;

import java.util.Arrays;

/**
 * A truncated set of cluster states (N, m), 0 ≤ N ≤ Nmax, each level N holding the contiguous range
 * mLow(N) ≤ m ≤ mHigh(N) within the valid 0 ≤ m ≤ ⌊N/2⌋ (docs/model.md, "State space" and "Truncation").
 *
 * <p>States are numbered level by level (N ascending), m ascending within a level:
 * index(N, m) = offset(N) + m − mLow(N). Both directions are O(1): {@link #index} reads the level offset,
 * {@link #levelOf} reads a per-state level table. The usual truncation is the rectangle
 * m ≤ min(⌊N/2⌋, mMax) ({@link #rectangle}); {@link #band} allows a per-level window (e.g. following the
 * mean-field curve m*(N)).
 *
 * <p>Immutable. Limits: at most {@link #MAX_STATES} states (Java array indices).
 */
public final class StateSpace {

    /** Largest supported number of states. */
    public static final int MAX_STATES = Integer.MAX_VALUE - 8;

    private final int maxN;
    private final int[] lowM;
    private final int[] highM;
    private final int[] offset; // offset[N] = index of (N, lowM[N]); offset[maxN + 1] = size
    private final int[] levelOfState;
    private final boolean rectangular;
    private final int maxM;

    private StateSpace(int maxN, int[] lowM, int[] highM, boolean rectangular, int maxM) {
        this.maxN = maxN;
        this.lowM = lowM;
        this.highM = highM;
        this.rectangular = rectangular;
        this.maxM = maxM;
        offset = new int[maxN + 2];
        long total = 0;
        for (int n = 0; n <= maxN; n++) {
            offset[n] = (int) total;
            total += highM[n] - lowM[n] + 1;
            if (total > MAX_STATES) {
                throw new IllegalArgumentException("state space too large: more than " + MAX_STATES
                        + " states up to N = " + n + "; lower nMax or mMax");
            }
        }
        offset[maxN + 1] = (int) total;
        levelOfState = new int[(int) total];
        for (int n = 0; n <= maxN; n++) {
            Arrays.fill(levelOfState, offset[n], offset[n + 1], n);
        }
    }

    /**
     * {@return the rectangle 0 ≤ N ≤ nMax, 0 ≤ m ≤ min(⌊N/2⌋, mMax)}
     *
     * @param nMax largest N (≥ 0)
     * @param mMax largest m (≥ 0); any value ≥ ⌊nMax/2⌋ means no truncation in m
     * @throws IllegalArgumentException for negative bounds or more than {@link #MAX_STATES} states
     */
    public static StateSpace rectangle(int nMax, int mMax) {
        if (nMax < 0) {
            throw new IllegalArgumentException("nMax must be >= 0, got " + nMax);
        }
        if (mMax < 0) {
            throw new IllegalArgumentException("mMax must be >= 0, got " + mMax);
        }
        int[] lo = new int[nMax + 1];
        int[] hi = new int[nMax + 1];
        for (int n = 0; n <= nMax; n++) {
            hi[n] = Math.min(n / 2, mMax);
        }
        return new StateSpace(nMax, lo, hi, true, Math.min(mMax, nMax / 2));
    }

    /**
     * {@return the untruncated-in-m triangle 0 ≤ N ≤ nMax, 0 ≤ m ≤ ⌊N/2⌋}
     *
     * @param nMax the largest N (≥ 0)
     */
    public static StateSpace triangle(int nMax) {
        return rectangle(nMax, Math.max(0, nMax / 2));
    }

    /**
     * {@return a per-level window mLow[N] ≤ m ≤ mHigh[N] for N = 0 … nMax, clipped to 0 ≤ m ≤ ⌊N/2⌋}
     *
     * @param mLow the smallest m kept at each level N = 0 … nMax
     * @param mHigh the largest m kept at each level (same length)
     * @throws IllegalArgumentException if the arrays differ in length, or a clipped window is empty
     */
    public static StateSpace band(int[] mLow, int[] mHigh) {
        if (mLow.length != mHigh.length || mLow.length == 0) {
            throw new IllegalArgumentException("band needs equal, non-empty mLow and mHigh arrays");
        }
        int nMax = mLow.length - 1;
        int[] lo = new int[nMax + 1];
        int[] hi = new int[nMax + 1];
        int top = 0;
        for (int n = 0; n <= nMax; n++) {
            lo[n] = Math.max(0, mLow[n]);
            hi[n] = Math.min(n / 2, mHigh[n]);
            if (lo[n] > hi[n]) {
                throw new IllegalArgumentException("empty m window at N = " + n + ": [" + mLow[n] + ", "
                        + mHigh[n] + "] within 0 <= m <= " + n / 2);
            }
            top = Math.max(top, hi[n]);
        }
        return new StateSpace(nMax, lo, hi, false, top);
    }

    /** {@return number of states} */
    public int size() {
        return offset[maxN + 1];
    }

    /** {@return Nmax} */
    public int maxN() {
        return maxN;
    }

    /** {@return the largest m of any state} */
    public int maxM() {
        return maxM;
    }

    /** {@return whether this is a {@link #rectangle}} */
    public boolean isRectangle() {
        return rectangular;
    }

    /**
     * {@return smallest m kept at level N}
     *
     * @param n N, 0 ≤ N ≤ Nmax
     */
    public int lowM(int n) {
        return lowM[n];
    }

    /**
     * {@return largest m kept at level N}
     *
     * @param n N, 0 ≤ N ≤ Nmax
     */
    public int highM(int n) {
        return highM[n];
    }

    /**
     * {@return number of states at level N}
     *
     * @param n N, 0 ≤ N ≤ Nmax
     */
    public int levelWidth(int n) {
        return highM[n] - lowM[n] + 1;
    }

    /**
     * {@return index of the first state of level N (for N = Nmax + 1: {@link #size()})}
     *
     * @param n N, 0 ≤ N ≤ Nmax + 1
     */
    public int levelOffset(int n) {
        return offset[n];
    }

    /** {@return largest level width} */
    public int maxLevelWidth() {
        int w = 0;
        for (int n = 0; n <= maxN; n++) {
            w = Math.max(w, levelWidth(n));
        }
        return w;
    }

    /**
     * {@return whether (N, m) is a valid state of the model (0 ≤ m ≤ ⌊N/2⌋), regardless of truncation}
     *
     * @param n N
     * @param m m
     */
    public static boolean isValid(int n, int m) {
        return n >= 0 && m >= 0 && m <= n / 2;
    }

    /**
     * {@return whether (N, m) is in this truncated set}
     *
     * @param n N
     * @param m m
     */
    public boolean contains(int n, int m) {
        return n >= 0 && n <= maxN && m >= lowM[n] && m <= highM[n];
    }

    /**
     * {@return index of (N, m)}
     *
     * @param n N
     * @param m m
     * @throws IndexOutOfBoundsException if (N, m) is not in the set
     */
    public int index(int n, int m) {
        if (!contains(n, m)) {
            throw new IndexOutOfBoundsException("state (N=" + n + ", m=" + m + ") is outside the truncated set");
        }
        return offset[n] + m - lowM[n];
    }

    /**
     * {@return index of (N, m), or −1 when it is not in the set}
     *
     * @param n N
     * @param m m
     */
    public int indexOrMinusOne(int n, int m) {
        return contains(n, m) ? offset[n] + m - lowM[n] : -1;
    }

    /**
     * {@return N of state {@code index}}
     *
     * @param index a state index, 0 ≤ index &lt; {@link #size()}
     */
    public int levelOf(int index) {
        return levelOfState[index];
    }

    /**
     * {@return m of state {@code index}}
     *
     * @param index a state index, 0 ≤ index &lt; {@link #size()}
     */
    public int mOf(int index) {
        int n = levelOfState[index];
        return index - offset[n] + lowM[n];
    }

    /**
     * {@return whether the state is on the truncation boundary: on level Nmax, or at an m edge that cuts valid states
     * (m = mHigh(N) &lt; ⌊N/2⌋, or m = mLow(N) &gt; 0)}
     *
     * @param index a state index, 0 ≤ index &lt; {@link #size()}
     */
    public boolean isOnBoundary(int index) {
        int n = levelOf(index);
        int m = mOf(index);
        return n == maxN || (m == highM[n] && highM[n] < n / 2) || (m == lowM[n] && lowM[n] > 0);
    }

    @Override
    public String toString() {
        return (rectangular ? "rectangle" : "band") + "(nMax=" + maxN + ", mMax=" + maxM + ", states=" + size() + ")";
    }
}
