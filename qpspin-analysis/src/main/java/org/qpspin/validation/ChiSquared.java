package org.qpspin.validation;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.special.Gamma;

/** The χ² distribution's CDF and survival function, robust far in their tails. */
final class ChiSquared {

    private ChiSquared() {
    }

    /**
     * P(X ≤ x) for X ~ χ²(dof); where Commons Math's continued fraction fails far in a tail (huge ν or x) the
     * value is 0 or 1 to double precision and is returned as such. x &lt; 0 or NaN gives 0, x = +∞ gives 1.
     */
    static double cdf(ChiSquaredDistribution chi, double x, double dof) {
        if (!(x >= 0.0)) {
            return 0.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        try {
            return chi.cumulativeProbability(x);
        } catch (MathIllegalStateException e) {
            return x > dof ? 1.0 : 0.0;
        }
    }

    /**
     * P(X &gt; x) for X ~ χ²(dof): the survival function Q(dof/2, x/2), the regularized upper incomplete gamma
     * function, which keeps its relative accuracy in the upper tail where 1 − CDF cancels (and would give 0 below
     * 1.1e-16). x ≤ 0 gives 1, x = +∞ gives 0, NaN gives NaN; where Commons Math's continued fraction fails far in
     * a tail, 0 or 1.
     */
    static double survival(double x, double dof) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (!(x > 0.0)) {
            return 1.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        try {
            return Gamma.regularizedGammaQ(dof / 2.0, x / 2.0);
        } catch (MathIllegalStateException e) {
            return x > dof ? 0.0 : 1.0;
        }
    }
}
