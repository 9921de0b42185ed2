package org.qpspin.crosscheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.qpspin.fokkerplanck.FokkerPlanckComparison;
import org.qpspin.model.ModelParameters;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * How the gap between the exact P(N) and Eq. 7 closes along a path of parameters.
 *
 * <p>Paths (Γ = 1 s⁻¹µm³ sets the units; ζ = m0/N0 is the mean-field flipped fraction in both regimes):
 * <ul>
 *   <li>SR: Γt = 0, τs = 1 s, V = ζs Vc = ζ µm³, A from the target N0 (Eq. 4);</li>
 *   <li>TA: τs = ∞, V = 1 µm³, Γt = 2ζ/N0 so that ζt = N0/(2Nc) = ζ, A from N0.</li>
 * </ul>
 * {@link #alongN0} holds ζ fixed and grows N0 (variable x = 1/N0); {@link #alongZeta} holds N0 and lowers ζ
 * (x = ζ). For each metric the study fits gap(x) = g∞ + C x^p: for each p on a grid of step 0.01 in [0.2, 3],
 * g∞ and C by linear least squares (g∞ ≥ 0 when every value is, as for the distances), keeping the p of least
 * squared residual. g∞ is the part of the gap the path
 * does not remove (the ζ-effect along N0, the 1/N0-effect along ζ), p the rate at which the rest closes.
 */
public final class ConvergenceStudy {

    /** A regime of the path. */
    public enum Limit {
        /** Spin relaxation (Eq. 8). */
        SPIN_RELAXATION,
        /** Triplet annihilation (Eq. 9). */
        TRIPLET_ANNIHILATION
    }

    /** The measured gaps. */
    public enum Metric {
        /** Total-variation distance. */
        TOTAL_VARIATION("TV", FokkerPlanckComparison::totalVariation),
        /** Kolmogorov distance. */
        KOLMOGOROV("KS", FokkerPlanckComparison::kolmogorov),
        /** Relative error of ⟨N⟩ (Eq. 7 − exact)/exact. */
        MEAN("dMean", FokkerPlanckComparison::meanRelativeError),
        /** Relative error of ⟨N²⟩. */
        SECOND_MOMENT("dN2", FokkerPlanckComparison::secondMomentRelativeError),
        /** Relative error of Var N. */
        VARIANCE("dVar", FokkerPlanckComparison::varianceRelativeError);

        private final String label;
        private final ToDoubleFunction<FokkerPlanckComparison> value;

        Metric(String label, ToDoubleFunction<FokkerPlanckComparison> value) {
            this.label = label;
            this.value = value;
        }

        /** {@return short label} */
        public String label() {
            return label;
        }

        /**
         * {@return the metric's value for one comparison}
         *
         * @param c one exact-versus-Eq. 7 comparison
         */
        public double of(FokkerPlanckComparison c) {
            return value.applyAsDouble(c);
        }
    }

    /** The fit gap(x) = g∞ + C x^p. */
    public static final class Fit {
        private final double rate;
        private final double amplitude;
        private final double limit;
        private final double rmsResidual;

        Fit(double rate, double amplitude, double limit, double rmsResidual) {
            this.rate = rate;
            this.amplitude = amplitude;
            this.limit = limit;
            this.rmsResidual = rmsResidual;
        }

        /** {@return p} */
        public double rate() {
            return rate;
        }

        /** {@return C} */
        public double amplitude() {
            return amplitude;
        }

        /** {@return g∞, the gap left at x → 0} */
        public double limit() {
            return limit;
        }

        /** {@return root-mean-square residual of the fit} */
        public double rmsResidual() {
            return rmsResidual;
        }

        @Override
        public String toString() {
            return String.format("gap = %.4g + %.4g x^%.2f (rms %.2g)", limit, amplitude, rate, rmsResidual);
        }
    }

    private final Limit limit;
    private final boolean alongN0;
    private final double fixedValue;
    private final List<ExactVsFokkerPlanck> points;
    private final double[] x;

    private ConvergenceStudy(Limit limit, boolean alongN0, double fixedValue, List<ExactVsFokkerPlanck> points,
                             double[] x) {
        this.limit = limit;
        this.alongN0 = alongN0;
        this.fixedValue = fixedValue;
        this.points = points;
        this.x = x;
    }

    /**
     * {@return the parameters of the path at (N0, ζ)}
     *
     * @param limit the path: spin relaxation (ζ = ζs, Γt = 0) or triplet annihilation (ζ = ζt, τs = ∞)
     * @param n0 the mean-field N0 of Eq. 4 (&gt; 0)
     * @param zeta the path's small parameter ζ (&gt; 0)
     */
    public static ModelParameters pathParameters(Limit limit, double n0, double zeta) {
        if (!(zeta > 0.0) || !(n0 > 0.0)) {
            throw new IllegalArgumentException("need N0 > 0 and zeta > 0, got N0=" + n0 + ", zeta=" + zeta);
        }
        if (limit == Limit.SPIN_RELAXATION) {
            return ModelParameters.withMeanFieldN0(n0, zeta, 1.0, 0.0, 1.0);
        }
        return ModelParameters.withMeanFieldN0(n0, 1.0, 1.0, 2.0 * zeta / n0, Double.POSITIVE_INFINITY);
    }

    /**
     * {@return ζ fixed, N0 over {@code n0s} (automatic truncation, auto solver)}
     *
     * @param limit the path: spin relaxation or triplet annihilation
     * @param zeta the fixed ζ (&gt; 0)
     * @param n0s the N0 values, each &gt; 0 (at least 3 for a fit)
     * @param progress receives one line per point (null: silent)
     */
    public static ConvergenceStudy alongN0(Limit limit, double zeta, double[] n0s, Consumer<String> progress) {
        return alongN0(limit, zeta, n0s, Truncation.automatic(), StationarySolvers.auto(), progress);
    }

    /**
     * {@return ζ fixed, N0 over {@code n0s}}
     *
     * @param limit the path: spin relaxation or triplet annihilation
     * @param zeta the fixed ζ (&gt; 0)
     * @param n0s the N0 values, each &gt; 0 (at least 3 for a fit)
     * @param truncation the truncation of every exact solve
     * @param solver the stationary solver of every exact solve
     * @param progress receives one line per point (null: silent)
     */
    public static ConvergenceStudy alongN0(Limit limit, double zeta, double[] n0s, Truncation truncation,
                                           StationarySolver solver, Consumer<String> progress) {
        List<ExactVsFokkerPlanck> pts = new ArrayList<>();
        double[] x = new double[n0s.length];
        for (int i = 0; i < n0s.length; i++) {
            pts.add(solve(limit, n0s[i], zeta, truncation, solver, progress));
            x[i] = 1.0 / n0s[i];
        }
        return new ConvergenceStudy(limit, true, zeta, Collections.unmodifiableList(pts), x);
    }

    /**
     * {@return N0 fixed, ζ over {@code zetas} (automatic truncation, auto solver)}
     *
     * @param limit the path: spin relaxation or triplet annihilation
     * @param n0 the fixed N0 (&gt; 0)
     * @param zetas the ζ values, each &gt; 0 (at least 3 for a fit)
     * @param progress receives one line per point (null: silent)
     */
    public static ConvergenceStudy alongZeta(Limit limit, double n0, double[] zetas, Consumer<String> progress) {
        return alongZeta(limit, n0, zetas, Truncation.automatic(), StationarySolvers.auto(), progress);
    }

    /**
     * {@return N0 fixed, ζ over {@code zetas}}
     *
     * @param limit the path: spin relaxation or triplet annihilation
     * @param n0 the fixed N0 (&gt; 0)
     * @param zetas the ζ values, each &gt; 0 (at least 3 for a fit)
     * @param truncation the truncation of every exact solve
     * @param solver the stationary solver of every exact solve
     * @param progress receives one line per point (null: silent)
     */
    public static ConvergenceStudy alongZeta(Limit limit, double n0, double[] zetas, Truncation truncation,
                                             StationarySolver solver, Consumer<String> progress) {
        List<ExactVsFokkerPlanck> pts = new ArrayList<>();
        double[] x = zetas.clone();
        for (double z : zetas) {
            pts.add(solve(limit, n0, z, truncation, solver, progress));
        }
        return new ConvergenceStudy(limit, false, n0, Collections.unmodifiableList(pts), x);
    }

    private static ExactVsFokkerPlanck solve(Limit limit, double n0, double zeta, Truncation truncation,
                                             StationarySolver solver, Consumer<String> progress) {
        ExactVsFokkerPlanck e = ExactVsFokkerPlanck.of(pathParameters(limit, n0, zeta), truncation, solver);
        if (progress != null) {
            progress.accept(String.format("%s N0=%g zeta=%g: %d states, %s, %.2f s, TV=%.4g", limit, n0, zeta,
                    e.exactResult().states(), e.exactResult().solver(), e.exact().seconds(),
                    e.comparison().totalVariation()));
        }
        return e;
    }

    /**
     * {@return fit of {@code metric} along the path (needs at least 3 points)}
     *
     * @param metric the distance or moment error fitted
     */
    public Fit fit(Metric metric) {
        double[] y = values(metric);
        return fit(x, y);
    }

    /**
     * {@return gap(x) = g∞ + C x^p by a scan over p with linear least squares for (g∞, C)}
     *
     * @param x the path variable at each point (&gt; 0)
     * @param y the gap at each point (same length as x, at least 3 points)
     */
    public static Fit fit(double[] x, double[] y) {
        int n = x.length;
        if (n < 3 || y.length != n) {
            throw new IllegalArgumentException("a rate fit needs at least 3 points, got " + n);
        }
        boolean nonNegative = true;
        for (double v : y) {
            nonNegative &= v >= 0.0;
        }
        Fit best = null;
        for (int k = 20; k <= 300; k++) {
            double p = k / 100.0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                double t = Math.pow(x[i], p);
                sx += t;
                sy += y[i];
                sxx += t * t;
                sxy += t * y[i];
            }
            double det = n * sxx - sx * sx;
            double c = (n * sxy - sx * sy) / det;
            double g = (sy - c * sx) / n;
            if (nonNegative && g < 0.0) { // a distance cannot close below zero: refit with g∞ = 0
                g = 0.0;
                c = sxy / sxx;
            }
            double sse = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - g - c * Math.pow(x[i], p);
                sse += r * r;
            }
            double rms = Math.sqrt(sse / n);
            if (best == null || rms < best.rmsResidual()) {
                best = new Fit(p, c, g, rms);
            }
        }
        return best;
    }

    /**
     * {@return the local rate between the last two points, ln(|y₁|/|y₂|) / ln(x₁/x₂): the exponent p of |gap| ∝ x^p
     * where the path has got furthest, free of the three-parameter fit's freedom (NaN if a value is 0)}
     *
     * @param metric the distance or moment error
     */
    public double localRate(Metric metric) {
        return localRate(x, values(metric));
    }

    /**
     * {@return the local rate ln(|y₁|/|y₂|) / ln(x₁/x₂) between the last two points (x₁, y₁), (x₂, y₂)}, as
     * {@link #localRate(Metric)} for arbitrary values. Edge cases: NaN when there are fewer than two points or
     * when either of the last two values is 0; ±∞ or NaN when the last two x are equal.
     *
     * @param x the path variable at each point (1/N0 or ζ, &gt; 0)
     * @param y the gap at each point (a distance or a relative error), as many as {@code x}
     */
    public static double localRate(double[] x, double[] y) {
        int n = y.length;
        if (n < 2) {
            return Double.NaN;
        }
        double a = Math.abs(y[n - 2]);
        double b = Math.abs(y[n - 1]);
        return a == 0.0 || b == 0.0 ? Double.NaN : Math.log(a / b) / Math.log(x[n - 2] / x[n - 1]);
    }

    /** {@return the path's ζ at each point (ζs on the SR path, ζt on the TA path)} */
    public double[] zetas() {
        double[] z = new double[points.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = alongN0 ? fixedValue : x[i];
        }
        return z;
    }

    /**
     * {@return the metric at each point}
     *
     * @param metric the distance or moment error
     */
    public double[] values(Metric metric) {
        double[] y = new double[points.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = metric.of(points.get(i).comparison());
        }
        return y;
    }

    /** {@return the path variable x at each point (1/N0 along N0, ζ along ζ)} */
    public double[] variable() {
        return x.clone();
    }

    /** {@return the points, in the order given} */
    public List<ExactVsFokkerPlanck> points() {
        return points;
    }

    /** {@return the regime of the path} */
    public Limit limit() {
        return limit;
    }

    /** {@return whether N0 grows along the path (else ζ falls)} */
    public boolean isAlongN0() {
        return alongN0;
    }

    /** {@return the value held fixed: ζ along N0, N0 along ζ} */
    public double fixedValue() {
        return fixedValue;
    }
}
