package org.qpspin.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tests samples of N (and m) from any simulator against the exact stationary law, with the autocorrelation of
 * time series accounted for, so that a correct but correlated series passes at the stated rate.
 *
 * <p>The validator prepares the samples once ({@link BatchedSamples}: τ_int(N) and the batches) and runs, each at
 * significance α, in this order:
 * <ol>
 *   <li>{@link SizeDistributionGTest}: G-test of P(N), Rao–Scott corrected;</li>
 *   <li>{@link StateDistributionGTest}: the same over states (N, m), when m is given;</li>
 *   <li>{@link SizeKolmogorovSmirnovTest}: KS of the CDF of N against a Brownian bridge;</li>
 *   <li>{@link BatchMeansTest}: mean N, Var N and (when m is given) mean m by batch means;</li>
 *   <li>{@link CorrelationTimeTest}: τ_N, for timed samples and a known exact τ_N;</li>
 *   <li>{@link WelchSpectrumTest}: S_N(ω), for timed samples and a known exact S_N.</li>
 * </ol>
 * The overall verdict is Bonferroni's ({@link ValidationReport#passed()}). Immutable; configured as
 * {@code SampleValidator.withDefaults().withSignificance(α).withBridgeReplicates(R)}.
 */
public final class SampleValidator {

    /** Default significance level. */
    public static final double DEFAULT_ALPHA = 0.01;
    /** Smallest expected (effective) count per cell of the G-tests. */
    public static final double MIN_EXPECTED = CellPartition.MIN_EXPECTED;

    private final double alpha;
    private final int bridgeReplicates;

    private SampleValidator(double alpha, int bridgeReplicates) {
        this.alpha = alpha;
        this.bridgeReplicates = bridgeReplicates;
    }

    /**
     * {@return the validator at significance {@link #DEFAULT_ALPHA} per test, with
     * {@link SizeKolmogorovSmirnovTest#BRIDGE_REPLICATES} bridges for the KS p-value}
     */
    public static SampleValidator withDefaults() {
        return new SampleValidator(DEFAULT_ALPHA, SizeKolmogorovSmirnovTest.BRIDGE_REPLICATES);
    }

    /**
     * A copy at significance α per test, e.g. 0.01.
     *
     * @param alpha the significance level α, 0 &lt; α &lt; 1
     * @return the copy
     * @throws IllegalArgumentException unless 0 &lt; α &lt; 1
     */
    public SampleValidator withSignificance(double alpha) {
        return new SampleValidator(checkSignificance(alpha), bridgeReplicates);
    }

    /**
     * A copy drawing {@code replicates} Brownian bridges for the KS p-value (resolution 1/replicates).
     *
     * @param replicates the number of bridges, at least 100
     * @return the copy
     * @throws IllegalArgumentException if replicates &lt; 100
     */
    public SampleValidator withBridgeReplicates(int replicates) {
        return new SampleValidator(alpha, ks().withBridgeReplicates(replicates).bridgeReplicates());
    }

    /** {@return the significance level of each test} */
    public double alpha() {
        return alpha;
    }

