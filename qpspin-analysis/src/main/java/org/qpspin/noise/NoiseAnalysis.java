package org.qpspin.noise;

import java.util.Objects;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.model.ModelParameters;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/**
 * Noise of observables of the stationary chain, by linear algebra on the generator L (docs/model.md, "Noise
 * convention": two-sided spectra, S_f(ω) = ∫ dt e^{iωt} ⟨⟨f(t) f(0)⟩⟩, ∫ S_f dω/2π = Var f).
 *
 * <p>For t ≥ 0, ⟨⟨f(t) g(0)⟩⟩ = fᵀ e^{Lt} δ_g with δ_g = (g − ⟨g⟩)∘p, so
 * <ul>
 *   <li>S_f(0) = 2 fᵀ x with L x = −δ_f, Σ x = 0: one group-inverse solve with the factorization kept by the
 *       stationary solver ({@link StationaryFactorization#solveGroupInverse});</li>
 *   <li>the cross-spectrum S_fg(0) = fᵀ x_g + gᵀ x_f (symmetric in f and g);</li>
 *   <li>S_f(ω) = 2 Re fᵀ (−iω − L)⁻¹ δ_f: see {@link #spectrum}.</li>
 * </ul>
 * Observables are centred before the products (f − ⟨f⟩), which changes nothing exactly (Σ x = 0) and avoids
 * cancellation when ⟨f⟩ ≫ √Var f.
 *
 * <p>Not thread-safe: it shares the factorization's workspaces.
 */
public final class NoiseAnalysis {

    private final Generator generator;
    private final StationaryFactorization factorization;
    private final StationaryResult stationary;
    private final double[] p;

    private NoiseAnalysis(Generator generator, StationaryFactorization factorization) {
        this.generator = generator;
        this.factorization = factorization;
        this.stationary = factorization.stationary();
        this.p = stationary.probabilitiesView();
        if (p.length != generator.size()) {
            throw new IllegalArgumentException("factorization has " + p.length + " states, generator "
                    + generator.size());
        }
    }

    /**
     * {@return noise analysis of {@code generator} with a factorization obtained from it}
     *
     * @param generator the truncated generator L whose stationary noise is wanted
     * @param factorization a factorization of that same {@code generator}
     *                      ({@link org.qpspin.stationary.StationarySolver#factorize}); its group-inverse solves give
     *                      every noise quantity
     */
    public static NoiseAnalysis of(Generator generator, StationaryFactorization factorization) {
        return new NoiseAnalysis(Objects.requireNonNull(generator, "generator"),
                Objects.requireNonNull(factorization, "factorization"));
    }

    /**
     * {@return noise analysis of a stationary analysis' final chain: its kept factorization (from
     * {@link StationaryAnalysis#factorize}), or, when {@link StationaryAnalysis#solve} kept none, the final
     * generator (the same truncation) factorized once with {@link StationarySolvers#auto()}} So
     * {@code NoiseAnalysis.of(StationaryAnalysis.solve(p)).zeroFrequency(Observable.particleNumber())} works.
     *
     * @param analysis a finished stationary analysis; its final generator and truncation are used as they are
     */
    public static NoiseAnalysis of(StationaryAnalysis analysis) {
        Objects.requireNonNull(analysis, "analysis");
        StationaryAnalysis a = analysis.hasFactorization() ? analysis : analysis.refactorize(StationarySolvers.auto());
        return of(a.generator(), a.factorization());
    }

    /**
     * {@return noise analysis of the PRL 2020 chain of {@code parameters} with the defaults of
     * {@link StationaryAnalysis#factorize(ModelParameters)} (automatic truncation to 10⁻¹⁰, the auto solver)}
     *
     * @param parameters the model parameters (A, V, Γ, Γt, τs), PRL 2020 rates
     */
    public static NoiseAnalysis of(ModelParameters parameters) {
        return of(StationaryAnalysis.factorize(parameters));
    }

    /** {@return the generator} */
    public Generator generator() {
        return generator;
    }

    /** {@return the factorization reused for every solve} */
    public StationaryFactorization factorization() {
        return factorization;
    }

    /** {@return the stationary distribution} */
    public StationaryResult stationary() {
        return stationary;
    }

