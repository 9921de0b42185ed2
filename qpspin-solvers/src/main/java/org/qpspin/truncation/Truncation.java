package org.qpspin.truncation;

/**
 * How the infinite (N, m) chain is cut to 0 ≤ N ≤ Nmax, 0 ≤ m ≤ min(⌊N/2⌋, mMax) (docs/model.md, "Truncation").
 *
 * <p>Two kinds:
 * <ul>
 *   <li>{@link #automatic()}: Nmax and mMax are chosen from the mean-field scales, the chain is solved, the
 *       truncation cost (the omitted stationary flux relative to A·V) is measured, and the side that carries
 *       the cost is grown until the cost is at most the tolerance (default {@value #DEFAULT_TOLERANCE}). If
 *       that takes more than {@link #maxGrowths()} growths or more than {@link #maxStates()} states, a
 *       {@link TruncationException} is thrown: never a silent answer beyond tolerance.</li>
 *   <li>{@link #fixed(int, int)}: the given Nmax and mMax; the cost is reported and is an error only on
 *       request ({@link #failIfAbove(double)}).</li>
 * </ul>
 * An automatic truncation may use, instead of one mMax for every level, the per-level band of
 * {@link BandTruncation#around} that follows the mean-field m*(N) ({@link #withBand()}): the same tolerance, far
 * fewer states where m*(N) varies a lot with N (polarized clusters that are unpolarized at small N); its m side
 * grows by widening every level's window (the band's slack) instead of raising mMax.
 * Immutable value type; the {@code with…} methods return modified copies.
 */
public final class Truncation {

    /** Default tolerance of the automatic truncation on omittedFlux / (A V). */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Default number of growths (re-solves after the first solve) before giving up. */
    public static final int DEFAULT_MAX_GROWTHS = 12;
    /** Default cap on the number of states of one attempt. */
    public static final int DEFAULT_MAX_STATES = 50_000_000;
    /** mMax value meaning "no truncation in m" (m ≤ ⌊N/2⌋ only). */
    public static final int NO_M_LIMIT = Integer.MAX_VALUE;

    private final boolean automatic;
    private final int nMax;
    private final int mMax;
    private final double tolerance;
    private final int maxGrowths;
    private final int maxStates;
    private final boolean band;
    private final boolean windows;

    private Truncation(boolean automatic, int nMax, int mMax, double tolerance, int maxGrowths, int maxStates,
                       boolean band) {
        this(automatic, nMax, mMax, tolerance, maxGrowths, maxStates, band, false);
    }

    private Truncation(boolean automatic, int nMax, int mMax, double tolerance, int maxGrowths, int maxStates,
                       boolean band, boolean windows) {
        this.automatic = automatic;
        this.nMax = nMax;
        this.mMax = mMax;
        this.tolerance = tolerance;
        this.maxGrowths = maxGrowths;
        this.maxStates = maxStates;
        this.band = band;
        this.windows = windows;
    }

    /**
     * {@return the automatic truncation to the default tolerance {@value #DEFAULT_TOLERANCE} on omittedFlux / (A V),
     * rectangular attempts, at most {@value #DEFAULT_MAX_GROWTHS} growths and {@value #DEFAULT_MAX_STATES} states}
     */
    public static Truncation automatic() {
        return automatic(DEFAULT_TOLERANCE);
    }

    /**
     * {@return the automatic truncation that grows until omittedFlux / (A V) ≤ {@code tolerance}} Rectangular
     * attempts, at most {@value #DEFAULT_MAX_GROWTHS} growths and {@value #DEFAULT_MAX_STATES} states.
     *
     * @param tolerance the largest accepted truncation cost, the omitted stationary flux relative to the injection
     *     A V (dimensionless), in (0, 1)
     * @throws IllegalArgumentException unless 0 &lt; tolerance &lt; 1
     */
    public static Truncation automatic(double tolerance) {
        requireTolerance(tolerance);
        return new Truncation(true, -1, -1, tolerance, DEFAULT_MAX_GROWTHS, DEFAULT_MAX_STATES, false);
    }

    /**
     * {@return the rectangle 0 ≤ N ≤ nMax, 0 ≤ m ≤ min(⌊N/2⌋, mMax)}; its cost is reported, not checked.
     *
     * @param nMax largest N (≥ 0)
     * @param mMax largest m (≥ 0); {@link #NO_M_LIMIT} or anything ≥ ⌊nMax/2⌋ keeps every valid m
     * @throws IllegalArgumentException for negative bounds
     */
    public static Truncation fixed(int nMax, int mMax) {
        if (nMax < 0) {
            throw new IllegalArgumentException("nMax must be >= 0, got " + nMax);
        }
        if (mMax < 0) {
            throw new IllegalArgumentException("mMax must be >= 0, got " + mMax);
        }
        return new Truncation(false, nMax, mMax, Double.POSITIVE_INFINITY, 0, DEFAULT_MAX_STATES, false);
    }

    /**
     * {@return the triangle 0 ≤ N ≤ nMax, 0 ≤ m ≤ ⌊N/2⌋ (no truncation in m)}: (⌊nMax/2⌋ + 1)(nMax − ⌊nMax/2⌋ + 1)
     * states; its cost is reported, not checked.
     *
     * @param nMax largest N (≥ 0)
     * @throws IllegalArgumentException for a negative nMax
     */
    public static Truncation fixed(int nMax) {
        return fixed(nMax, NO_M_LIMIT);
    }

