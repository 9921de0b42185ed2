package org.qpspin.meanfield;

import org.qpspin.model.ModelParameters;

/**
 * The stationary point of the full mean-field equations (Eqs. 1–2, no m ≪ N approximation) and its linear
 * stability.
 *
 * <p>Algorithm: Newton's method on (Ṅ, ṁ) = 0 with the analytic Jacobian of {@link MeanFieldEquations},
 * started from the m ≪ N point of Eqs. 3–4 ({@link MeanFieldFixedPoint}), on the pair Ṅ = 0, Ṅ − 2ṁ = 0
 * with the second written without its cancelling singlet terms ({@link MeanFieldEquations#spinRate}): Ṅ and ṁ
 * alone are differences of terms of order AV, which would limit N* to ≈ ε AV/|λ_slow|. A step is halved until it
 * keeps 0 ≤ m &lt; N and does not increase ‖(Ṅ, ṁ)‖/AV (damped Newton; full steps once that is below 1e−10, inside
 * the quadratic basin). Stops when a step is below 1e−14 N, or, in the basin, when steps stop shrinking
 * (rounding level); at most 200 iterations.
 * Stability: the eigenvalues λ = T/2 ± √(T²/4 − Δ) of the 2×2 Jacobian (T its trace, Δ its determinant);
 * stable when both real parts are negative.
 */
public final class MeanFieldStationaryPoint {

    private final double meanN;
    private final double meanM;
    private final double[] eigenReal;
    private final double[] eigenImag;
    private final double residual;
    private final int iterations;
    private final boolean converged;

    private MeanFieldStationaryPoint(double n, double m, double[] jac, double residual, int iterations,
                                     boolean converged) {
        this.meanN = n;
        this.meanM = m;
        this.residual = residual;
        this.iterations = iterations;
        this.converged = converged;
        double tr = jac[0] + jac[3];
        double det = jac[0] * jac[3] - jac[1] * jac[2];
        double disc = 0.25 * tr * tr - det;
        eigenReal = new double[2];
        eigenImag = new double[2];
        if (disc >= 0.0) {
            // avoid cancellation: the larger-magnitude root first, the other from the product
            double big = 0.5 * tr + Math.copySign(Math.sqrt(disc), tr);
            double small = big == 0.0 ? 0.0 : det / big;
            eigenReal[0] = Math.max(big, small);
            eigenReal[1] = Math.min(big, small);
        } else {
            eigenReal[0] = eigenReal[1] = 0.5 * tr;
            eigenImag[0] = Math.sqrt(-disc);
            eigenImag[1] = -eigenImag[0];
        }
    }

    /**
     * {@return the stationary point of Eqs. 1–2 for {@code p}}
     *
     * @param p the model parameters (A &gt; 0)
     * @throws IllegalArgumentException when A = 0 (the only state is the empty cluster)
     */
    public static MeanFieldStationaryPoint of(ModelParameters p) {
        if (p.totalInjectionRate() == 0.0) {
            throw new IllegalArgumentException("mean field needs A > 0 (with A = 0 the cluster is empty)");
        }
        MeanFieldEquations eq = MeanFieldEquations.of(p);
        MeanFieldFixedPoint start = MeanFieldFixedPoint.of(p);
        double n = start.meanN();
        double m = Math.min(Math.max(start.meanM(), 0.0), 0.45 * n);
        double[] f = new double[2];
        double[] j = new double[4];
        double[] g = new double[2];
        double res = scaledResidual(eq, n, m, f);
        int it = 0;
        boolean converged = res == 0.0;
        double lastStep = Double.POSITIVE_INFINITY;
        while (!converged && it < 200) {
            it++;
            // equations: Ṅ = 0 and Ṅ − 2ṁ = 0 (the latter cancellation-free, see MeanFieldEquations#spinRate)
            eq.rates(n, m, f);
            double r0 = f[0];
            double r1 = eq.spinRate(n, m);
            eq.jacobian(n, m, j);
            eq.spinRateGradient(n, m, g);
            double det = j[0] * g[1] - j[1] * g[0];
            double dn = (-r0 * g[1] + r1 * j[1]) / det;
            double dm = (-r1 * j[0] + r0 * g[0]) / det;
            double lambda = 1.0;
            double nn = n;
            double mm = m;
            boolean accepted = false;
            for (int k = 0; k < 60 && !accepted; k++) {
                nn = n + lambda * dn;
                mm = m + lambda * dm;
                // inside the quadratic basin rounding may raise the residual: take the full step there
                accepted = mm >= 0.0 && mm < nn && (res < 1e-10 || scaledResidual(eq, nn, mm, f) <= res);
                lambda *= 0.5;
            }
            if (!accepted) { // no admissible step (e.g. m* = 0 to rounding at N* ≪ 1): keep the last point
                converged = res < 1e-10;
                break;
            }
            double step = Math.max(Math.abs(nn - n), Math.abs(mm - m));
            n = nn;
            m = mm;
            res = scaledResidual(eq, n, m, f);
            // converged: a step at rounding level, or steps that stopped shrinking once in the basin
            converged = res == 0.0 || step <= 1e-14 * n || (res < 1e-10 && step >= 0.5 * lastStep);
            lastStep = step;
        }
        eq.jacobian(n, m, j);
        return new MeanFieldStationaryPoint(n, m, j, res, it, converged);
    }

    private static double scaledResidual(MeanFieldEquations eq, double n, double m, double[] f) {
        eq.rates(n, m, f);
        return Math.hypot(f[0], f[1]) / eq.parameters().totalInjectionRate();
    }

    /** {@return N* of Eqs. 1–2} */
    public double meanN() {
        return meanN;
    }

    /** {@return m* of Eqs. 1–2} */
    public double meanM() {
        return meanM;
    }

    /** {@return m* divided by N*} */
    public double flippedFraction() {
        return meanM / meanN;
    }

    /** {@return real parts of the Jacobian's eigenvalues in s⁻¹, larger first} */
    public double[] eigenvaluesReal() {
        return eigenReal.clone();
    }

    /** {@return imaginary parts of the eigenvalues in s⁻¹} */
    public double[] eigenvaluesImaginary() {
        return eigenImag.clone();
    }

    /** {@return whether both eigenvalues have negative real part} */
    public boolean isStable() {
        return eigenReal[0] < 0.0 && eigenReal[1] < 0.0;
    }

    /** {@return the slow relaxation rate −max Re λ in s⁻¹} */
    public double slowRate() {
        return -eigenReal[0];
    }

    /** {@return the fast relaxation rate −min Re λ in s⁻¹} */
    public double fastRate() {
        return -eigenReal[1];
    }

    /** {@return stiffness ratio fast/slow} */
    public double stiffness() {
        return eigenReal[1] / eigenReal[0];
    }

    /** {@return ‖(Ṅ, ṁ)‖ / (AV) at the returned point} */
    public double residual() {
        return residual;
    }

    /** {@return Newton iterations used} */
    public int iterations() {
        return iterations;
    }

    /** {@return whether Newton met its stopping rule} */
    public boolean converged() {
        return converged;
    }

    @Override
    public String toString() {
        return "N*=" + meanN + ", m*=" + meanM + ", lambda=(" + eigenReal[0] + "±" + Math.abs(eigenImag[0]) + "i, "
                + eigenReal[1] + "), stable=" + isStable() + ", residual=" + residual + ", iterations=" + iterations;
    }
}
