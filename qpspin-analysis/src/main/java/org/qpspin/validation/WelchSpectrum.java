package org.qpspin.validation;

import java.util.List;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Welch's estimate of the two-sided spectrum S(ω) = ∫ dt e^{iωt} ⟨⟨x(t) x(0)⟩⟩ of sampled series
 * (P. D. Welch, IEEE Trans. Audio Electroacoust. 15, 70 (1967)): segments of M samples overlapping by half, Hann
 * window w, centred on the pooled mean; per segment P_k = Δt |Σ_j w_j x_j e^{−2πijk/M}|² / Σ_j w_j², the average
 * over all segments of all series estimates S at ω_k = 2πk / (M Δt) (aliased: the estimate sees
 * Σ_j S(ω_k + 2πj/Δt), and is S smoothed over the window's resolution 2π/(MΔt)).
 *
 * <p>Under the usual approximation (M much longer than the correlation time) Ŝ_k / S_k ~ χ²_ν / ν with
 * ν = 2K / (1 + 2 c²), K the number of segments and c = 1/6 the Hann window's correlation at half overlap
 * (Welch 1967; Percival and Walden, "Spectral Analysis for Physical Applications", 1993, §6.17). Bins two apart
 * are nearly uncorrelated (Hann: correlation 1/36); adjacent ones are not (4/9).
 */
public final class WelchSpectrum {

    private final double[] omega;
    private final double[] estimate;
    private final int segmentLength;
    private final int segments;
    private final double degreesOfFreedom;

    private WelchSpectrum(double[] omega, double[] estimate, int segmentLength, int segments) {
        this.omega = omega;
        this.estimate = estimate;
        this.segmentLength = segmentLength;
        this.segments = segments;
        double c = 1.0 / 6.0;
        this.degreesOfFreedom = 2.0 * segments / (1.0 + 2.0 * c * c);
    }

    /**
     * Welch's estimate with segments of {@code segmentLength} samples (a power of two ≥ 8) of the series, spaced
     * {@code interval} seconds; series shorter than one segment are skipped. Segments start every M/2 samples
     * within each series (a trailing part shorter than a segment is not used); the mean is pooled over all samples,
     * skipped series included.
     *
     * @param series the independent series of x (e.g. N), each on the same regular grid
     * @param interval the grid spacing Δt in s (finite, &gt; 0)
     * @param segmentLength the segment length M in samples, a power of two ≥ 8; the resolution is 2π/(MΔt)
     * @return Ŝ at ω_k, k = 0 … M/2, averaged over all K segments
     * @throws IllegalArgumentException if {@code segmentLength} is not a power of two ≥ 8, or no series holds a
     *     full segment
     */
    public static WelchSpectrum of(List<int[]> series, double interval, int segmentLength) {
        if (segmentLength < 8 || Integer.bitCount(segmentLength) != 1) {
            throw new IllegalArgumentException("segment length must be a power of two >= 8, got " + segmentLength);
        }
        double sum = 0.0;
        long count = 0;
        for (int[] s : series) {
            for (int v : s) {
                sum += v;
            }
            count += s.length;
        }
        double mean = sum / count;
        int m = segmentLength;
        double[] window = new double[m];
        double norm = 0.0;
        for (int j = 0; j < m; j++) {
            window[j] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * j / m); // periodic Hann
            norm += window[j] * window[j];
        }
        int half = m / 2;
        double[] power = new double[half + 1];
        double[][] data = new double[2][m];
        int segments = 0;
        for (int[] s : series) {
            for (int start = 0; start + m <= s.length; start += half) {
                for (int j = 0; j < m; j++) {
                    data[0][j] = window[j] * (s[start + j] - mean);
                    data[1][j] = 0.0;
                }
                FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.FORWARD);
                for (int k = 0; k <= half; k++) {
                    power[k] += data[0][k] * data[0][k] + data[1][k] * data[1][k];
                }
                segments++;
            }
        }
        if (segments == 0) {
            throw new IllegalArgumentException("no series holds a segment of " + m + " samples");
        }
        double[] omega = new double[half + 1];
        double[] estimate = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            omega[k] = 2.0 * Math.PI * k / (m * interval);
            estimate[k] = interval * power[k] / (norm * segments);
        }
        return new WelchSpectrum(omega, estimate, m, segments);
    }

    /** {@return a copy of the angular frequencies ω_k = 2πk/(MΔt) in rad/s, k = 0 … M/2 (up to Nyquist π/Δt)} */
    public double[] omega() {
        return omega.clone();
    }

    /** {@return a copy of the estimates Ŝ(ω_k), two-sided, in (units of x)²·s, k = 0 … M/2} */
    public double[] estimate() {
        return estimate.clone();
    }

    /** {@return the segment length M in samples} */
    public int segmentLength() {
        return segmentLength;
    }

    /** {@return K, the number of segments averaged over all series (≥ 1)} */
    public int segments() {
        return segments;
    }

    /** {@return ν = 2K/(1 + 2c²), c = 1/6, the degrees of freedom of the approximate χ²_ν/ν law of Ŝ_k/S_k} */
    public double degreesOfFreedom() {
        return degreesOfFreedom;
    }
}
