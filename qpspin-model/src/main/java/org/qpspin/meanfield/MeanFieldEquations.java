package org.qpspin.meanfield;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.qpspin.model.ModelParameters;

/**
 * The mean-field equations, Eqs. 1–2 of the paper as docs/model.md writes them, for y = (N, m):
 * <pre>
 *   dN/dt = AV − 2(Γ/V)(N−m)m − (Γt/V)N²
 *   dm/dt = (AV/2)(1 − 1/(N−m)) − (Γ/V)(N−m)m − (Γt/V)N m + (N − 2m)/τs
 * </pre>
 * and their Jacobian (s = N − m):
 * ∂Ṅ/∂N = −2(Γ/V)m − 2(Γt/V)N, ∂Ṅ/∂m = −2(Γ/V)(N−2m),
 * ∂ṁ/∂N = (AV/2)/s² − (Γ+Γt)m/V + 1/τs, ∂ṁ/∂m = −(AV/2)/s² − (Γ/V)(N−2m) − (Γt/V)N − 2/τs.
 * The equations hold for N − m &gt; 0 (the 1/(N−m) term is the injection's singlet factor).
 */
public final class MeanFieldEquations implements FirstOrderDifferentialEquations {

    private final ModelParameters parameters;
    private final double av;
    private final double singlet;
    private final double triplet;
    private final double flip;

    private MeanFieldEquations(ModelParameters p) {
        this.parameters = p;
        this.av = p.totalInjectionRate();
        this.singlet = p.singletRate() / p.volume();
        this.triplet = p.tripletRate() / p.volume();
        this.flip = p.spinFlipRate();
    }

    /**
     * {@return Eqs. 1–2 for {@code p}}
     *
     * @param p the model parameters
     */
    public static MeanFieldEquations of(ModelParameters p) {
        return new MeanFieldEquations(p);
    }

    /** {@return the parameters} */
    public ModelParameters parameters() {
        return parameters;
    }

    @Override
    public int getDimension() {
        return 2;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        if (y.length != 2 || yDot.length != 2) {
            throw new DimensionMismatchException(y.length, 2);
        }
        rates(y[0], y[1], yDot);
    }

    /**
     * out = (dN/dt, dm/dt) at (N, m); allocation-free.
     *
     * @param n N (real, &gt; 0)
     * @param m m (real)
     * @param out receives (dN/dt, dm/dt) in s⁻¹, length 2
     */
    public void rates(double n, double m, double[] out) {
        double s = n - m;
        out[0] = av - 2.0 * singlet * s * m - triplet * n * n;
        out[1] = 0.5 * av * (1.0 - 1.0 / s) - singlet * s * m - triplet * n * m + (n - 2.0 * m) * flip;
    }

    /**
     * {@return d(N − 2m)/dt = AV/(N−m) − (Γt/V) N (N − 2m) − 2(N − 2m)/τs, i.e. Ṅ − 2ṁ written without the singlet
     * terms, which cancel exactly (singlet annihilation conserves the total spin S = (N − 2m)/2)} Its terms are
     * of order AV/N where Ṅ's are of order AV: the well-conditioned equation for the slow variable.
     *
     * @param n N (real, &gt; m)
     * @param m m (real)
     */
    public double spinRate(double n, double m) {
        double d = n - 2.0 * m;
        return av / (n - m) - triplet * n * d - 2.0 * flip * d;
    }

    /**
     * out = {∂(Ṅ−2ṁ)/∂N, ∂(Ṅ−2ṁ)/∂m} at (N, m).
     *
     * @param n N (real, &gt; m)
     * @param m m (real)
     * @param out receives the gradient, length 2
     */
    public void spinRateGradient(double n, double m, double[] out) {
        double s = n - m;
        double inj = av / (s * s);
        out[0] = -inj - 2.0 * triplet * s - 2.0 * flip;
        out[1] = inj + 2.0 * triplet * n + 4.0 * flip;
    }

    /**
     * out = {∂Ṅ/∂N, ∂Ṅ/∂m, ∂ṁ/∂N, ∂ṁ/∂m} at (N, m) (row-major 2×2); allocation-free.
     *
     * @param n N (real, &gt; 0)
     * @param m m (real)
     * @param out receives the Jacobian row by row, length 4
     */
    public void jacobian(double n, double m, double[] out) {
        double s = n - m;
        double inj = 0.5 * av / (s * s);
        out[0] = -2.0 * singlet * m - 2.0 * triplet * n;
        out[1] = -2.0 * singlet * (n - 2.0 * m);
        out[2] = inj - (singlet + triplet) * m + flip;
        out[3] = -inj - singlet * (n - 2.0 * m) - triplet * n - 2.0 * flip;
    }
}