    /**
     * {@return S_f(0), two-sided, by one group-inverse solve}
     *
     * @param observable f, the function of (N, m) whose zero-frequency noise is wanted
     */
    public ZeroFrequencyNoise zeroFrequency(Observable observable) {
        long start = System.nanoTime();
        Centred c = centre(observable);
        double[] x = solveResponse(c);
        double s0 = 2.0 * dot(c.deviation, x);
        // (solveResponse has checked the residual; it is recomputed here only to report it)
        double residual = relativeResidual(x, c.weighted);
        return new ZeroFrequencyNoise(observable.name(), c.mean, c.variance, s0, residual, factorization.solver(),
                (System.nanoTime() - start) * 1e-9);
    }

    /**
     * {@return S_fg(0) = ∫ dt ⟨⟨f(t) g(0)⟩⟩ (two-sided, real and symmetric in f, g), by two group-inverse solves}
     *
     * @param f the first observable
     * @param g the second observable (f = g gives S_f(0))
     */
    public double crossZeroFrequency(Observable f, Observable g) {
        Centred cf = centre(f);
        Centred cg = centre(g);
        double[] xf = solveResponse(cf);
        double[] xg = solveResponse(cg);
        return dot(cf.deviation, xg) + dot(cg.deviation, xf);
    }

