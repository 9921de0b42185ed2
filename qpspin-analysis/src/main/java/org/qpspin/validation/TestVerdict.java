package org.qpspin.validation;

import java.util.Locale;
import java.util.Objects;

/**
 * One statistical test of samples against the exact answer: its statistic, p-value and verdict at significance
 * α, and, for tests of a single number (a moment, a correlation time), the estimate with its standard error and
 * (1 − α) confidence interval next to the exact value. Fields that do not apply are NaN.
 *
 * <p>Made by {@link #of} and completed by the {@code with...} copies.
 *
 * @param name what is tested, e.g. {@code "G-test P(N)"}, {@code "mean N"}
 * @param method how: the statistic and its null distribution, in words
 * @param statistic the test statistic (after the autocorrelation correction)
 * @param degreesOfFreedom degrees of freedom of the null distribution (NaN if none)
 * @param pValue probability under the exact law of a statistic at least this extreme
 * @param alpha significance level α the verdict uses
 * @param interval the estimate, its standard error and confidence interval, and the exact value; all NaN
 *                 ({@link Interval#NONE}) for tests of a whole distribution
 * @param designEffect variance inflation from autocorrelation used by the test (1 for independent samples), else NaN
 * @param note a remark (bins merged, resolution limits), possibly empty
 */
public record TestVerdict(String name, String method, double statistic, double degreesOfFreedom, double pValue,
                          double alpha, Interval interval, double designEffect, String note) {

    /**
     * An estimate tested against an exact value.
     *
     * @param estimate the sample estimate
     * @param standardError its standard error (autocorrelation included)
     * @param low lower end of the (1 − α) confidence interval
     * @param high upper end of the (1 − α) confidence interval
     * @param exact the exact value
     */
    public record Interval(double estimate, double standardError, double low, double high, double exact) {

        /** No estimate: every field NaN. */
        public static final Interval NONE = new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /**
         * {@return the interval [estimate − q·se, estimate + q·se] around the estimate, against {@code exact}}
         * A NaN standard error gives a NaN interval.
         *
         * @param estimate the sample estimate, in the units of the tested quantity
         * @param standardError its standard error (autocorrelation included), same units, ≥ 0
         * @param q the (1 − α/2) quantile of the test's null distribution (e.g. 2.576 for a normal at α = 0.01)
         * @param exact the exact value, same units
         */
        public static Interval of(double estimate, double standardError, double q, double exact) {
            return new Interval(estimate, standardError, estimate - q * standardError, estimate + q * standardError,
                    exact);
        }
    }

    /**
     * Checks that the texts are present ({@code note} may be empty). The numbers are not checked: NaN marks a field
     * that does not apply.
     *
     * @param name what is tested, e.g. {@code "G-test P(N)"}, {@code "mean N"}
     * @param method how: the statistic and its null distribution, in words
     * @param statistic the test statistic (after the autocorrelation correction)
     * @param degreesOfFreedom degrees of freedom of the null distribution (NaN if none)
     * @param pValue probability under the exact law of a statistic at least this extreme, in [0, 1]
     * @param alpha significance level α the verdict uses, in (0, 1)
     * @param interval the estimate, its standard error and confidence interval, and the exact value;
     *     {@link Interval#NONE} for tests of a whole distribution
     * @param designEffect variance inflation from autocorrelation used by the test (1 for independent samples),
     *     else NaN
     * @param note a remark (bins merged, resolution limits), possibly empty
     * @throws NullPointerException if {@code name}, {@code method}, {@code interval} or {@code note} is null
     */
    public TestVerdict {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(note, "note");
    }

    /**
     * {@return a verdict without an estimate, design effect or note} (interval {@link Interval#NONE}, design effect
     * NaN, empty note).
     *
     * @param name what is tested, e.g. {@code "G-test P(N)"}
     * @param method the statistic and its null distribution, in words
     * @param statistic the test statistic
     * @param degreesOfFreedom degrees of freedom of the null distribution (NaN if none)
     * @param pValue probability under the exact law of a statistic at least this extreme, in [0, 1]
     * @param alpha significance level α, in (0, 1)
     * @throws NullPointerException if {@code name} or {@code method} is null
     */
    public static TestVerdict of(String name, String method, double statistic, double degreesOfFreedom,
                                 double pValue, double alpha) {
        return new TestVerdict(name, method, statistic, degreesOfFreedom, pValue, alpha, Interval.NONE, Double.NaN,
                "");
    }

    /**
     * {@return this verdict with {@code interval}} (replacing any interval it had).
     *
     * @param interval the estimate, its standard error and confidence interval, and the exact value
     * @throws NullPointerException if {@code interval} is null
     */
    public TestVerdict withInterval(Interval interval) {
        return new TestVerdict(name, method, statistic, degreesOfFreedom, pValue, alpha, interval, designEffect,
                note);
    }

    /**
     * {@return this verdict with the design effect d}
     *
     * @param d the variance inflation from autocorrelation the test used (e.g. 2τ_int; 1 for independent samples)
     */
    public TestVerdict withDesignEffect(double d) {
        return new TestVerdict(name, method, statistic, degreesOfFreedom, pValue, alpha, interval, d, note);
    }

    /**
     * {@return this verdict with the remark {@code text}} (replacing any note it had).
     *
     * @param text one line, e.g. which cells were merged; empty for none
     * @throws NullPointerException if {@code text} is null
     */
    public TestVerdict withNote(String text) {
        return new TestVerdict(name, method, statistic, degreesOfFreedom, pValue, alpha, interval, designEffect,
                text);
    }

    /**
     * {@return whether the samples pass: p ≥ α. An undefined p-value (NaN, e.g. a correlation time estimated from
     * a constant series) is a failure: a test that could not be carried out is no evidence of agreement}
     */
    public boolean passed() {
        return pValue >= alpha;
    }

    /** {@return the sample estimate (moments, correlation time), else NaN} */
    public double estimate() {
        return interval.estimate();
    }

    /** {@return standard error of {@link #estimate()} (autocorrelation included), else NaN} */
    public double standardError() {
        return interval.standardError();
    }

    /** {@return lower end of the (1 − α) confidence interval, else NaN} */
    public double ciLow() {
        return interval.low();
    }

    /** {@return upper end of the (1 − α) confidence interval, else NaN} */
    public double ciHigh() {
        return interval.high();
    }

    /** {@return the exact value the estimate is tested against, else NaN} */
    public double exact() {
        return interval.exact();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-22s %s  p = %.3g  (%s)", name, passed() ? "PASS" : "FAIL", pValue,
                method);
    }
}
