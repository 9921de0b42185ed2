package org.qpspin.fokkerplanck;

/**
 * Composite Gauss–Legendre quadrature on equal panels of [0, U], the rule behind every integral of this package.
 *
 * <p>The nodes and weights of the {@value #POINTS}-point rule: Newton's method on P_n from Chebyshev starting
 * guesses, the three-term recurrence for P_n and P_n' (Numerical Recipes' gauleg), stopped when a correction is
 * below 1e−16; the test checks them against Commons Math's extended-precision rule
 * ({@code GaussIntegratorFactory.legendreHighPrecision}), which takes seconds to build and is not used here.
 * The integrands here are entire functions of the scaled cluster size u = N/N0 (a polynomial times
 * exp(polynomial)) that fall below 10⁻⁴⁰ of their peak before U, so a panel rule of this order is exact to
 * rounding once a panel is narrower than the integrand's width; callers estimate the remaining error by
 * halving the number of panels (Richardson-free: the difference of the two sums).
 */
final class GaussLegendrePanels {

    /** Points per panel. */
    static final int POINTS = 20;

    private static final double[] NODES = new double[POINTS];
    private static final double[] WEIGHTS = new double[POINTS];

    static {
        int n = POINTS;
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0.0;
            for (int it = 0; it < 100; it++) {
                double p1 = 1.0;
                double p2 = 0.0;
                for (int j = 1; j <= n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2.0 * j - 1.0) * z * p2 - (j - 1.0) * p3) / j;
                }
                dp = n * (z * p1 - p2) / (z * z - 1.0);
                double dz = p1 / dp;
                z -= dz;
                if (Math.abs(dz) <= 1e-16) {
                    break;
                }
            }
            double w = 2.0 / ((1.0 - z * z) * dp * dp);
            NODES[i] = -z;
            NODES[n - 1 - i] = z;
            WEIGHTS[i] = w;
            WEIGHTS[n - 1 - i] = w;
        }
    }

    /** Node i of the rule on [−1, 1], ascending. */
    static double referenceNode(int i) {
        return NODES[i];
    }

    /** Weight i of the rule on [−1, 1]. */
    static double referenceWeight(int i) {
        return WEIGHTS[i];
    }

    private final double upper;
    private final int panels;
    private final double[] x;
    private final double[] w;

    /** The rule with {@code panels} equal panels on [0, upper]; nodes ordered ascending. */
    GaussLegendrePanels(double upper, int panels) {
        this.upper = upper;
        this.panels = panels;
        x = new double[panels * POINTS];
        w = new double[panels * POINTS];
        double h = upper / panels;
        for (int p = 0; p < panels; p++) {
            double mid = (p + 0.5) * h;
            for (int i = 0; i < POINTS; i++) {
                x[p * POINTS + i] = mid + 0.5 * h * NODES[i];
                w[p * POINTS + i] = 0.5 * h * WEIGHTS[i];
            }
        }
    }

    /** Upper end U. */
    double upper() {
        return upper;
    }

    /** Number of panels. */
    int panels() {
        return panels;
    }

    /** Number of nodes. */
    int size() {
        return x.length;
    }

    /** Node i (ascending). */
    double node(int i) {
        return x[i];
    }

    /** Weight i. */
    double weight(int i) {
        return w[i];
    }

    /** Left end of panel p. */
    double panelStart(int p) {
        return p * upper / panels;
    }

    /** ∫_a^b f by the {@value #POINTS}-point rule on one interval. */
    static double integrate(java.util.function.DoubleUnaryOperator f, double a, double b) {
        double mid = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double sum = 0.0;
        for (int i = 0; i < POINTS; i++) {
            sum += WEIGHTS[i] * f.applyAsDouble(mid + half * NODES[i]);
        }
        return sum * half;
    }
}