    /**
     * The matrix S_{f_i f_j}(0) = f_iᵀ x_j + f_jᵀ x_i (as {@link #crossZeroFrequency}) of K observables given by
     * state index, by K group-inverse solves (not K²): the exact long-run covariance of their time averages
     * (T Cov(f̄_i, f̄_j) → S_{f_i f_j}(0) over a stationary trajectory of length T).
     *
     * @param f K observables, each of length {@code generator().size()}
     * @return the symmetric K × K matrix
     * @throws IllegalArgumentException if a row has the wrong length
     * @throws IllegalStateException when a solve's residual exceeds its limit (as {@link #zeroFrequency})
     */
    public double[][] crossZeroFrequencies(double[][] f) {
        int k = f.length;
        double[][] deviation = new double[k][];
        double[][] x = new double[k][];
        for (int i = 0; i < k; i++) {
            if (f[i].length != p.length) {
                throw new IllegalArgumentException("observable " + i + " has " + f[i].length + " values for "
                        + p.length + " states");
            }
            double[] table = f[i];
            Centred c = centre(Observable.of("f" + i, (n, m) -> table[generator.space().indexOrMinusOne(n, m)]));
            deviation[i] = c.deviation;
            x[i] = solveResponse(c);
        }
        double[][] s = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                s[i][j] = dot(deviation[i], x[j]) + dot(deviation[j], x[i]);
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    /**
     * {@return S_f(ω) at the angular frequencies {@code omega} (rad/s, ≥ 0), two-sided, with its relaxation-mode
     * (Lorentzian) decomposition; see {@link NoiseSpectrum} for the route and its diagnostics}
     *
     * @param observable f, the function of (N, m) whose fluctuations are wanted
     * @param omega angular frequencies in rad/s, finite and ≥ 0, in any order (ω = 0 gives S_f(0) exactly)
     * @param options the route, tolerance, limits and progress listener ({@link SpectrumOptions#defaults()})
     */
    public NoiseSpectrum spectrum(Observable observable, double[] omega, SpectrumOptions options) {
        return SpectrumComputation.compute(this, observable, omega, options);
    }

    /**
     * As {@link #spectrum(Observable, double[], SpectrumOptions)} with the default options.
     *
     * @param observable f, the function of (N, m) whose fluctuations are wanted
     * @param omega angular frequencies in rad/s, finite and ≥ 0
     * @return the spectrum S_f(ω), two-sided, with its modes and diagnostics
     */
    public NoiseSpectrum spectrum(Observable observable, double[] omega) {
        return spectrum(observable, omega, SpectrumOptions.defaults());
    }

    /**
     * {@return the {@code count} slowest nonzero relaxation rates of L (eigenvalues nearest 0) of this (truncated)
     * chain: by shift-invert Arnoldi (ARPACK) on the group inverse L^#, reusing the stationary factorization, where
     * count ≤ n/{@value #ARPACK_FRACTION}; otherwise, and whenever ARPACK's answer fails its checks (fewer modes
     * than asked, a rate ≤ 0 or not finite, a residual above {@value #RATE_RESIDUAL_LIMIT}), by the dense
     * eigen-decomposition on chains of at most {@value DenseRelaxation#MAX_STATES} states}
     *
     * <p>These are the rates of the truncated chain; {@link RelaxationConvergence} grows the truncation until they
     * are those of the untruncated chain.
     *
     * @param count how many rates, ≥ 1 (the stationary eigenvalue 0 is not counted)
     * @throws IllegalArgumentException when neither route can deliver {@code count} checked rates (message says
     *                                  why and what to ask for instead)
     */
    public RelaxationSpectrum relaxationSpectrum(int count) {
        return relaxationSpectrum(count, ProgressListener.NONE);
    }

    /**
     * {@return the {@code count} slowest nonzero relaxation rates, as {@link #relaxationSpectrum(int)}, reporting
     * ARPACK's iteration to {@code progress}}: one phase, "relaxation rates: ARPACK", in per mille of a measured
     * proxy (the share of the decades the wanted Ritz values' error estimates must fall that they have fallen;
     * never going back, ending at the total when ARPACK returns). The dense route reports nothing. The rates are
     * bit-identical with any listener.
     *
     * @param count    how many rates, ≥ 1 (the stationary eigenvalue 0 is not counted)
     * @param progress where to report ({@link ProgressListener#NONE} or null: nowhere)
     * @throws IllegalArgumentException as {@link #relaxationSpectrum(int)}
     */
    public RelaxationSpectrum relaxationSpectrum(int count, ProgressListener progress) {
        int n = generator.size();
        if (count < 1) {
            throw new IllegalArgumentException("number of eigenvalues must be >= 1, got " + count);
        }
        if (count > n - 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%d relaxation rates asked, but "
                    + "the truncated chain has only %d states (%d nonzero rates)", count, n, n - 1));
        }
        String why;
        if (n >= 3 && count <= n / ARPACK_FRACTION) {
            RelaxationSpectrum arpack = ArpackRelaxation.compute(this, count, progress);
            why = failedCheck(arpack, count);
            if (why == null) {
                return arpack;
            }
        } else {
            why = String.format(java.util.Locale.ROOT, "%d rates is more than ARPACK delivers reliably on %d states "
                    + "(at most n/%d = %d)", count, n, ARPACK_FRACTION, n / ARPACK_FRACTION);
        }
        if (n <= DenseRelaxation.MAX_STATES) {
            RelaxationSpectrum dense = DenseRelaxation.compute(generator, count);
            String denseWhy = failedCheck(dense, count);
            if (denseWhy == null) {
                return dense;
            }
            why = why + "; dense eigen-decomposition: " + denseWhy;
        }
        throw new IllegalArgumentException("cannot compute " + count + " relaxation rates: " + why
                + (n > DenseRelaxation.MAX_STATES ? " and the chain (" + n + " states) is too large for the dense "
                + "eigen-decomposition (" + DenseRelaxation.MAX_STATES + " states); ask for fewer --eigenvalues"
                : ""));
    }

    /** Why {@code s} is not a trustworthy answer for {@code count} rates, or null if it is. */
    private static String failedCheck(RelaxationSpectrum s, int count) {
        if (s.count() < count) {
            return "only " + s.count() + " of " + count + " Ritz values converged";
        }
        double[] rates = s.rates();
        double[] res = s.residuals();
        for (int k = 0; k < rates.length; k++) {
            if (!(rates[k] > 0.0) || !Double.isFinite(rates[k])) {
                return String.format(java.util.Locale.ROOT, "gamma_%d = %.3g is not a positive rate", k + 1,
                        rates[k]);
            }
            if (res[k] > RATE_RESIDUAL_LIMIT) { // NaN (no eigenvector: complex dense eigenvalue) passes
                return String.format(java.util.Locale.ROOT, "gamma_%d has residual %.1e > %.0e", k + 1, res[k],
                        RATE_RESIDUAL_LIMIT);
            }
        }
        return null;
    }

    /** ARPACK is asked for at most n / this rates (nev ≪ n: its restarts need ncv ≈ 2 nev + 20 ≤ n). */
    static final int ARPACK_FRACTION = 10;
    /** Largest accepted relative residual ‖L v − λ v‖ / (|λ| ‖v‖) of a relaxation mode. */
    static final double RATE_RESIDUAL_LIMIT = 1e-8;

    // ---- package-private helpers shared by the spectrum routes

    /** f centred, δ = (f − ⟨f⟩)∘p, Var f. */
    Centred centre(Observable observable) {
        double[] f = observable.evaluate(generator.space());
        double mean = 0.0;
        for (int i = 0; i < f.length; i++) {
            mean += p[i] * f[i];
        }
        double[] d = new double[f.length];
        double[] w = new double[f.length];
        double var = 0.0;
        double second = 0.0;
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i] - mean;
            w[i] = d[i] * p[i];
            var += d[i] * w[i];
            second += p[i] * f[i] * f[i];
        }
        if (var <= CONSTANT_VARIANCE * second) { // f is constant up to rounding: no fluctuations at all
            java.util.Arrays.fill(d, 0.0);
            java.util.Arrays.fill(w, 0.0);
            var = 0.0;
        }
        return new Centred(observable.name(), mean, var, d, w);
    }

    /**
     * x with L x = −δ, Σ x = 0, checked: a relative residual ‖Lx + δ‖₁/‖δ‖₁ above {@link #residualLimit} means the
     * factorization's group inverse cannot be trusted for this chain, and every noise number built on it would be
     * wrong, so it is an error.
     *
     * @throws IllegalStateException when the residual exceeds the limit
     */
    double[] solveResponse(Centred c) {
        int n = p.length;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = -c.weighted[i];
        }
        double[] x = new double[n];
        factorization.solveGroupInverse(b, x);
        double residual = relativeResidual(x, c.weighted);
        double limit = residualLimit(x, c.weighted);
        if (!(residual <= limit) && c.variance > 0.0) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "the group-inverse solve of the %s "
                    + "factorization is inaccurate for this chain (relative residual %.2g > %.2g): noise not "
                    + "computed; try another stationary solver", factorization.solver(), residual, limit));
        }
        return x;
    }

    /**
     * The accepted relative residual of x: {@value #RESIDUAL_LIMIT}, or, where merely evaluating L x rounds by
     * more, {@value #ROUNDING_FACTOR} ε ‖|L| |x|‖₁ / ‖δ‖₁ (‖|L| |x|‖₁ = 2 Σ_j e_j |x_j|, e the exit rates: every
     * column of L holds −e_j and off-diagonals summing to e_j), but never above {@value #RESIDUAL_CAP}. Why: on long
     * chains the flux terms of L x exceed its result by 10⁸ (55 964 levels: ‖|L||x|‖₁/‖δ‖₁ = 1.4 × 10⁸), so even an
     * exact solution rounded to doubles has a residual above 10⁻⁸; the cap keeps a factorization whose solves are
     * really wrong (residual ~1 or more, e.g. a badly pinned one) refused.
     */
    double residualLimit(double[] x, double[] delta) {
        double flux = 0.0;
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            flux += 2.0 * generator.exitRate(i) * Math.abs(x[i]);
            s += Math.abs(delta[i]);
        }
        double rounding = s == 0.0 ? 0.0 : ROUNDING_FACTOR * Math.ulp(1.0) * flux / s;
        return Math.min(RESIDUAL_CAP, Math.max(RESIDUAL_LIMIT, rounding));
    }

    /** Var f ≤ this × ⟨f²⟩ is rounding noise of a constant f (a few ulps squared). */
    static final double CONSTANT_VARIANCE = 1e-28;

    /** Largest accepted relative residual of a group-inverse solve, unless rounding alone exceeds it. */
    static final double RESIDUAL_LIMIT = 1e-8;
    /** Multiple of ε ‖|L| |x|‖₁ / ‖δ‖₁ accepted as the rounding of evaluating L x. */
    static final double ROUNDING_FACTOR = 64.0;
    /** Largest accepted relative residual in any case. */
    static final double RESIDUAL_CAP = 1e-6;

    /** ‖L x + δ‖₁ / ‖δ‖₁. */
    double relativeResidual(double[] x, double[] delta) {
        double[] lx = new double[x.length];
        generator.multiply(x, lx);
        double r = 0.0;
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            r += Math.abs(lx[i] + delta[i]);
            s += Math.abs(delta[i]);
        }
        return s == 0.0 ? r : r / s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** A centred observable. */
    static final class Centred {
        final String name;
        final double mean;
        final double variance;
        final double[] deviation;
        final double[] weighted;

        Centred(String name, double mean, double variance, double[] deviation, double[] weighted) {
            this.name = name;
            this.mean = mean;
            this.variance = variance;
            this.deviation = deviation;
            this.weighted = weighted;
        }
    }
}
