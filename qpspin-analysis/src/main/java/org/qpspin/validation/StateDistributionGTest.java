package org.qpspin.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qpspin.space.StateSpace;

/**
 * G-test of P(N, m): the states of the exact law's space merged in index order until each cell expects ≥ 5
 * effective samples (samples outside the space count in the last cell), with the second-order Rao–Scott
 * correction (see {@link RaoScottG}). Runs only on samples with m, and when the law leaves at least two cells.
 * Immutable.
 */
public final class StateDistributionGTest implements SampleTest {

    /** The verdict's name. */
    public static final String NAME = "G-test P(N,m)";

    private final double alpha;

    private StateDistributionGTest(double alpha) {
        this.alpha = alpha;
    }

    /** {@return the test at significance {@link SampleValidator#DEFAULT_ALPHA}} */
    public static StateDistributionGTest withDefaults() {
        return new StateDistributionGTest(SampleValidator.DEFAULT_ALPHA);
    }

    /**
     * A copy at another significance level.
     *
     * @param alpha the significance level α, 0 &lt; α &lt; 1
     * @return the copy
     */
    public StateDistributionGTest withSignificance(double alpha) {
        return new StateDistributionGTest(SampleValidator.checkSignificance(alpha));
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
    public Optional<TestVerdict> test(OccupationEstimates occupation, ExactDistribution exact,
                                      List<String> warnings) {
        int[] cellOfState = occupation.cellOfState();
        if (cellOfState == null || CellPartition.count(cellOfState) < 2) {
            return Optional.empty();
        }
        int cells = CellPartition.count(cellOfState);
        return Optional.of(RaoScottG.withCovariance(NAME, "(N, m)", occupation.fractionState(),
                SizeDistributionGTest.cellProbabilities(exact.probabilitiesView(), cellOfState, cells),
                occupation.covarianceState(), occupation.effectiveSamples(), occupation.varianceSource(), alpha));
    }
    @Override
    public Optional<TestVerdict> test(BatchedSamples samples, ExactDistribution exact, List<String> warnings) {
        if (!samples.samples().hasM()) {
            return Optional.empty();
        }
        StateSpace space = exact.space();
        double[] pState = exact.probabilitiesView();
        int[] cellOfState = CellPartition.merge(pState, samples.effectiveSamples());
        int cells = CellPartition.count(cellOfState);
        if (cells < 2) {
            return Optional.empty();
        }
        int last = cells - 1;
        List<int[]> nSeries = samples.nSeries();
        List<int[]> mSeries = samples.mSeries();
        List<int[]> index = new ArrayList<>();
        for (int s = 0; s < nSeries.size(); s++) {
            int[] ns = nSeries.get(s);
            int[] ms = mSeries.get(s);
            int[] cellSeries = new int[ns.length];
            for (int k = 0; k < ns.length; k++) {
                int i = space.indexOrMinusOne(ns[k], ms[k]);
                cellSeries[k] = i < 0 ? last : cellOfState[i];
            }
            index.add(cellSeries);
        }
        return Optional.of(RaoScottG.test(NAME, "(N, m)", index, v -> v, cells, pState, cellOfState, samples, alpha));
    }
}
