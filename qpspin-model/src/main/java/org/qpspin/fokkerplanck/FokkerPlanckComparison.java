package org.qpspin.fokkerplanck;

/**
 * An exact distribution of the cluster size N (the marginal P(N) of the master equation's stationary state)
 * against Eq. 7 (or any {@link SizeDistribution}, e.g. {@link GeneralDiffusion#refined}).
 *
 * <p>Measures, with q(N) Eq. 7 restricted to the integers ({@link FokkerPlanckDistribution#probabilities}):
 * <ul>
 *   <li>total-variation distance ½ Σ_N |P(N) − q(N)| (the part of q beyond the exact array's Nmax counts in
 *       full);</li>
 *   <li>Kolmogorov distance max_N |Σ_{N'≤N} (P − q)|;</li>
 *   <li>relative errors of ⟨N⟩ and ⟨N²⟩: (Eq. 7's continuous moment − exact) / exact. The integer restriction
 *       differs from the continuous moments by far less than any gap reported here (Euler–Maclaurin: P(0) = P'(0)
 *       = 0).</li>
 * </ul>
 * Exact moments are summed in two passes (mean, then centred), so the variance does not cancel.
 */
public final class FokkerPlanckComparison {

    private final double totalVariation;
    private final double kolmogorov;
    private final double exactMean;
    private final double exactSecondMoment;
    private final double exactVariance;
    private final double approximateMean;
    private final double approximateSecondMoment;
    private final double approximateVariance;

    private FokkerPlanckComparison(double[] exact, SizeDistribution eq7) {
        int top = Math.max(exact.length - 1, (int) Math.ceil(eq7.upperEnd()) + 1);
        double[] q = eq7.probabilities(top);
        double total = 0.0;
        for (double v : exact) {
            total += v;
        }
        double tv = 0.0;
        double ks = 0.0;
        double cum = 0.0;
        double mean = 0.0;
        for (int n = 0; n <= top; n++) {
            double p = n < exact.length ? exact[n] / total : 0.0;
            tv += Math.abs(p - q[n]);
            cum += p - q[n];
            ks = Math.max(ks, Math.abs(cum));
            mean += n * p;
        }
        double var = 0.0;
        for (int n = 0; n < exact.length; n++) {
            double d = n - mean;
            var += d * d * exact[n] / total;
        }
        totalVariation = 0.5 * tv;
        kolmogorov = ks;
        exactMean = mean;
        exactVariance = var;
        exactSecondMoment = var + mean * mean;
        approximateMean = eq7.mean();
        approximateSecondMoment = eq7.secondMoment();
        approximateVariance = eq7.variance();
    }

    /**
     * Compares {@code exactMarginal} (P(N) for N = 0 … Nmax; normalized here if it is not) with {@code eq7}.
     *
     * @param exactMarginal the exact P(N), N = 0 … Nmax
     * @param eq7 the continuous distribution compared with it (Eq. 7 or another {@link SizeDistribution})
     * @return the distances (total variation, Kolmogorov) and moment errors
     * @throws IllegalArgumentException for an empty array, negative or non-finite entries, or zero total
     */
    public static FokkerPlanckComparison of(double[] exactMarginal, SizeDistribution eq7) {
        double sum = 0.0;
        for (double v : exactMarginal) {
            if (!(v >= 0.0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("exact P(N) has an invalid entry " + v);
            }
            sum += v;
        }
        if (!(sum > 0.0)) {
            throw new IllegalArgumentException("exact P(N) sums to " + sum);
        }
        return new FokkerPlanckComparison(exactMarginal, eq7);
    }

    /** {@return ½ Σ |P − q|} */
    public double totalVariation() {
        return totalVariation;
    }

    /** {@return max |F_P − F_q|} */
    public double kolmogorov() {
        return kolmogorov;
    }

    /** {@return exact ⟨N⟩} */
    public double exactMean() {
        return exactMean;
    }

    /** {@return exact ⟨N²⟩} */
    public double exactSecondMoment() {
        return exactSecondMoment;
    }

    /** {@return exact Var N} */
    public double exactVariance() {
        return exactVariance;
    }

    /** {@return Eq. 7's ⟨N⟩} */
    public double approximateMean() {
        return approximateMean;
    }

    /** {@return Eq. 7's ⟨N²⟩} */
    public double approximateSecondMoment() {
        return approximateSecondMoment;
    }

    /** {@return Eq. 7's Var N} */
    public double approximateVariance() {
        return approximateVariance;
    }

    /** {@return (Eq. 7 ⟨N⟩ − exact) / exact} */
    public double meanRelativeError() {
        return (approximateMean - exactMean) / exactMean;
    }

    /** {@return (Eq. 7 ⟨N²⟩ − exact) / exact} */
    public double secondMomentRelativeError() {
        return (approximateSecondMoment - exactSecondMoment) / exactSecondMoment;
    }

    /** {@return (Eq. 7 Var N − exact) / exact} */
    public double varianceRelativeError() {
        return (approximateVariance - exactVariance) / exactVariance;
    }

    @Override
    public String toString() {
        return "TV=" + totalVariation + ", KS=" + kolmogorov + ", dMean/Mean=" + meanRelativeError()
                + ", dN2/N2=" + secondMomentRelativeError() + ", exact <N>=" + exactMean + ", Eq.7 <N>="
                + approximateMean;
    }
}