    /**
     * A copy that raises {@link TruncationException} when the measured cost exceeds {@code tolerance}; for an
     * automatic truncation this sets the tolerance it grows to.
     *
     * @param tolerance the largest accepted omittedFlux / (A V), in (0, 1)
     * @return a copy with that tolerance, checked; the window, growth and state limits unchanged
     * @throws IllegalArgumentException unless 0 &lt; tolerance &lt; 1
     */
    public Truncation failIfAbove(double tolerance) {
        requireTolerance(tolerance);
        return new Truncation(automatic, nMax, mMax, tolerance, maxGrowths, maxStates, band, windows);
    }

    /**
     * A copy of this automatic truncation whose attempts are {@link BandTruncation#around} bands following
     * m*(N), level by level, rather than rectangles.
     *
     * @return a banded copy (two-sided windows, if set, are dropped); tolerance and limits unchanged
     * @throws IllegalArgumentException for a fixed truncation (give its window explicitly instead)
     */
    public Truncation withBand() {
        if (!automatic) {
            throw new IllegalArgumentException("the band applies to the automatic truncation only, not to " + this);
        }
        return new Truncation(true, nMax, mMax, tolerance, maxGrowths, maxStates, true, false);
    }

    /**
     * A copy of this automatic truncation whose attempts are {@link TwoSidedWindows}: per-level windows
     * mLow(N) ≤ m ≤ mHigh(N) grown from both sides by the omitted flux through each edge (replaces
     * {@link #withBand()}).
     *
     * @return a copy with two-sided windows (a band, if set, is dropped); tolerance and limits unchanged
     * @throws IllegalArgumentException for a fixed truncation
     */
    public Truncation withWindows() {
        if (!automatic) {
            throw new IllegalArgumentException("two-sided windows apply to the automatic truncation only, not to "
                    + this);
        }
        return new Truncation(true, nMax, mMax, tolerance, maxGrowths, maxStates, false, true);
    }

    /** {@return whether the automatic attempts are two-sided windows ({@link #withWindows()})} */
    public boolean isWindows() {
        return windows;
    }

    /** {@return whether the automatic attempts are m*(N) bands ({@link #withBand()}) rather than rectangles} */
    public boolean isBand() {
        return band;
    }

    /**
     * {@return a copy allowing at most {@code growths} re-solves after the first} Only an automatic truncation
     * grows; a fixed one ignores the limit.
     *
     * @param growths the number of growths (≥ 0; 0: the first attempt must meet the tolerance)
     * @throws IllegalArgumentException for a negative {@code growths}
     */
    public Truncation withMaxGrowths(int growths) {
        if (growths < 0) {
            throw new IllegalArgumentException("maxGrowths must be >= 0, got " + growths);
        }
        return new Truncation(automatic, nMax, mMax, tolerance, growths, maxStates, band, windows);
    }

    /**
     * {@return a copy whose attempts may hold at most {@code states} states} An automatic truncation whose next
     * growth would exceed the cap throws {@link TruncationException} instead of solving.
     *
     * @param states the cap on the states of one attempt (≥ 1)
     * @throws IllegalArgumentException for {@code states} &lt; 1
     */
    public Truncation withMaxStates(int states) {
        if (states < 1) {
            throw new IllegalArgumentException("maxStates must be >= 1, got " + states);
        }
        return new Truncation(automatic, nMax, mMax, tolerance, maxGrowths, states, band, windows);
    }

    private static void requireTolerance(double tolerance) {
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new IllegalArgumentException("truncation tolerance must be in (0, 1), got " + tolerance);
        }
    }

    /** {@return whether Nmax and mMax are chosen (and grown) automatically} */
    public boolean isAutomatic() {
        return automatic;
    }

    /** {@return the fixed Nmax (−1 when automatic)} */
    public int nMax() {
        return nMax;
    }

    /** {@return the fixed mMax (−1 when automatic; {@link #NO_M_LIMIT} for no truncation in m)} */
    public int mMax() {
        return mMax;
    }

    /** {@return the tolerance on omittedFlux / (A V); +∞ for a fixed truncation without {@link #failIfAbove}} */
    public double tolerance() {
        return tolerance;
    }

    /** {@return whether a cost above {@link #tolerance()} is an error (always for automatic truncations)} */
    public boolean isChecked() {
        return tolerance < Double.POSITIVE_INFINITY;
    }

    /** {@return the largest number of growths after the first solve} */
    public int maxGrowths() {
        return maxGrowths;
    }

    /** {@return the largest number of states of one attempt} */
    public int maxStates() {
        return maxStates;
    }

    @Override
    public String toString() {
        if (automatic) {
            return "automatic(tol=" + tolerance + (band ? ", band" : "") + (windows ? ", windows" : "") + ")";
        }
        String m = mMax == NO_M_LIMIT ? "none" : Integer.toString(mMax);
        return "fixed(nMax=" + nMax + ", mMax=" + m + (isChecked() ? ", failIfAbove=" + tolerance : "") + ")";
    }
}