    /** α itself, checked: 0 &lt; α &lt; 1. */
    static double checkSignificance(double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("significance alpha must be in (0, 1), got " + alpha);
        }
        return alpha;
    }

    private SizeKolmogorovSmirnovTest ks() {
        return SizeKolmogorovSmirnovTest.withDefaults().withSignificance(alpha).withBridgeReplicates(bridgeReplicates);
    }

    private WelchSpectrumTest spectrum() {
        return WelchSpectrumTest.withDefaults().withSignificance(alpha);
    }

    /** The tests before the spectrum's, in the order they run. */
    private List<SampleTest> pointTests() {
        return List.of(
                SizeDistributionGTest.withDefaults().withSignificance(alpha),
                StateDistributionGTest.withDefaults().withSignificance(alpha),
                ks(),
                BatchMeansTest.withDefaults(BatchMeansTest.Moment.MEAN_N).withSignificance(alpha),
                BatchMeansTest.withDefaults(BatchMeansTest.Moment.VARIANCE_N).withSignificance(alpha),
                BatchMeansTest.withDefaults(BatchMeansTest.Moment.MEAN_M).withSignificance(alpha),
                CorrelationTimeTest.withDefaults().withSignificance(alpha));
    }

    /** {@return every test the validator runs, in order (each skips samples it does not apply to)} */
    public List<SampleTest> tests() {
        List<SampleTest> all = new ArrayList<>(pointTests());
        all.add(spectrum());
        return List.copyOf(all);
    }

    /**
     * Tests {@code samples} against {@code exact}.
     *
     * @param samples the samples
     * @param exact the exact law they are tested against
     * @return every verdict, with what they rest on
     * @throws IllegalArgumentException if there are too few samples for any test
     */
    public ValidationReport validate(Samples samples, ExactDistribution exact) {
        List<String> warnings = new ArrayList<>();
        BatchedSamples batched = BatchedSamples.of(samples, warnings);
        List<TestVerdict> verdicts = new ArrayList<>();
        for (SampleTest test : pointTests()) {
            test.test(batched, exact, warnings).ifPresent(verdicts::add);
        }
        Optional<WelchSpectrumTest.Comparison> spectrum = spectrum().compare(batched, exact, warnings);
        spectrum.ifPresent(c -> verdicts.add(c.verdict()));
        long[] countsN = batched.countsN();
        double[] frequency = new double[countsN.length];
        for (int k = 0; k < countsN.length; k++) {
            frequency[k] = countsN[k] / (double) samples.size();
        }
        return new ValidationReport(verdicts, alpha, batched, frequency, warnings, spectrum.orElse(null));
    }

    /**
     * Tests a sample file as read ({@link SampleCsv#load}) against {@code exact}:
     * <ul>
     *   <li>ordered series: as {@link #validate(Samples, ExactDistribution)};</li>
     *   <li>a histogram: the distribution tests (G-tests, KS, moments) on the weighted occupation; the
     *       time-series tests do not apply (no time order) and a warning says so;</li>
     *   <li>jump times: the distribution tests on the time-weighted occupation, the time-series tests (correlation
     *       time, spectrum) on the sample-and-hold grid, which is exactly the process sampled every Δt.</li>
     * </ul>
     * The file's own warnings (ignored columns) come first in the report's.
     *
     * @param input the samples as read
     * @param exact the exact law; for time-weighted data it must carry the long-run covariance
     *              ({@link ExactDistribution#withLongRunCovariance})
     * @return every verdict, with what they rest on
     * @throws IllegalArgumentException if there are too few samples for any test, or time-weighted data meet an
     *                                  exact law without its long-run covariance
     */
    public ValidationReport validate(SampleInput input, ExactDistribution exact) {
        List<String> warnings = new ArrayList<>(input.warnings());
        if (input.layout() == SampleInput.Layout.SERIES) {
            ValidationReport r = validate(input.series(), exact);
            warnings.addAll(r.warnings());
            return new ValidationReport(r.tests(), alpha, r.batched(), r.sampleFrequencyN(), warnings, r.spectrum(),
                    null, input.description());
        }
        OccupationEstimates occupation = OccupationEstimates.of(input.occupation(), exact, warnings);
        List<TestVerdict> verdicts = new ArrayList<>();
        for (SampleTest test : pointTests()) {
            test.test(occupation, exact, warnings).ifPresent(verdicts::add);
        }
        BatchedSamples batched = null;
        WelchSpectrumTest.Comparison spectrum = null;
        if (input.series() != null) { // jump times: the time-series tests on the exact sample-and-hold grid
            batched = BatchedSamples.of(input.series(), warnings);
            CorrelationTimeTest.withDefaults().withSignificance(alpha).test(batched, exact, warnings)
                    .ifPresent(verdicts::add);
            spectrum = spectrum().compare(batched, exact, warnings).orElse(null);
            if (spectrum != null) {
                verdicts.add(spectrum.verdict());
            }
        } else {
            warnings.add("not applicable to a histogram (no time order): " + CorrelationTimeTest.NAME + ", "
                    + WelchSpectrumTest.NAME);
        }
        return new ValidationReport(verdicts, alpha, batched, input.occupation().fractionN(), warnings, spectrum,
                occupation, input.description());
    }
}
