package org.qpspin.validation;

import java.util.List;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * The integrated autocorrelation time of a stationary series, in units of the sample spacing, with Sokal's
 * automatic window (A. D. Sokal, "Monte Carlo methods in statistical mechanics: foundations and new algorithms",
 * Cargèse lectures 1996, §3; N. Madras and A. D. Sokal, J. Stat. Phys. 50, 109 (1988)).
 *
 * <p>τ_int(W) = ½ + Σ_{k=1}^{W} ρ(k), ρ(k) = C(k)/C(0); the window W is the smallest with W ≥ c τ_int(W)
 * (c = {@link #WINDOW_FACTOR}), which balances the bias from the omitted tail (≈ e^{−c}) against the variance
 * var τ̂ ≈ 2(2W+1)/n τ². C(k) is pooled over independent series (each centred on the pooled mean, lag pairs only
 * within a series) and computed by FFT (zero-padded, so no wrap-around). Then 2τ_int is the variance inflation
 * of the sample mean: n_eff = n / (2 τ_int). For independent samples τ_int = ½.
 */
public final class AutocorrelationTime {

    /** Sokal's window factor c. */
    public static final double WINDOW_FACTOR = 6.0;

    private final double tau;
    private final int window;
    private final boolean windowFound;
    private final long samples;
    private final double[] rho;

    private AutocorrelationTime(double tau, int window, boolean windowFound, long samples, double[] rho) {
        this.tau = tau;
        this.window = window;
        this.windowFound = windowFound;
        this.samples = samples;
        this.rho = rho;
    }

    /**
     * {@return τ_int of the pooled series (each series one independent run)}, by the formula of the class comment.
     * Edge cases: a constant series (or no samples at all) gives τ = ½ and W = 0; when no lag up to the longest
     * series' length − 1 satisfies W ≥ c τ(W), W is that last lag and {@link #windowFound()} is false; τ is never
     * below ½/n (a strongly anticorrelated series cannot make it 0 or negative).
     *
     * @param series the runs, each a series of equally spaced samples (e.g. N); may differ in length; the values
     *     are not copied and must not change during the call
     */
    public static AutocorrelationTime of(List<int[]> series) {
        long count = 0;
        double sum = 0.0;
        int longest = 0;
        for (int[] s : series) {
            count += s.length;
            longest = Math.max(longest, s.length);
            for (int v : s) {
                sum += v;
            }
        }
        double mean = sum / count;
        int maxLag = Math.max(0, longest - 1);
        double[] c = new double[maxLag + 1];
        long[] pairs = new long[maxLag + 1];
        for (int[] s : series) {
            int len = s.length;
            if (len == 0) {
                continue;
            }
            int size = Integer.highestOneBit(Math.max(1, 2 * len - 1));
            if (size < 2 * len - 1) {
                size <<= 1;
            }
            size = Math.max(size, 2);
            double[][] data = new double[2][size];
            for (int i = 0; i < len; i++) {
                data[0][i] = s[i] - mean;
            }
            FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.FORWARD);
            for (int i = 0; i < size; i++) {
                double re = data[0][i];
                double im = data[1][i];
                data[0][i] = re * re + im * im;
                data[1][i] = 0.0;
            }
            FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.INVERSE);
            for (int k = 0; k < len; k++) {
                c[k] += data[0][k];
                pairs[k] += len - k;
            }
        }
        if (c[0] <= 0.0) { // constant series: no correlation to speak of
            return new AutocorrelationTime(0.5, 0, true, count, new double[] {1.0});
        }
        double c0 = c[0] / pairs[0];
        double tau = 0.5;
        int window = 0;
        boolean found = false;
        for (int k = 1; k <= maxLag; k++) {
            tau += c[k] / pairs[k] / c0;
            if (k >= WINDOW_FACTOR * tau) {
                window = k;
                found = true;
                break;
            }
            window = k;
        }
        double[] rho = new double[window + 1];
        for (int k = 0; k <= window; k++) {
            rho[k] = c[k] / pairs[k] / c0;
        }
        return new AutocorrelationTime(Math.max(tau, 0.5 / count), window, found, count, rho);
    }

    /** {@return τ_int in units of the sample spacing (½ for independent samples, &gt; 0)} */
    public double tau() {
        return tau;
    }

    /** {@return Sokal's window W, in lags (0 for a constant series)} */
    public int window() {
        return window;
    }

    /** {@return whether a window W ≥ c τ(W) exists within the series; false means the series is too short for τ} */
    public boolean windowFound() {
        return windowFound;
    }

    /** {@return the standard error of τ from Madras–Sokal: τ (2(2W+1)/n)^½, in samples (∞ or NaN for n = 0)} */
    public double standardError() {
        return tau * Math.sqrt(2.0 * (2.0 * window + 1.0) / samples);
    }

    /** {@return the variance inflation 2τ_int of the sample mean: var(mean) = 2τ_int var(x)/n (1 if independent)} */
    public double inflation() {
        return 2.0 * tau;
    }

    /** {@return a copy of the normalized autocorrelation ρ(k) = C(k)/C(0) for k = 0 … W (ρ(0) = 1)} */
    public double[] autocorrelation() {
        return rho.clone();
    }
}
