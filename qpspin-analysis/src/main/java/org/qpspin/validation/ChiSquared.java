package org.qpspin.validation;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.exception.MathIllegalStateException;

/** The χ² distribution's CDF, robust far in its tails. */
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
}
