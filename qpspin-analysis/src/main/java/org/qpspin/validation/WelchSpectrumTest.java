package org.qpspin.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The noise spectrum of N against the exact S_N(ω): Welch's Ŝ_N (see {@link WelchSpectrum}) at every other bin
 * 2 ≤ k ≤ M/8 against the exact spectrum aliased by the sampling. With the exact autocovariance C_k of N sampled
 * at the samples' Δt ({@link ExactDistribution#sampledCorrelation}) that is the full alias sum
 * Σ_{j∈ℤ} S(ω + j 2π/Δt) = Δt (C_0 + 2 Σ_{k≥1} C_k cos kωΔt) (Poisson summation; exact at every Δt); otherwise the
 * truncated Σ_{|j| ≤ {@value #ALIASES}} S(|ω + j 2π/Δt|) of the continuous S_N (low by 0.2–1 % at Δt = 0.3 τ_N,
 * 2 % at τ_N, 12 % at 4 τ_N).
 * Each Ŝ_k/S_k ~ χ²_ν/ν is mapped to a standard normal z_k through its CDF; Σ z_k² ~ χ²_J over the J bins.
 * Segments: M = the smallest power of two ≥ 128 τ_int (window resolution ≪ the spectrum's width), at least 64, and
 * short enough for ≥ 16 segments. Runs on timed samples given an exact spectrum; a warning when the series are too
 * short or the exact spectrum fails. See docs/theory.md "Monte Carlo". Immutable.
 */
public final class WelchSpectrumTest implements SampleTest {

    /** The verdict's name. */
    public static final String NAME = "spectrum N (Welch)";
    /** Largest alias order summed into the exact spectrum. */
    public static final int ALIASES = 3;

    private final double alpha;

    /**
     * The comparison behind the verdict.
     *
     * @param welch Welch's estimate of S_N
     * @param exactAliased the exact aliased S_N at the tested bins ω_k, k = 2, 4, …, 2J: entry i belongs to
     *                     {@code welch.omega()[2 + 2i]}
     * @param verdict the verdict
     */
    public record Comparison(WelchSpectrum welch, double[] exactAliased, TestVerdict verdict) {
    }

    private WelchSpectrumTest(double alpha) {
        this.alpha = alpha;
    }

    /** {@return the test at significance {@link SampleValidator#DEFAULT_ALPHA}} */
    public static WelchSpectrumTest withDefaults() {
        return new WelchSpectrumTest(SampleValidator.DEFAULT_ALPHA);
    }

    /**
     * A copy at another significance level.
     *
     * @param alpha the significance level α, 0 &lt; α &lt; 1
     * @return the copy
     */
    public WelchSpectrumTest withSignificance(double alpha) {
        return new WelchSpectrumTest(SampleValidator.checkSignificance(alpha));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double significance() {
        return alpha;
    }

    @Override
    public Optional<TestVerdict> test(BatchedSamples samples, ExactDistribution exact, List<String> warnings) {
        return compare(samples, exact, warnings).map(Comparison::verdict);
    }

    /**
     * {@return the verdict as {@link #test} gives it, with the Welch estimate and the exact aliased values it
     * compared; empty when the test does not apply}
     *
     * @param samples the samples, with their autocorrelation time and batches; the test needs a regular time grid
     * @param exact the exact law; the test needs its sampled autocovariance at the samples' Δt or its spectrum
     *     S_N(ω)
     * @param warnings receives one line when the series are too short for the segments or the exact spectrum
     *     fails
     */
    public Optional<Comparison> compare(BatchedSamples samples, ExactDistribution exact, List<String> warnings) {
        if (!samples.samples().hasInterval()) {
            return Optional.empty();
        }
        org.qpspin.dynamics.SampledCorrelation sampled = exact.sampledCorrelation(samples.samples().interval());
        if (sampled == null && exact.spectrum() == null) {
            return Optional.empty();
        }
        List<int[]> series = samples.nSeries();
        double dt = samples.samples().interval();
        AutocorrelationTime tau = samples.autocorrelationN();
        int m = 64;
        while (m < 128 * tau.tau()) {
            m <<= 1;
        }
        while (m > 64 && segmentCount(series, m) < 16) {
            m >>= 1;
        }
        if (segmentCount(series, m) < 16 || m < 16 * tau.tau()) {
            warnings.add("spectrum not tested: series too short for Welch segments much longer than tau_int");
            return Optional.empty();
        }
        WelchSpectrum welch = WelchSpectrum.of(series, dt, m);
        double[] omegaAll = welch.omega();
        double[] estimateAll = welch.estimate();
        double samplingRate = 2.0 * Math.PI / dt;
        int top = m / 8;
        int bins = top / 2;
        double[] omega = new double[bins];
        for (int i = 0; i < bins; i++) {
            omega[i] = omegaAll[2 + 2 * i];
        }
        double[] exactAliased;
        if (sampled != null) { // the full alias sum, from the exact C_k of the sampled sequence
            exactAliased = new double[bins];
            for (int i = 0; i < bins; i++) {
                exactAliased[i] = sampled.aliasedSpectrum(omega[i]);
            }
        } else {
            exactAliased = truncatedAliasSum(exact.spectrum(), omega, samplingRate, warnings);
            if (exactAliased == null) {
                return Optional.empty();
            }
        }
        double nu = welch.degreesOfFreedom();
        ChiSquaredDistribution chi = new ChiSquaredDistribution(nu);
        NormalDistribution normal = new NormalDistribution();
        double sum = 0.0;
        double worst = 0.0;
        double worstOmega = 0.0;
        for (int i = 0; i < bins; i++) {
            double ratio = estimateAll[2 + 2 * i] / exactAliased[i];
            double f = ChiSquared.cdf(chi, nu * ratio, nu);
            double z = normal.inverseCumulativeProbability(Math.min(Math.max(f, 1e-300), 1.0 - 1e-16));
            sum += z * z;
            if (Math.abs(z) > Math.abs(worst)) {
                worst = z;
                worstOmega = omega[i];
            }
        }
        double p = ChiSquared.survival(sum, bins);
        TestVerdict verdict = TestVerdict.of(NAME, String.format(Locale.ROOT,
                        "Welch (Hann, M = %d, %d segments, nu = %.4g) vs exact S_N(omega) %s, every "
                                + "other bin up to a quarter of Nyquist: sum z^2 ~ chi^2(%d)", m, welch.segments(), nu,
                        sampled != null ? "(full alias sum, from the exact C_k at this dt)"
                                : "with " + ALIASES + " aliases", bins), sum, bins, p, alpha)
                .withNote(String.format(Locale.ROOT, "largest deviation z = %.3g at omega = %.4g rad/s", worst,
                        worstOmega));
        return Optional.of(new Comparison(welch, exactAliased, verdict));
    }

    /** Σ_{|j| ≤ ALIASES} S(|ω + j ω_s|) at each ω, in one call of the exact S; null (and a warning) if it fails. */
    private static double[] truncatedAliasSum(SpectrumFunction spectrum, double[] omega, double samplingRate,
                                              List<String> warnings) {
        int bins = omega.length;
        double[] query = new double[bins * (2 * ALIASES + 1)];
        for (int i = 0, q = 0; i < bins; i++) {
            for (int j = -ALIASES; j <= ALIASES; j++) {
                query[q++] = Math.abs(omega[i] + j * samplingRate);
            }
        }
        double[] sorted = query.clone();
        Arrays.sort(sorted);
        double[] values;
        try {
            values = spectrum.evaluate(sorted);
        } catch (RuntimeException e) {
            warnings.add("spectrum not tested: the exact S_N(omega) could not be computed (" + e.getMessage() + ")");
            return null;
        }
        double[] exactAliased = new double[bins];
        for (int i = 0, q = 0; i < bins; i++) {
            for (int j = -ALIASES; j <= ALIASES; j++) {
                exactAliased[i] += values[Arrays.binarySearch(sorted, query[q++])];
            }
        }
        return exactAliased;
    }

    private static long segmentCount(List<int[]> series, int m) {
        long c = 0;
        for (int[] s : series) {
            if (s.length >= m) {
                c += (s.length - m) / (m / 2) + 1;
            }
        }
        return c;
    }
}
