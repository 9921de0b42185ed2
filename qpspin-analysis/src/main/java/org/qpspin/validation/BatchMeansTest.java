package org.qpspin.validation;

import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A moment of the samples against its exact value by batch means (J. M. Flegal and G. L. Jones, Ann. Stat. 38,
 * 1034 (2010)): the estimate x̄ over all samples, its standard error se = √(s_B² L / n) from the variance s_B² of
 * the B batch means of length L, and t = (x̄ − exact)/se against Student's t with B − 1 degrees of freedom
 * (two-sided). Var N is tested through the batch means of (N − N̄)², N̄ the sample mean. Immutable.
 */
public final class BatchMeansTest implements SampleTest {

    /** The moments tested. */
    public enum Moment {
        /** ⟨N⟩. */
        MEAN_N("mean N"),
        /** Var N = ⟨(N − ⟨N⟩)²⟩. */
        VARIANCE_N("Var N"),
        /** ⟨m⟩ (samples with m only). */
        MEAN_M("mean m");

        private final String label;

        Moment(String label) {
            this.label = label;
        }

        /** {@return the verdict's name} */
        public String label() {
            return label;
        }
    }

    private final Moment moment;
    private final double alpha;

    private BatchMeansTest(Moment moment, double alpha) {
        this.moment = moment;
        this.alpha = alpha;
    }

    /**
     * The test of one moment at significance {@link SampleValidator#DEFAULT_ALPHA}.
     *
     * @param moment the moment tested
     * @return the test
     */
    public static BatchMeansTest withDefaults(Moment moment) {
        return new BatchMeansTest(moment, SampleValidator.DEFAULT_ALPHA);
    }

    /**
     * A copy at another significance level.
     *
     * @param alpha the significance level α, 0 &lt; α &lt; 1
     * @return the copy
     */
    public BatchMeansTest withSignificance(double alpha) {
        return new BatchMeansTest(moment, SampleValidator.checkSignificance(alpha));
    }

    /** {@return the moment tested} */
    public Moment moment() {
        return moment;
    }

    @Override
    public String name() {
        return moment.label();
    }

    @Override
    public double significance() {
        return alpha;
    }

    @Override
    public Optional<TestVerdict> test(BatchedSamples samples, ExactDistribution exact, List<String> warnings) {
        switch (moment) {
            case MEAN_N:
                return Optional.of(test(samples, samples.nSeries(), v -> v, exact.meanN(), ""));
            case VARIANCE_N:
                double center = mean(samples.nSeries());
                return Optional.of(test(samples, samples.nSeries(), v -> (v - center) * (v - center),
                        exact.varianceN(), "about the sample mean"));
            case MEAN_M:
                return samples.samples().hasM()
                        ? Optional.of(test(samples, samples.mSeries(), v -> v, exact.meanM(), ""))
                        : Optional.empty();
            default:
                throw new AssertionError(moment);
        }
    }

    @Override
    public Optional<TestVerdict> test(OccupationEstimates occupation, ExactDistribution exact,
                                      List<String> warnings) {
        int which;
        double reference;
        String note = "";
        switch (moment) {
            case MEAN_N:
                which = 0;
                reference = exact.meanN();
                break;
            case VARIANCE_N:
                which = 1;
                reference = exact.varianceN();
                note = "about the exact mean";
                break;
            case MEAN_M:
                if (!occupation.occupation().hasM()) {
                    return Optional.empty();
                }
                which = 2;
                reference = exact.meanM();
                break;
            default:
                throw new AssertionError(moment);
        }
        double estimate = occupation.moment(which);
        double se = occupation.momentStandardError(which);
        NormalDistribution normal = new NormalDistribution();
        double z = se > 0.0 ? (estimate - reference) / se : (estimate == reference ? 0.0 : Double.POSITIVE_INFINITY);
        double p = 2.0 * normal.cumulativeProbability(-Math.abs(z)); // 2 P(Z > |z|)
        double q = normal.inverseCumulativeProbability(1.0 - alpha / 2.0);
        return Optional.of(TestVerdict.of(moment.label(), "weighted mean, exact standard error ("
                        + occupation.varianceSource() + "), z-test", z, Double.NaN, p, alpha)
                .withInterval(TestVerdict.Interval.of(estimate, se, q, reference))
                .withNote(note));
    }

    private TestVerdict test(BatchedSamples batches, List<int[]> series, IntToDoubleFunction value, double exact,
                             String note) {
        double sum = 0.0;
        long count = 0;
        for (int[] s : series) {
            for (int x : s) {
                sum += value.applyAsDouble(x);
                count++;
            }
        }
        double estimate = sum / count;
        double[] batchMean = batches.batchMeans(series, value);
        int bCount = batches.batchCount();
        double mb = 0.0;
        for (double v : batchMean) {
            mb += v;
        }
        mb /= bCount;
        double var = 0.0;
        for (double v : batchMean) {
            var += (v - mb) * (v - mb);
        }
        var /= bCount - 1;
        // se of the overall mean: batch-mean variance over the number of batch-equivalents in all samples
        double se = Math.sqrt(var * batches.batchLength() / count);
        double df = bCount - 1;
        TDistribution t = new TDistribution(df);
        double stat = se > 0.0 ? (estimate - exact) / se : (estimate == exact ? 0.0 : Double.POSITIVE_INFINITY);
        double p = 2.0 * t.cumulativeProbability(-Math.abs(stat)); // 2 P(T > |t|), the survival function by symmetry
        double q = t.inverseCumulativeProbability(1.0 - alpha / 2.0);
        return TestVerdict.of(moment.label(), "batch means (" + bCount + " batches of " + batches.batchLength()
                        + "), Student t(" + (bCount - 1) + ")", stat, df, p, alpha)
                .withInterval(TestVerdict.Interval.of(estimate, se, q, exact))
                .withNote(note);
    }

    private static double mean(List<int[]> series) {
        double sum = 0.0;
        long count = 0;
        for (int[] s : series) {
            for (int v : s) {
                sum += v;
            }
            count += s.length;
        }
        return sum / count;
    }
}
