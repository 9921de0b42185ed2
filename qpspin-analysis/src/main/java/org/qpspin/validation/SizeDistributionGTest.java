package org.qpspin.validation;

import java.util.List;
import java.util.Optional;

/**
 * G-test of P(N): cells of consecutive N merged until each expects ≥ 5 effective samples, G = 2 Σ O ln(O/E),
 * with the second-order Rao–Scott correction for the samples' autocorrelation (see {@link RaoScottG}). Skipped,
 * with a warning, when the exact P(N) leaves fewer than two cells. Immutable.
 */
public final class SizeDistributionGTest implements SampleTest {

    /** The verdict's name. */
    public static final String NAME = "G-test P(N)";

    private final double alpha;

    private SizeDistributionGTest(double alpha) {
        this.alpha = alpha;
    }

    /** {@return the test at significance {@link SampleValidator#DEFAULT_ALPHA}} */
    public static SizeDistributionGTest withDefaults() {
        return new SizeDistributionGTest(SampleValidator.DEFAULT_ALPHA);
    }

    /**
     * A copy at another significance level.
     *
     * @param alpha the significance level α, 0 &lt; α &lt; 1
     * @return the copy
     */
    public SizeDistributionGTest withSignificance(double alpha) {
        return new SizeDistributionGTest(SampleValidator.checkSignificance(alpha));
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
        double[] pN = exactSizeDistribution(exact);
        int[] cellOfN = CellPartition.merge(pN, samples.effectiveSamples());
        int cells = CellPartition.count(cellOfN);
        if (cells < 2) {
            warnings.add("G-test P(N) skipped: the exact P(N) is concentrated on too few values for "
                    + Formats.g4(samples.effectiveSamples()) + " effective samples");
            return Optional.empty();
        }
        return Optional.of(RaoScottG.test(NAME, "N", samples.nSeries(), v -> CellPartition.cellOf(cellOfN, v), cells,
                pN, cellOfN, samples, alpha));
    }

    @Override
    public Optional<TestVerdict> test(OccupationEstimates occupation, ExactDistribution exact,
                                      List<String> warnings) {
        int[] cellOfN = occupation.cellOfN();
        int cells = CellPartition.count(cellOfN);
        if (cells < 2) {
            warnings.add("G-test P(N) skipped: the exact P(N) is concentrated on too few values for "
                    + Formats.g4(occupation.effectiveSamples()) + " effective samples");
            return Optional.empty();
        }
        return Optional.of(RaoScottG.withCovariance(NAME, "N", occupation.fractionN(),
                cellProbabilities(exactSizeDistribution(exact), cellOfN, cells), occupation.covarianceN(),
                occupation.effectiveSamples(), occupation.varianceSource(), alpha));
    }

    /** The exact probability of each cell. */
    static double[] cellProbabilities(double[] p, int[] cellOf, int cells) {
        double[] prob = new double[cells];
        for (int i = 0; i < p.length; i++) {
            prob[cellOf[i]] += p[i];
        }
        return prob;
    }

    /** P(N) for N = 0 … the exact law's largest N. */
    static double[] exactSizeDistribution(ExactDistribution exact) {
        double[] pN = new double[exact.maxN() + 1];
        for (int k = 0; k < pN.length; k++) {
            pN[k] = exact.probabilityN(k);
        }
        return pN;
    }
}
