package org.qpspin.validation;

/**
 * One statistical test of samples against the exact answer: its statistic, p-value and verdict at significance
 * α, and, for tests of a single number (a moment, a correlation time), the estimate with its standard error and
 * (1 − α) confidence interval next to the exact value. Fields that do not apply are NaN. Immutable.
 */
public final class TestVerdict {

    private final String name;
    private final String method;
    private final double statistic;
    private final double degreesOfFreedom;
    private final double pValue;
    private final double alpha;
    private final double estimate;
    private final double standardError;
    private final double ciLow;
    private final double ciHigh;
    private final double exact;
    private final double designEffect;
    private final String note;

    TestVerdict(String name, String method, double statistic, double degreesOfFreedom, double pValue, double alpha,
                double estimate, double standardError, double ciLow, double ciHigh, double exact,
                double designEffect, String note) {
        this.name = name;
        this.method = method;
        this.statistic = statistic;
        this.degreesOfFreedom = degreesOfFreedom;
        this.pValue = pValue;
        this.alpha = alpha;
        this.estimate = estimate;
        this.standardError = standardError;
        this.ciLow = ciLow;
        this.ciHigh = ciHigh;
        this.exact = exact;
        this.designEffect = designEffect;
        this.note = note;
    }

    /** What is tested, e.g. {@code "G-test P(N)"}, {@code "mean N"}. */
    public String name() {
        return name;
    }

    /** How: the statistic and its null distribution, in words. */
    public String method() {
        return method;
    }

    /** The test statistic (after the autocorrelation correction). */
    public double statistic() {
        return statistic;
    }

    /** Degrees of freedom of the null distribution (NaN if none). */
    public double degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /** p-value: probability under the exact law of a statistic at least this extreme. */
    public double pValue() {
        return pValue;
    }

    /** Significance level α the verdict uses. */
    public double alpha() {
        return alpha;
    }

    /** Whether the samples pass: p ≥ α. */
    public boolean passed() {
        return !(pValue < alpha);
    }

    /** The sample estimate (moments, correlation time), else NaN. */
    public double estimate() {
        return estimate;
    }

    /** Standard error of {@link #estimate()} (autocorrelation included), else NaN. */
    public double standardError() {
        return standardError;
    }

    /** Lower end of the (1 − α) confidence interval, else NaN. */
    public double ciLow() {
        return ciLow;
    }

    /** Upper end of the (1 − α) confidence interval, else NaN. */
    public double ciHigh() {
        return ciHigh;
    }

    /** The exact value the estimate is tested against, else NaN. */
    public double exact() {
        return exact;
    }

    /** Variance inflation from autocorrelation used by the test (1 for independent samples), else NaN. */
    public double designEffect() {
        return designEffect;
    }

    /** A remark (bins merged, resolution limits), possibly empty. */
    public String note() {
        return note;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%-22s %s  p = %.3g  (%s)", name, passed() ? "PASS" : "FAIL",
                pValue, method);
    }
}
