package org.qpspin.cli;

import java.util.Locale;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;

/**
 * Size checks made before any work, shared by the commands: a truncation's state count against the state cap,
 * and a state (a start, a sample) against the range any reasonable truncation of the chain could hold. Each
 * failure is a {@link UsageException} (one line, exit 2) naming the option and the limit.
 */
final class InputChecks {

    /**
     * A state N beyond {@value #FAR_FACTOR} × (scale + 100) is "far outside": the chain's stationary law there is
     * astronomically small (the automatic truncation holds all but 1e-10 of the flux within a few scales), and
     * following it would cost memory in proportion to N (the simulator's state table, the validator's histograms).
     */
    static final int FAR_FACTOR = 100;

    private InputChecks() {
    }

    /** Number of states of the rectangle N ≤ nMax, m ≤ min(⌊N/2⌋, mMax), counting stops once above {@code cap}. */
    static long rectangleStates(long nMax, long mMax, long cap) {
        long size = 0;
        for (long n = 0; n <= nMax; n++) {
            size += Math.min(n / 2, mMax) + 1;
            if (size > cap) {
                return size;
            }
        }
        return size;
    }

    /**
     * Refuses a fixed truncation with more than {@code maxStates} states (or an nMax so large that its arrays cannot
     * be indexed).
     */
    static void requireTruncationSize(int nMax, int mMax, int maxStates, String capOption) {
        long states = rectangleStates(nMax, mMax, maxStates);
        if (nMax >= Integer.MAX_VALUE - 8 || states > maxStates) {
            throw new UsageException(String.format(Locale.ROOT, "state space too large: --n-max %d%s has more than "
                    + "%d states%s", nMax, mMax == Integer.MAX_VALUE ? "" : " --m-max " + mMax, maxStates,
                    capOption == null ? "" : " (" + capOption + ")"));
        }
    }

    /** The largest N not "far outside" the chain of {@code p}: {@value #FAR_FACTOR} × (max(N0, scale) + 100). */
    static long farLimit(ModelParameters p, double scale) {
        double n0 = meanFieldN0(p); // NaN without a mean field: the scale given decides
        double s = Math.max(Double.isFinite(n0) ? n0 : 0.0, scale);
        return (long) Math.min(1e8, FAR_FACTOR * (s + 100.0));
    }

    /** Refuses a state with N beyond {@link #farLimit}. */
    static void requireNotFar(String what, long n, ModelParameters p, double scale) {
        long limit = farLimit(p, scale);
        if (n > limit) {
            throw new UsageException(String.format(Locale.ROOT, "%s N = %d is far outside this chain's range "
                    + "(mean-field N0 = %s; states beyond N = %d are not followed): its stationary probability is "
                    + "astronomically small", what, n, SummaryFormat.g(meanFieldN0(p)), limit));
        }
    }

    /** Largest ratio of the fastest to the slowest rate scale, Γ/V over A V, that a double-precision chain holds. */
    static final double RATE_SPAN_LIMIT = 1e250;

    /**
     * Refuses parameters whose rates under- or overflow: an --N0 so small that A is 0 (the N0 given would be
     * silently replaced), or annihilation (Γ/V, Γt/V) and injection (A V) scales more than 250 decades apart (then
     * the chain is trivial or reducible in double precision, and the truncation messages would mislead).
     */
    static void requireRepresentable(ModelParameters p, Double meanFieldN0) {
        if (meanFieldN0 != null && meanFieldN0 > 0.0 && p.injectionRate() == 0.0) {
            throw new UsageException("--N0 " + meanFieldN0 + " is so small that the injection rate A underflows "
                    + "to 0; give a larger --N0 (or --A 0 for the empty cluster)");
        }
        double av = p.totalInjectionRate();
        double annihilation = Math.max(p.singletRate(), p.tripletRate()) / p.volume();
        if (av > 0.0 && annihilation > 0.0 && !(annihilation / av <= RATE_SPAN_LIMIT)) {
            throw new UsageException(String.format(Locale.ROOT, "the rates span more than 250 decades (A V = %s "
                    + "s^-1, Gamma/V = %s s^-1): beyond double precision; rescale A or V",
                    SummaryFormat.g(av), SummaryFormat.g(annihilation)));
        }
    }

    /** Mean-field N0 (NaN where there is none). */
    private static double meanFieldN0(ModelParameters p) {
        try {
            return MeanFieldFixedPoint.of(p).meanN();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
