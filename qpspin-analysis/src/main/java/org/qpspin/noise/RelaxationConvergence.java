package org.qpspin.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.WorkCounter;

/**
 * The slowest relaxation rates γ_1 … γ_K of the untruncated chain, converged in the truncation.
 *
 * <p>Why a loop of its own: the stationary truncation is chosen so that the omitted flux is below its tolerance,
 * which controls ⟨N⟩ and the noise but not the faster modes, whose eigenvectors reach further out in N and m
 * (issue 14: at A = 32000, V = 0.2, Γ = 50, Γ_t = 0, τ_s = 0.5 the automatic truncation Nmax = 221 gives
 * γ_6 = 46.05 s⁻¹ against 45.4954 s⁻¹ converged, with an ARPACK residual of 1e-13 — of the truncated matrix).
 *
 * <p>Rule: starting from the stationary truncation (Nmax, mMax), compute the K rates
 * ({@link NoiseAnalysis#relaxationSpectrum}), grow Nmax and mMax by the factor {@value #GROWTH} (at least
 * {@value #MIN_STEP} levels/columns; mMax stays "no limit" once it keeps every m ≤ N/2), compute again, and stop when
 * every eigenvalue moved by at most {@code tolerance} relative: |λ_k' − λ_k| ≤ tol |λ_k'| with λ = −γ + iν.
 * The rates of the larger chain are returned, each with the change over the last growth as its estimated error.
 * Truncation errors of eigenvalues fall off geometrically with the truncation (the eigenvectors decay beyond the
 * probable region), so the last change bounds the error of the larger chain's value from above; the test
 * RelaxationConvergenceTest checks it against a much larger truncation. When the tolerance is not met after
 * {@code maxGrowths} growths or before the chain would exceed {@code maxStates}, the last rates are returned
 * with {@link #converged()} false and their errors: the caller must say so.
 */
public final class RelaxationConvergence {

    /** Growth factor of Nmax and mMax per step. */
    static final double GROWTH = 1.2;
    /** Smallest growth per step, in levels (N) and columns (m). */
    static final int MIN_STEP = 4;
    /** Default relative tolerance on each eigenvalue. */
    public static final double DEFAULT_TOLERANCE = 1e-8;
    /** Default number of growths before giving up. */
    public static final int DEFAULT_MAX_GROWTHS = 8;

    /** Builds the noise analysis of the chain truncated at (nMax, mMax); mMax may be {@code Integer.MAX_VALUE}. */
    @FunctionalInterface
    public interface Chains {
        /**
         * {@return the noise analysis of the chain truncated at ({@code nMax}, {@code mMax})}
         *
         * @param nMax largest N
         * @param mMax largest m ({@code Integer.MAX_VALUE}: every valid m)
         */
        NoiseAnalysis truncatedAt(int nMax, int mMax);
    }

    private final double[] rates;
    private final double[] frequencies;
    private final double[] residuals;
    private final double[] errors;
    private final boolean converged;
    private final double tolerance;
    private final int nMax;
    private final int mMax;
    private final int states;
    private final List<String> steps;
    private final String method;
    private final double seconds;

    private RelaxationConvergence(RelaxationSpectrum last, double[] errors, boolean converged, double tolerance,
                                  int nMax, int mMax, int states, List<String> steps, double seconds) {
        this.rates = last.rates();
        this.frequencies = last.frequencies();
        this.residuals = last.residuals();
        this.errors = errors;
        this.converged = converged;
        this.tolerance = tolerance;
        this.nMax = nMax;
        this.mMax = mMax;
        this.states = states;
        this.steps = List.copyOf(steps);
        this.method = last.implementation();
        this.seconds = seconds;
    }

