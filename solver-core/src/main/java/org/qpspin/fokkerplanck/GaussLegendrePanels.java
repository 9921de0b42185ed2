package org.qpspin.fokkerplanck;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Composite Gauss–Legendre quadrature on equal panels of [0, U], the rule behind every integral of this package.
 *
 * <p>The nodes and weights of the {@value #POINTS}-point rule come from Commons Math
 * ({@link GaussIntegratorFactory#legendreHighPrecision(int)}, computed in extended precision and rounded once).
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
        GaussIntegrator rule = new GaussIntegratorFactory().legendreHighPrecision(POINTS);
        for (int i = 0; i < POINTS; i++) {
            NODES[i] = rule.getPoint(i);
            WEIGHTS[i] = rule.getWeight(i);
        }
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
