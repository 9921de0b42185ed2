package org.qpspin.meanfield;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.qpspin.model.ModelParameters;

/**
 * A solution of Eqs. 1–2 in time, from Commons Math's adaptive Dormand–Prince 8(5,3) integrator.
 *
 * <p>Why an explicit method: Commons Math 3.6.1 has no implicit integrator, and the stiffness of Eqs. 1–2 is
 * bounded. The fast rate is the singlet relaxation of m, ≈ ΓN/V, the slow one ≈ 4/τs (SR) or 3ΓtN/V (TA), so
 * the ratio is ≈ N0/(4ζs) or Nc/3 — at most ~10⁶ in the polarized region, where an explicit step is limited to
 * |hλ| ≲ 4 by stability, not accuracy: ≲ 10⁷ evaluations of a two-component right-hand side, well under a
 * second. The step control then keeps the solution on the stability boundary without oscillation (its local
 * error test rejects any unstable step). Tolerances: relative 1e−10, absolute 1e−10 × max(1, N(0)); the
 * evaluation count is reported ({@link #evaluations()}) and capped at {@value #MAX_EVALUATIONS}.
 */
public final class MeanFieldTrajectory {

    /** Cap on right-hand-side evaluations. */
    public static final int MAX_EVALUATIONS = 200_000_000;

    private final double[] times;
    private final double[] clusterSizes;
    private final double[] flippedSpins;
    private final int evaluations;
    private final double seconds;

    private MeanFieldTrajectory(double[] times, double[] n, double[] m, int evaluations, double seconds) {
        this.times = times;
        this.clusterSizes = n;
        this.flippedSpins = m;
        this.evaluations = evaluations;
        this.seconds = seconds;
    }

    /**
     * Integrates Eqs. 1–2 from (N, m) = (n0, m0) at t = 0 to {@code endTime}, recording {@code samples} equally
     * spaced points (plus t = 0).
     *
     * @param p the model parameters (A &gt; 0)
     * @param n0 N at t = 0
     * @param m0 m at t = 0 (0 ≤ m0 &lt; n0)
     * @param endTime the last time in s (&gt; 0)
     * @param samples equally spaced points recorded after t = 0 (≥ 1)
     * @return the trajectory
     * @throws IllegalArgumentException for A = 0, a start with m &lt; 0 or m ≥ N, a non-positive end time, or
     *                                  samples &lt; 1
     */
    public static MeanFieldTrajectory integrate(ModelParameters p, double n0, double m0, double endTime,
                                                int samples) {
        if (p.totalInjectionRate() == 0.0) {
            throw new IllegalArgumentException("mean field needs A > 0");
        }
        if (!(m0 >= 0.0) || !(n0 - m0 > 0.0) || !Double.isFinite(n0)) {
            throw new IllegalArgumentException("start needs 0 <= m < N, got N=" + n0 + ", m=" + m0);
        }
        if (!(endTime > 0.0) || !Double.isFinite(endTime)) {
            throw new IllegalArgumentException("end time must be finite and > 0, got " + endTime);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        long start = System.nanoTime();
        MeanFieldEquations eq = MeanFieldEquations.of(p);
        double absTol = 1e-10 * Math.max(1.0, n0);
        FirstOrderIntegrator integrator = new DormandPrince853Integrator(0.0, endTime, absTol, 1e-10);
        integrator.setMaxEvaluations(MAX_EVALUATIONS);
        double[] t = new double[samples + 1];
        double[] ns = new double[samples + 1];
        double[] ms = new double[samples + 1];
        for (int i = 0; i <= samples; i++) {
            t[i] = endTime * i / samples;
        }
        ns[0] = n0;
        ms[0] = m0;
        List<Integer> next = new ArrayList<>(List.of(1));
        integrator.addStepHandler(new StepHandler() {
            @Override
            public void init(double t0, double[] y0, double tEnd) {
            }

            @Override
            public void handleStep(StepInterpolator interpolator, boolean isLast) {
                int k = next.get(0);
                while (k <= samples && (t[k] <= interpolator.getCurrentTime() || (isLast && k == samples))) {
                    interpolator.setInterpolatedTime(Math.min(t[k], interpolator.getCurrentTime()));
                    double[] y = interpolator.getInterpolatedState();
                    ns[k] = y[0];
                    ms[k] = y[1];
                    k++;
                }
                next.set(0, k);
            }
        });
        double[] y = {n0, m0};
        integrator.integrate(eq, 0.0, y, endTime, y);
        ns[samples] = y[0];
        ms[samples] = y[1];
        return new MeanFieldTrajectory(t, ns, ms, integrator.getEvaluations(), (System.nanoTime() - start) * 1e-9);
    }

    /**
     * From a nearly empty, unpolarized start (N, m) = (2, 0) to 40 slow relaxation times of the stationary point
     * of Eqs. 1–2 (long enough that the remaining distance is below e^−40 of the start's, if it is stable).
     *
     * @param p the model parameters (A &gt; 0)
     * @param samples equally spaced points recorded after t = 0 (≥ 1)
     * @return the trajectory
     */
    public static MeanFieldTrajectory toLongTime(ModelParameters p, int samples) {
        MeanFieldStationaryPoint fixed = MeanFieldStationaryPoint.of(p);
        double rate = fixed.slowRate();
        if (!(rate > 0.0)) {
            throw new IllegalArgumentException("the mean-field point is not stable (slow rate " + rate + ")");
        }
        return integrate(p, 2.0, 0.0, 40.0 / rate, samples);
    }

    /** {@return sample times in s} */
    public double[] times() {
        return times.clone();
    }

    /** {@return N at the sample times} */
    public double[] clusterSizes() {
        return clusterSizes.clone();
    }

    /** {@return m at the sample times} */
    public double[] flippedSpins() {
        return flippedSpins.clone();
    }

    /** {@return N at the end} */
    public double finalN() {
        return clusterSizes[clusterSizes.length - 1];
    }

    /** {@return m at the end} */
    public double finalM() {
        return flippedSpins[flippedSpins.length - 1];
    }

    /** {@return right-hand-side evaluations used} */
    public int evaluations() {
        return evaluations;
    }

    /** {@return wall time in s} */
    public double seconds() {
        return seconds;
    }
}
