package org.qpspin.validation;

import java.util.Collections;
import java.util.List;

/**
 * The verdicts of a {@link SampleValidator} run with what they rest on: sample size, integrated autocorrelation
 * time of N, effective sample size, batches. The overall verdict is Bonferroni's: the samples fail if any test's
 * p-value is below α / (number of tests), so the family-wise false-alarm rate is at most α. Immutable.
 */
public final class ValidationReport {

    private final List<TestVerdict> tests;
    private final double alpha;
    private final long samples;
    private final int series;
    private final double interval;
    private final AutocorrelationTime tauN;
    private final int batchLength;
    private final int batches;
    private final double[] sampleFrequencyN;
    private final List<String> warnings;
    private final WelchSpectrum welch;
    private final double[] welchExact;

    ValidationReport(List<TestVerdict> tests, double alpha, long samples, int series, double interval,
                     AutocorrelationTime tauN, int batchLength, int batches, double[] sampleFrequencyN,
                     List<String> warnings, WelchSpectrum welch, double[] welchExact) {
        this.welch = welch;
        this.welchExact = welchExact;
        this.tests = Collections.unmodifiableList(tests);
        this.alpha = alpha;
        this.samples = samples;
        this.series = series;
        this.interval = interval;
        this.tauN = tauN;
        this.batchLength = batchLength;
        this.batches = batches;
        this.sampleFrequencyN = sampleFrequencyN;
        this.warnings = Collections.unmodifiableList(warnings);
    }

    /** Every test, in a fixed order. */
    public List<TestVerdict> tests() {
        return tests;
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

    /** Significance level of each test. */
    public double alpha() {
        return alpha;
    }

    /** Smallest p-value of all tests. */
    public double minPValue() {
        double min = 1.0;
        for (TestVerdict t : tests) {
            min = Math.min(min, t.pValue());
        }
        return min;
    }

    /** Overall verdict (Bonferroni): no p-value below α / tests. */
    public boolean passed() {
        return !(minPValue() < alpha / Math.max(1, tests.size()));
    }

    /** Number of samples. */
    public long samples() {
        return samples;
    }

    /** Number of independent series (replicas). */
    public int series() {
        return series;
    }

    /** Grid spacing in s (NaN: untimed samples). */
    public double interval() {
        return interval;
    }

    /** Integrated autocorrelation time of N in samples. */
    public AutocorrelationTime autocorrelationN() {
        return tauN;
    }

    /** Effective number of independent samples of N: n / (2 τ_int). */
    public double effectiveSamples() {
        return samples / tauN.inflation();
    }

    /** Batch length used by the batch-means estimates (samples). */
    public int batchLength() {
        return batchLength;
    }

    /** Number of batches. */
    public int batches() {
        return batches;
    }

    /** Fraction of samples at N = 0 … max sampled N (copy). */
    public double[] sampleFrequencyN() {
        return sampleFrequencyN.clone();
    }

    /** Caveats about the data (too short for its correlation time, etc.). */
    public List<String> warnings() {
        return warnings;
    }

    /** Welch's estimate of S_N used by the spectrum test, or null when it did not run. */
    public WelchSpectrum welch() {
        return welch;
    }

    /**
     * The exact aliased S_N at the tested Welch bins ω_k, k = 2, 4, …, 2J (copy), or null. Entry i belongs to
     * {@code welch().omega()[2 + 2i]}.
     */
    public double[] welchExact() {
        return welchExact == null ? null : welchExact.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(passed() ? "PASS" : "FAIL").append(": ").append(samples).append(" samples in ").append(series)
                .append(" series, tau_int(N) = ").append(String.format(java.util.Locale.ROOT, "%.3g", tauN.tau()))
                .append(" samples\n");
        for (TestVerdict t : tests) {
            sb.append("  ").append(t).append('\n');
        }
        return sb.toString();
    }
}
