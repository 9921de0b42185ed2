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

    /** Mean-field N0 (NaN where there is none). */
    private static double meanFieldN0(ModelParameters p) {
        try {
            return MeanFieldFixedPoint.of(p).meanN();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
