package org.qpspin.validation;

import java.util.List;
import java.util.Optional;

/**
 * One statistical test of samples against the exact stationary law, with the samples' autocorrelation accounted
 * for (Commons Statistics style: each implementation is immutable and configured by {@code withDefaults()} and
 * {@code with...} copies, e.g. {@code withSignificance(α)}; its p-value comes from the null distribution's
 * survival function).
 *
 * <p>Implementations: {@link SizeDistributionGTest} (P(N)), {@link StateDistributionGTest} (P(N, m)),
 * {@link SizeKolmogorovSmirnovTest} (the CDF of N), {@link BatchMeansTest} (mean N, Var N, mean m),
 * {@link CorrelationTimeTest} (τ_N) and {@link WelchSpectrumTest} (S_N(ω)). {@link SampleValidator} composes
 * them.
 */
public interface SampleTest {

    /** {@return the name its verdict carries, e.g. {@code "G-test P(N)"}} */
    String name();

    /** {@return the significance level α of the verdict} */
    double significance();

    /**
     * Tests {@code samples} against {@code exact}.
     *
     * @param samples the samples, with their autocorrelation time and batches
     * @param exact the exact law
     * @param warnings where a caveat about the data goes (e.g. why the test did not run)
     * @return the verdict, or empty when the test does not apply to these samples (no m, no times, no exact τ_N
     *         or S_N, a law concentrated on too few values); the reason, if worth telling, is in {@code warnings}
     */
    Optional<TestVerdict> test(BatchedSamples samples, ExactDistribution exact, List<String> warnings);

    /**
     * Tests an occupation without time order (a histogram, or the time-weighted occupation of jump times) against
     * {@code exact}; by default the test does not apply (it needs the samples' order: correlation time, spectrum).
     *
     * @param occupation the weighted occupation with the exact covariance of its estimates
     * @param exact the exact law
     * @param warnings where a caveat about the data goes
     * @return the verdict, or empty when the test does not apply
     */
    default Optional<TestVerdict> test(OccupationEstimates occupation, ExactDistribution exact,
                                       List<String> warnings) {
        return Optional.empty();
    }
}
