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
 */
public record ValidationReport(List<TestVerdict> tests, double alpha, BatchedSamples batched,
                               double[] sampleFrequencyN, List<String> warnings,
                               WelchSpectrumTest.Comparison spectrum) {

    /** Copies the lists and the array. */
    public ValidationReport {
        tests = List.copyOf(tests);
        warnings = List.copyOf(warnings);
        sampleFrequencyN = sampleFrequencyN.clone();
    }

    /** The test called {@code name}, or null. */
    public TestVerdict test(String name) {
        for (TestVerdict t : tests) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** {@return smallest p-value of all tests (1 with no test)} */
    public double minPValue() {
        double min = 1.0;
        for (TestVerdict t : tests) {
            min = Math.min(min, t.pValue());
        }
        return min;
    }

    /** {@return overall verdict (Bonferroni): no p-value below α / tests} */
    public boolean passed() {
        return !(minPValue() < alpha / Math.max(1, tests.size()));
    }

    /** {@return number of samples} */
    public long samples() {
        return batched.size();
    }

    /** {@return number of independent series (replicas)} */
    public int series() {
        return batched.samples().seriesCount();
    }

    /** {@return grid spacing in s (NaN: untimed samples)} */
    public double interval() {
        return batched.samples().interval();
    }

    /** {@return integrated autocorrelation time of N in samples} */
    public AutocorrelationTime autocorrelationN() {
        return batched.autocorrelationN();
    }

    /** {@return effective number of independent samples of N: n / (2 τ_int)} */
    public double effectiveSamples() {
        return batched.effectiveSamples();
    }

    /** {@return batch length used by the batch-means estimates (samples)} */
    public int batchLength() {
        return batched.batchLength();
    }

    /** {@return number of batches} */
    public int batches() {
        return batched.batchCount();
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
     */
    public double[] welchExact() {
        return spectrum == null ? null : spectrum.exactAliased().clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(passed() ? "PASS" : "FAIL").append(": ").append(samples()).append(" samples in ").append(series())
                .append(" series, tau_int(N) = ")
                .append(String.format(Locale.ROOT, "%.3g", autocorrelationN().tau())).append(" samples\n");
        for (TestVerdict t : tests) {
            sb.append("  ").append(t).append('\n');
        }
        return sb.toString();
    }
}
