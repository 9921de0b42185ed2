package org.qpspin.validation;

import java.util.List;
import java.util.Locale;

/**
 * The verdicts of a {@link SampleValidator} run with what they rest on: sample size, integrated autocorrelation
 * time of N, effective sample size, batches. The overall verdict is Bonferroni's: the samples fail if any test's
 * p-value is below α / (number of tests), so the family-wise false-alarm rate is at most α.
 *
 * @param tests every verdict, in the order the tests ran
 * @param alpha significance level of each test
 * @param batched the samples as the tests saw them (τ_int(N), batches)
 * @param sampleFrequencyN fraction of samples at N = 0 … the largest sampled N
 * @param warnings caveats about the data (too short for its correlation time, etc.)
 * @param spectrum the Welch comparison behind the spectrum test, or null when it did not run
 * @param occupation the weighted occupation behind the distribution tests of a histogram or of jump times, or
 *                   null for ordered series (then {@code batched} is behind every test)
 * @param input what was read and done to it (one line, {@link SampleInput#description()}), possibly empty
 */
public record ValidationReport(List<TestVerdict> tests, double alpha, BatchedSamples batched,
                               double[] sampleFrequencyN, List<String> warnings,
                               WelchSpectrumTest.Comparison spectrum, OccupationEstimates occupation,
                               String input) {

    /**
     * Copies the lists and the array; needs {@code batched} or {@code occupation}.
     *
     * @param tests every verdict, in the order the tests ran (copied)
     * @param alpha significance level α of each test, in (0, 1); the overall verdict uses α / tests.size()
     * @param batched the ordered samples as the tests saw them, or null for a histogram
     * @param sampleFrequencyN fraction of samples at N = 0 … the largest sampled N (copied)
     * @param warnings caveats about the data, each one line (copied)
     * @param spectrum the Welch comparison behind the spectrum test, or null when it did not run
     * @param occupation the weighted occupation behind the distribution tests, or null for ordered series
     * @param input what was read and done to it, one line; null is taken as empty
     * @throws IllegalArgumentException when both {@code batched} and {@code occupation} are null
     * @throws NullPointerException if {@code tests}, {@code warnings} or {@code sampleFrequencyN} is null or a list
     *     holds null
     */
    public ValidationReport {
        tests = List.copyOf(tests);
        warnings = List.copyOf(warnings);
        sampleFrequencyN = sampleFrequencyN.clone();
        input = input == null ? "" : input;
        if (batched == null && occupation == null) {
            throw new IllegalArgumentException("a report rests on batched samples or an occupation");
        }
    }

    /**
     * A report on ordered series (no occupation, no input description).
     *
     * @param tests every verdict, in the order the tests ran (copied)
     * @param alpha significance level α of each test, in (0, 1)
     * @param batched the ordered samples as the tests saw them (τ_int(N), batches); not null
     * @param sampleFrequencyN fraction of samples at N = 0 … the largest sampled N (copied)
     * @param warnings caveats about the data, each one line (copied)
     * @param spectrum the Welch comparison behind the spectrum test, or null when it did not run
     * @throws IllegalArgumentException if {@code batched} is null
     */
    public ValidationReport(List<TestVerdict> tests, double alpha, BatchedSamples batched, double[] sampleFrequencyN,
                            List<String> warnings, WelchSpectrumTest.Comparison spectrum) {
        this(tests, alpha, batched, sampleFrequencyN, warnings, spectrum, null, "");
    }

    /**
     * {@return the first test called {@code name}, or null when no test has that name (e.g. it did not run)}
     *
     * @param name the test's name, exactly as {@link TestVerdict#name()} gives it, e.g. {@code "mean N"}
     */
    public TestVerdict test(String name) {
        for (TestVerdict t : tests) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** {@return smallest p-value of all tests (1 with no test; NaN if any test's p-value is NaN)} */
    public double minPValue() {
        double min = 1.0;
        for (TestVerdict t : tests) {
            min = Math.min(min, t.pValue());
        }
        return min;
    }

    /**
     * {@return overall verdict (Bonferroni): every p-value at least α / tests. A NaN p-value (a test that could
     * not be carried out) fails the verdict}
     */
    public boolean passed() {
        double level = alpha / Math.max(1, tests.size());
        for (TestVerdict t : tests) {
            if (!(t.pValue() >= level)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return number of samples: of the series; for a histogram of counts the total count, for dwell times (a
     * histogram or jump times) the rows read}
     */
    public long samples() {
        if (occupation == null) {
            return batched.size();
        }
        Occupation o = occupation.occupation();
        return o.timeWeighted() ? o.rows() : Math.round(o.total());
    }

    /** {@return number of independent series (replicas); 1 for a histogram} */
    public int series() {
        return batched == null ? 1 : batched.samples().seriesCount();
    }

    /** {@return grid spacing in s (NaN: untimed samples, or a histogram)} */
    public double interval() {
        return batched == null ? Double.NaN : batched.samples().interval();
    }

    /** {@return integrated autocorrelation time of N in samples, or null for a histogram (no time order)} */
    public AutocorrelationTime autocorrelationN() {
        return batched == null ? null : batched.autocorrelationN();
    }

    /**
     * {@return effective number of independent samples of N: n / (2 τ_int) for series; for an occupation that of
     * {@link OccupationEstimates#effectiveSamples()} (n of counts, T/(2 τ_N) of dwell times)}
     */
    public double effectiveSamples() {
        return occupation != null ? occupation.effectiveSamples() : batched.effectiveSamples();
    }

    /** {@return batch length used by the batch-means estimates (samples); 0 without batches (a histogram)} */
    public int batchLength() {
        return batched == null ? 0 : batched.batchLength();
    }

    /** {@return number of batches; 0 without batches (a histogram)} */
    public int batches() {
        return batched == null ? 0 : batched.batchCount();
    }

    /** {@return fraction of samples at N = 0 … max sampled N (copy)} */
    @Override
    public double[] sampleFrequencyN() {
        return sampleFrequencyN.clone();
    }

    /** {@return Welch's estimate of S_N used by the spectrum test, or null when it did not run} */
    public WelchSpectrum welch() {
        return spectrum == null ? null : spectrum.welch();
    }

    /**
     * The exact aliased S_N at the tested Welch bins ω_k, k = 2, 4, …, 2J (copy), or null. Entry i belongs to
     * {@code welch().omega()[2 + 2i]}.
     *
     * @return a copy of the exact aliased S_N (s, the docs/model.md two-sided convention), or null when the
     *     spectrum test did not run
     */
    public double[] welchExact() {
        return spectrum == null ? null : spectrum.exactAliased().clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(passed() ? "PASS" : "FAIL").append(": ").append(samples()).append(" samples in ").append(series())
                .append(" series");
        if (autocorrelationN() != null) {
            sb.append(", tau_int(N) = ").append(String.format(Locale.ROOT, "%.3g", autocorrelationN().tau()))
                    .append(" samples");
        }
        if (!input.isEmpty()) {
            sb.append("; ").append(input);
        }
        sb.append('\n');
        for (TestVerdict t : tests) {
            sb.append("  ").append(t).append('\n');
        }
        return sb.toString();
    }
}
