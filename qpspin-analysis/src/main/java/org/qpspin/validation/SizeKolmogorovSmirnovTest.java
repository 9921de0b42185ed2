package org.qpspin.validation;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Kolmogorov–Smirnov test of the distribution of N: D = max_N |F̂(N) − F(N)|. For a discrete F the null
 * distribution of √n_eff D is that of the maximum over the support of a Brownian bridge B(F(N)), simulated
 * ({@link #BRIDGE_REPLICATES} replicates by default, fixed seed, so the p-value is reproducible);
 * n_eff = n / d_F with d_F the variance-weighted mean design effect of the CDF indicators 1{N ≤ edge} at the
 * right edges of the G-test's merged cells, from batch means. Immutable.
 */
public final class SizeKolmogorovSmirnovTest implements SampleTest {

    /** The verdict's name. */
    public static final String NAME = "KS P(N)";
    /** Default number of Brownian bridges drawn for the p-value. */
    public static final int BRIDGE_REPLICATES = 20_000;
    private static final long BRIDGE_SEED = 0x51A7E5EEDL;

    private final double alpha;
    private final int bridgeReplicates;

    private SizeKolmogorovSmirnovTest(double alpha, int bridgeReplicates) {
        this.alpha = alpha;
        this.bridgeReplicates = bridgeReplicates;
    }

    /**
     * {@return the test at significance {@link SampleValidator#DEFAULT_ALPHA} with {@link #BRIDGE_REPLICATES}
     * bridges}
     */
    public static SizeKolmogorovSmirnovTest withDefaults() {
        return new SizeKolmogorovSmirnovTest(SampleValidator.DEFAULT_ALPHA, BRIDGE_REPLICATES);
    }

    /**
     * A copy at another significance level.
     *
     * @param alpha the significance level α, 0 &lt; α &lt; 1
     * @return the copy
     */
    public SizeKolmogorovSmirnovTest withSignificance(double alpha) {
        return new SizeKolmogorovSmirnovTest(SampleValidator.checkSignificance(alpha), bridgeReplicates);
    }

    /**
     * A copy drawing {@code replicates} Brownian bridges for the p-value (resolution 1/replicates).
     *
     * @param replicates the number of bridges, at least 100
     * @return the copy
     * @throws IllegalArgumentException if replicates &lt; 100
     */
    public SizeKolmogorovSmirnovTest withBridgeReplicates(int replicates) {
        if (replicates < 100) {
            throw new IllegalArgumentException("bridge replicates must be >= 100, got " + replicates);
        }
        return new SizeKolmogorovSmirnovTest(alpha, replicates);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double significance() {
        return alpha;
    }

    /** {@return the number of Brownian bridges drawn} */
    public int bridgeReplicates() {
        return bridgeReplicates;
    }

    @Override
    public Optional<TestVerdict> test(BatchedSamples samples, ExactDistribution exact, List<String> warnings) {
        long n = samples.size();
        long[] countsN = samples.countsN();
        double[] pN = SizeDistributionGTest.exactSizeDistribution(exact);
        int[] cellOfN = CellPartition.merge(pN, samples.effectiveSamples());
        int cells = CellPartition.count(cellOfN);
        double[] fractionN = new double[countsN.length];
        for (int k = 0; k < countsN.length; k++) {
            fractionN[k] = countsN[k] / (double) n;
        }
        Distance distance = Distance.of(pN, fractionN);
        double d = distance.d();
        int argMax = distance.argMax();
        double[] cdf = distance.cdf();
        // design effect of the CDF indicators 1{N <= edge} at the merged cells' right edges
        int[] edge = new int[Math.max(cells - 1, 0)];
        for (int k = 0, c = 0; k < cellOfN.length && c < edge.length; k++) {
            if (k + 1 < cellOfN.length && cellOfN[k + 1] != cellOfN[k]) {
                edge[c++] = k;
            }
        }
        double weightSum = 0.0;
        double weighted = 0.0;
        // batch CDFs at the edges: per-batch cell fractions, summed over the cells up to each edge
        int length = samples.batchLength();
        double[][] batchCdf = new double[samples.batchCount()][Math.max(cells, 1)];
        int b = 0;
        for (int[] s : samples.nSeries()) {
            int full = s.length / length;
            for (int k = 0; k < full * length; k++) {
                batchCdf[b + k / length][CellPartition.cellOf(cellOfN, s[k])] += 1.0 / length;
            }
            b += full;
        }
        for (double[] row : batchCdf) {
            for (int c = 1; c < row.length; c++) {
                row[c] += row[c - 1];
            }
        }
        for (int e = 0; e < edge.length; e++) {
            double fe = cdf[edge[e]];
            double w = fe * (1.0 - fe);
            if (w <= 0.0) {
                continue;
            }
            weighted += w * designEffect(batchCdf, e, fe, length);
            weightSum += w;
        }
        double deff = weightSum > 0.0 ? Math.max(weighted / weightSum, 1e-12) : 1.0;
        double nEff = n / deff;
        double lambda = Math.sqrt(nEff) * d;
        double pValue = bridgePValue(cdf, lambda, bridgeReplicates);
        return Optional.of(TestVerdict.of(NAME, "sqrt(n_eff) D vs max of a Brownian bridge at the exact CDF's "
                        + "values (discrete KS), " + bridgeReplicates + " replicates", lambda, Double.NaN, pValue,
                        alpha)
                .withInterval(new TestVerdict.Interval(d, Double.NaN, Double.NaN, Double.NaN, Double.NaN))
                .withDesignEffect(deff)
                .withNote("D = " + Formats.g4(d) + " at N = " + argMax + ", effective samples " + Formats.g4(nEff)));
    }

    @Override
    public Optional<TestVerdict> test(OccupationEstimates occupation, ExactDistribution exact,
                                      List<String> warnings) {
        double[] pN = SizeDistributionGTest.exactSizeDistribution(exact);
        double[] fN = occupation.occupation().fractionN();
        Distance distance = Distance.of(pN, fN);
        double d = distance.d();
        int argMax = distance.argMax();
        double[] cdf = distance.cdf();
        // exact design effect of the CDF indicators at the cells' right edges: n_eff Var(F^(e)) / (F (1 - F))
        int[] cellOfN = occupation.cellOfN();
        double[][] cov = occupation.covarianceN();
        double effective = occupation.effectiveSamples();
        double weighted = 0.0;
        double weightSum = 0.0;
        double fe = 0.0;
        for (int e = 0; e + 1 < cov.length; e++) {
            for (int k = 0; k < pN.length; k++) {
                if (cellOfN[k] == e) {
                    fe += pN[k];
                }
            }
            double var = 0.0;
            for (int a = 0; a <= e; a++) {
                for (int b = 0; b <= e; b++) {
                    var += cov[a][b];
                }
            }
            double w = fe * (1.0 - fe);
            if (w > 0.0) {
                weighted += effective * var;
                weightSum += w;
            }
        }
        double deff = weightSum > 0.0 ? Math.max(weighted / weightSum, 1e-12) : 1.0;
        double nEff = effective / deff;
        double lambda = Math.sqrt(nEff) * d;
        double pValue = bridgePValue(cdf, lambda, bridgeReplicates);
        return Optional.of(TestVerdict.of(NAME, "sqrt(n_eff) D vs max of a Brownian bridge at the exact CDF's "
                        + "values (discrete KS), " + bridgeReplicates + " replicates; n_eff from the exact "
                        + "covariance (" + occupation.varianceSource() + ")", lambda, Double.NaN, pValue, alpha)
                .withInterval(new TestVerdict.Interval(d, Double.NaN, Double.NaN, Double.NaN, Double.NaN))
                .withDesignEffect(deff)
                .withNote("D = " + Formats.g4(d) + " at N = " + argMax + ", effective samples " + Formats.g4(nEff)));
    }

    /**
     * The KS distance D = max_k |F̂(k) − F(k)| between the exact CDF F (running sum of {@code pN}) and the
     * sample's F̂ (running sum of {@code fraction}), over N = 0 … the longer of the two; the first N where it is
     * reached; and F capped at 1 at every N (the bridge's time points).
     */
    private record Distance(double d, int argMax, double[] cdf) {

        static Distance of(double[] pN, double[] fraction) {
            int top = Math.max(pN.length, fraction.length);
            double f = 0.0;
            double fHat = 0.0;
            double d = 0.0;
            int argMax = 0;
            double[] cdf = new double[top];
            for (int k = 0; k < top; k++) {
                f += k < pN.length ? pN[k] : 0.0;
                fHat += k < fraction.length ? fraction[k] : 0.0;
                cdf[k] = Math.min(f, 1.0);
                double diff = Math.abs(fHat - f);
                if (diff > d) {
                    d = diff;
                    argMax = k;
                }
            }
            return new Distance(d, argMax, cdf);
        }
    }

    /** d = Var_batches(f) · L / (p (1 − p)): the variance inflation of a cell indicator's mean. */
    private static double designEffect(double[][] batchFraction, int cell, double p, int length) {
        int count = batchFraction.length;
        if (count < 2 || p <= 0.0 || p >= 1.0) {
            return 1.0;
        }
        double mean = 0.0;
        for (double[] f : batchFraction) {
            mean += f[cell];
        }
        mean /= count;
        double var = 0.0;
        for (double[] f : batchFraction) {
            double dev = f[cell] - mean;
            var += dev * dev;
        }
        var /= count - 1;
        return var * length / (p * (1.0 - p));
    }

    /**
     * P(max_k |B(u_k)| ≥ λ) for the distinct CDF values 0 &lt; u_k &lt; 1, by simulation: (1 + hits)/(1 + R), R
     * replicates with a fixed seed. No inner value (a one-point law): 0 if λ &gt; 0, else 1.
     */
    static double bridgePValue(double[] cdf, double lambda, int replicates) {
        double[] u = new double[cdf.length];
        int count = 0;
        double previous = 0.0;
        for (double c : cdf) {
            if (c > 1e-12 && c < 1.0 - 1e-12 && c > previous) {
                u[count++] = c;
                previous = c;
            }
        }
        if (count == 0) {
            return lambda > 0.0 ? 0.0 : 1.0;
        }
        double[] step = new double[count + 1];
        double last = 0.0;
        for (int k = 0; k < count; k++) {
            step[k] = Math.sqrt(u[k] - last);
            last = u[k];
        }
        step[count] = Math.sqrt(1.0 - last);
        SplittableRandom rng = new SplittableRandom(BRIDGE_SEED);
        double[] w = new double[count];
        int hits = 0;
        for (int r = 0; r < replicates; r++) {
            double walk = 0.0;
            for (int k = 0; k < count; k++) {
                walk += step[k] * rng.nextGaussian();
                w[k] = walk;
            }
            double end = walk + step[count] * rng.nextGaussian();
            double max = 0.0;
            for (int k = 0; k < count; k++) {
                max = Math.max(max, Math.abs(w[k] - u[k] * end));
            }
            if (max >= lambda) {
                hits++;
            }
        }
        return (1.0 + hits) / (1.0 + replicates);
    }
}