    /**
     * {@return the {@code count} slowest rates, converged from {@code first} (the stationary truncation's analysis) by
     * growing with {@code chains}}
     *
     * @param first the noise analysis of the stationary truncation, where the growth starts
     * @param count how many of the slowest nonzero rates, ≥ 1
     * @param chains builds the analysis of a larger truncation (nMax, mMax)
     * @param tolerance relative change of every rate between two truncations below which they count as converged, in
     *                  (0, 1) ({@link #DEFAULT_TOLERANCE})
     * @param maxGrowths growths of the truncation before giving up ({@link #DEFAULT_MAX_GROWTHS})
     * @param maxStates largest chain a growth may build; the growth stops before exceeding it
     * @throws IllegalArgumentException as {@link NoiseAnalysis#relaxationSpectrum} (no route can deliver them)
     */
    public static RelaxationConvergence compute(NoiseAnalysis first, int count, Chains chains, double tolerance,
                                                int maxGrowths, long maxStates) {
        return compute(first, count, chains, tolerance, maxGrowths, maxStates, ProgressListener.NONE);
    }

    /**
     * {@return the {@code count} slowest rates, as {@link #compute(NoiseAnalysis, int, Chains, double, int, long)},
     * reporting the whole loop to {@code progress} as one phase}
     *
     * <p>What the phase's per mille mean: how many truncations the loop needs is not known in advance, so the
     * total is the planned worst case, the chains of all {@code maxGrowths} growths (up to {@code maxStates}),
     * each weighted by its states; a truncation's slice advances with its ARPACK iteration (the measured proxy of
     * {@link NoiseAnalysis#relaxationSpectrum(int, ProgressListener)}) and is full when its rates are in. The
     * count is also at least ln(c)/ln(tolerance), c the largest relative change of a rate over the last growth
     * (the share of the decades the changes must fall that they have fallen). It never goes back, and ends at the
     * total when the loop returns (usually well before the planned worst case: the bar then jumps to the end).
     * The chains' own factorizations report nothing here. The rates are bit-identical with any listener.
     *
     * @param first the noise analysis of the stationary truncation, where the growth starts
     * @param count how many of the slowest nonzero rates, ≥ 1
     * @param chains builds the analysis of a larger truncation (nMax, mMax)
     * @param tolerance relative change of every rate between two truncations below which they count as converged, in
     *                  (0, 1) ({@link #DEFAULT_TOLERANCE})
     * @param maxGrowths growths of the truncation before giving up ({@link #DEFAULT_MAX_GROWTHS})
     * @param maxStates largest chain a growth may build; the growth stops before exceeding it
     * @param progress where to report ({@link ProgressListener#NONE} or null: nowhere)
     * @throws IllegalArgumentException as {@link NoiseAnalysis#relaxationSpectrum} (no route can deliver them)
     */
    public static RelaxationConvergence compute(NoiseAnalysis first, int count, Chains chains, double tolerance,
                                                int maxGrowths, long maxStates, ProgressListener progress) {
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new IllegalArgumentException("rate tolerance must be in (0, 1), got " + tolerance);
        }
        long start = System.nanoTime();
        NoiseAnalysis analysis = first;
        int n = analysis.generator().space().maxN();
        int m = analysis.generator().space().maxM();
        boolean full = m >= n / 2;
        Progress bar = new Progress(WorkCounter.start(progress, "relaxation rates: growing the truncation",
                Progress.PER_MILLE), plannedEnds(n, m, full, analysis.generator().size(), maxGrowths, maxStates));
        try {
            return grow(analysis, count, chains, tolerance, maxGrowths, maxStates, bar, start, n, m, full);
        } finally {
            bar.counter.finish();
        }
    }

    private static RelaxationConvergence grow(NoiseAnalysis analysis, int count, Chains chains, double tolerance,
                                              int maxGrowths, long maxStates, Progress bar, long start, int n, int m,
                                              boolean full) {
        RelaxationSpectrum previous = analysis.relaxationSpectrum(count, bar.slice(0));
        bar.reach(bar.end(0));
        List<String> steps = new ArrayList<>();
        steps.add(describe(n, m, analysis.generator().size(), previous, null));
        double[] errors = filled(count, Double.POSITIVE_INFINITY);
        for (int growth = 0; growth < maxGrowths; growth++) {
            int n2 = (int) Math.min(Integer.MAX_VALUE - 2L, Math.max(n + MIN_STEP, (long) Math.ceil(n * GROWTH)));
            int m2 = full ? Integer.MAX_VALUE : (int) Math.min(n2 / 2, Math.max(m + MIN_STEP,
                    (long) Math.ceil(m * GROWTH)));
            if (states(n2, full ? n2 / 2 : m2) > maxStates) {
                steps.add(String.format(Locale.ROOT, "next truncation nMax=%d would exceed %d states", n2, maxStates));
                break;
            }
            NoiseAnalysis next = chains.truncatedAt(n2, m2);
            RelaxationSpectrum current = next.relaxationSpectrum(count, bar.slice(growth + 1));
            errors = changes(previous, current);
            bar.reach(Math.max(bar.end(growth + 1), convergedShare(current, errors, tolerance)));
            n = n2;
            m = next.generator().space().maxM();
            full = full || m >= n / 2;
            steps.add(describe(n, m, next.generator().size(), current, errors));
            previous = current;
            analysis = next;
            if (withinTolerance(previous, errors, tolerance)) {
                return new RelaxationConvergence(previous, errors, true, tolerance, n, m,
                        analysis.generator().size(), steps, (System.nanoTime() - start) * 1e-9);
            }
        }
        return new RelaxationConvergence(previous, errors, false, tolerance, n, m, analysis.generator().size(),
                steps, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The share of the decades the worst relative change must fall, from 1 to {@code tolerance}, that it has
     * fallen: min(1, ln c / ln tol), c = max_k |Δλ_k| / |λ_k| (0 when c ≥ 1 or not finite).
     */
    private static double convergedShare(RelaxationSpectrum s, double[] errors, double tolerance) {
        double[] r = s.rates();
        double[] f = s.frequencies();
        double worst = 0.0;
        for (int k = 0; k < r.length; k++) {
            worst = Math.max(worst, errors[k] / Math.hypot(r[k], f[k]));
        }
        if (!(worst < 1.0)) {
            return 0.0;
        }
        return worst <= tolerance ? 1.0 : Math.log(worst) / Math.log(tolerance);
    }

    /**
     * The cumulative shares, in (0, 1], at which the planned truncations' slices end: the first chain ({@code
     * firstStates}) and then the growths the rule would make, at most {@code maxGrowths} and none beyond {@code
     * maxStates}, each weighted by its states (the work of a factorization and an ARPACK run grows with them).
     */
    static double[] plannedEnds(int n, int m, boolean full, long firstStates, int maxGrowths, long maxStates) {
        List<Long> sizes = new ArrayList<>();
        sizes.add(Math.max(1, firstStates));
        for (int growth = 0; growth < maxGrowths; growth++) {
            int n2 = (int) Math.min(Integer.MAX_VALUE - 2L, Math.max(n + MIN_STEP, (long) Math.ceil(n * GROWTH)));
            int m2 = full ? n2 / 2 : (int) Math.min(n2 / 2, Math.max(m + MIN_STEP, (long) Math.ceil(m * GROWTH)));
            long size = states(n2, m2);
            if (size > maxStates) {
                break;
            }
            sizes.add(size);
            n = n2;
            m = m2;
            full = full || m >= n / 2;
        }
        double total = 0.0;
        for (long size : sizes) {
            total += size;
        }
        double[] ends = new double[sizes.size()];
        double sum = 0.0;
        for (int k = 0; k < ends.length; k++) {
            sum += sizes.get(k);
            ends[k] = k == ends.length - 1 ? 1.0 : sum / total;
        }
        return ends;
    }

    /** The loop's phase: a counter in per mille, moved to a share of the planned work, never back. */
    private static final class Progress {
        static final long PER_MILLE = 1000;
        final WorkCounter counter;
        final double[] ends;
        long reported;

        Progress(WorkCounter counter, double[] ends) {
            this.counter = counter;
            this.ends = ends;
        }

        /** Where truncation {@code k}'s slice ends (1 beyond the plan). */
        double end(int k) {
            return k < ends.length ? ends[k] : 1.0;
        }

        /** Moves the count to {@code share} of the total if that is further. */
        void reach(double share) {
            long done = Math.min(PER_MILLE, Math.round(PER_MILLE * share));
            if (done > reported) {
                counter.add(done - reported);
                reported = done;
            }
        }

        /**
         * A listener for truncation {@code k}'s ARPACK run mapping its progress into the slice [end(k − 1),
         * end(k)]; {@link ProgressListener#NONE} when nothing listens.
         */
        ProgressListener slice(int k) {
            if (counter == WorkCounter.NONE) {
                return ProgressListener.NONE;
            }
            double from = k == 0 ? 0.0 : end(k - 1);
            double to = end(k);
            return new ProgressListener() {
                private long total = 1;

                @Override
                public void start(String phase, long total) {
                    this.total = Math.max(1, total);
                }

                @Override
                public void advance(long done) {
                    reach(from + (to - from) * done / total);
                }
            };
        }
    }

    private static boolean withinTolerance(RelaxationSpectrum s, double[] errors, double tolerance) {
        double[] r = s.rates();
        double[] f = s.frequencies();
        for (int k = 0; k < r.length; k++) {
            if (!(errors[k] <= tolerance * Math.hypot(r[k], f[k]))) {
                return false;
            }
        }
        return true;
    }

    /** |λ_k' − λ_k| for k = 1 … K (rates ascending in both). */
    private static double[] changes(RelaxationSpectrum a, RelaxationSpectrum b) {
        double[] ra = a.rates();
        double[] fa = a.frequencies();
        double[] rb = b.rates();
        double[] fb = b.frequencies();
        double[] e = new double[rb.length];
        for (int k = 0; k < rb.length; k++) {
            e[k] = k < ra.length ? Math.hypot(rb[k] - ra[k], fb[k] - fa[k]) : Double.POSITIVE_INFINITY;
        }
        return e;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static long states(long nMax, long mMax) {
        long size = 0;
        for (long n = 0; n <= nMax; n++) {
            size += Math.min(n / 2, mMax) + 1;
        }
        return size;
    }

    private static String describe(int n, int m, int states, RelaxationSpectrum s, double[] errors) {
        double worst = 0.0;
        if (errors != null) {
            double[] r = s.rates();
            double[] f = s.frequencies();
            for (int k = 0; k < r.length; k++) {
                worst = Math.max(worst, errors[k] / Math.hypot(r[k], f[k]));
            }
        }
        return String.format(Locale.ROOT, "nMax=%d, mMax=%d, %d states, %s%s", n, m, states, s.implementation(),
                errors == null ? "" : String.format(Locale.ROOT, ", largest relative change %.1e", worst));
    }

    /** {@return γ_k = −Re λ_k in s⁻¹, ascending, of the largest truncation (copy)} */
    public double[] rates() {
        return rates.clone();
    }

    /** {@return ν_k = Im λ_k in rad/s (copy)} */
    public double[] frequencies() {
        return frequencies.clone();
    }

    /** {@return ‖L v − λ v‖ / (|λ| ‖v‖) on the largest truncation (NaN where not computed) (copy)} */
    public double[] residuals() {
        return residuals.clone();
    }

    /**
     * {@return estimated absolute error of each eigenvalue: |λ_k| change over the last growth (∞ if never grown)
     * (copy)}
     */
    public double[] errors() {
        return errors.clone();
    }

    /** {@return whether every eigenvalue met the relative tolerance} */
    public boolean converged() {
        return converged;
    }

    /** {@return the relative tolerance asked for} */
    public double tolerance() {
        return tolerance;
    }

    /** {@return nmax of the truncation the rates come from} */
    public int nMax() {
        return nMax;
    }

    /** {@return mMax of the truncation the rates come from} */
    public int mMax() {
        return mMax;
    }

    /** {@return states of the truncation the rates come from} */
    public int states() {
        return states;
    }

    /** {@return one line per truncation tried, in order} */
    public List<String> steps() {
        return steps;
    }

    /** {@return the eigenvalue route of the last truncation (ARPACK implementation or dense)} */
    public String method() {
        return method;
    }

    /** {@return wall time of the whole loop in s} */
    public double seconds() {
        return seconds;
    }
}
