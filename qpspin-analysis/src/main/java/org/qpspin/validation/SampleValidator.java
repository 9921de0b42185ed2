package org.qpspin.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.qpspin.space.StateSpace;

/**
 * Tests samples of N (and m) from any simulator against the exact stationary law, with the autocorrelation of
 * time series accounted for, so that a correct but correlated series passes at the stated rate.
 *
 * <p>Tests (each at significance α):
 * <ol>
 *   <li><b>G-test P(N)</b>: cells of consecutive N merged until each expects ≥ {@value #MIN_EXPECTED} effective
 *       samples; G = 2 Σ O ln(O/E). Autocorrelation: second-order Rao–Scott correction
 *       (J. N. K. Rao and A. J. Scott, JASA 76, 221 (1981); Ann. Stat. 12, 46 (1984)):
 *       G / (δ̄ (1 + a²)) ~ χ² with (K − 1)/(1 + a²) degrees of freedom, δ̄ = Σλ/(K − 1) = Σ_k V_kk/p_k/(K − 1),
 *       1 + a² = Σλ²/((K − 1) δ̄²), Σλ² = Σ_ij V_ij²/(p_i p_j), λ the generalized design effects and V the
 *       long-run covariance of the cell frequencies, estimated by batch means (Wishart bias of V̂² removed).</li>
 *   <li><b>G-test P(N,m)</b> (when m is given): the same over states, merged in state order.</li>
 *   <li><b>KS P(N)</b>: D = max_N |F̂(N) − F(N)|; the null distribution of √n_eff D for a discrete F is that of
 *       max over the support of a Brownian bridge B(F(N)), simulated ({@value #BRIDGE_REPLICATES} replicates,
 *       fixed seed); n_eff = n / d_F with d_F the variance-weighted mean design effect of the CDF indicators.</li>
 *   <li><b>mean N, Var N, mean m</b>: batch means (Flegal and Jones, Ann. Stat. 38, 1034 (2010)), Student t with
 *       B − 1 degrees of freedom; the variance through the batch means of (N − N̄)².</li>
 *   <li><b>correlation time of N</b> (timed samples and a known exact τ_N): τ̂ = Δt τ_int (Sokal window, see
 *       {@link AutocorrelationTime}; the trapezoid rule for ∫ρ, bias O((Δt/τ)²)), z-test with the
 *       Madras–Sokal standard error.</li>
 *   <li><b>spectrum N (Welch)</b> (timed samples and a known exact S_N(ω)): see {@link WelchSpectrum} and
 *       docs/theory.md "Monte Carlo".</li>
 * </ol>
 * Batch length: max(√n, 20·2τ_int(N)) samples, fewer when that leaves under {@value #MIN_BATCHES} batches
 * (then a warning). Batches never straddle two series.
 */
public final class SampleValidator {

    /** Default significance level. */
    public static final double DEFAULT_ALPHA = 0.01;
    /** Smallest expected (effective) count per cell of the G-tests. */
    public static final double MIN_EXPECTED = 5.0;
    /** Brownian-bridge replicates for the KS p-value. */
    public static final int BRIDGE_REPLICATES = 20_000;
    /** Fewest batches accepted without a warning. */
    public static final int MIN_BATCHES = 30;
    private static final long BRIDGE_SEED = 0x51A7E5EEDL;

    private final double alpha;
    private final int bridgeReplicates;

    private SampleValidator(double alpha, int bridgeReplicates) {
        this.alpha = alpha;
        this.bridgeReplicates = bridgeReplicates;
    }

    /** A validator at significance α (each test), e.g. 0.01. */
    public static SampleValidator withSignificance(double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("significance alpha must be in (0, 1), got " + alpha);
        }
        return new SampleValidator(alpha, BRIDGE_REPLICATES);
    }

    /** A copy drawing {@code replicates} Brownian bridges for the KS p-value (resolution 1/replicates). */
    public SampleValidator withBridgeReplicates(int replicates) {
        if (replicates < 100) {
            throw new IllegalArgumentException("bridge replicates must be >= 100, got " + replicates);
        }
        return new SampleValidator(alpha, replicates);
    }

    /** The significance level. */
    public double alpha() {
        return alpha;
    }

    /**
     * Tests {@code samples} against {@code exact}.
     *
     * @throws IllegalArgumentException if there are too few samples for any test
     */
    public ValidationReport validate(Samples samples, ExactDistribution exact) {
        List<String> warnings = new ArrayList<>();
        List<int[]> nSeries = new ArrayList<>();
        List<int[]> mSeries = new ArrayList<>();
        for (int s = 0; s < samples.seriesCount(); s++) {
            nSeries.add(samples.n(s));
            if (samples.hasM()) {
                mSeries.add(samples.m(s));
            }
        }
        long n = samples.size();
        AutocorrelationTime tauN = AutocorrelationTime.of(nSeries);
        if (!tauN.windowFound()) {
            warnings.add("the series is too short for its autocorrelation time (no Sokal window found): "
                    + "the tests' correction for correlation is unreliable; record longer series");
        }
        double effective = n / tauN.inflation();
        if (effective < 2 * MIN_EXPECTED) {
            throw new IllegalArgumentException("too few effective samples: " + n + " samples with "
                    + "autocorrelation time " + fmt(tauN.tau()) + " give about " + fmt(effective)
                    + " independent ones");
        }
        Batches batches = Batches.choose(nSeries, tauN, warnings);

        List<TestVerdict> tests = new ArrayList<>();
        int maxSampled = samples.maxN();
        long[] countsN = new long[maxSampled + 1];
        for (int[] s : nSeries) {
            for (int v : s) {
                countsN[v]++;
            }
        }

        // G-test on P(N)
        int maxExact = exact.maxN();
        double[] pN = new double[maxExact + 1];
        for (int k = 0; k <= maxExact; k++) {
            pN[k] = exact.probabilityN(k);
        }
        int[] cellOfN = mergeCells(pN, effective);
        int cellsN = cellOfN[cellOfN.length - 1] + 1;
        if (cellsN >= 2) {
            tests.add(gTest("G-test P(N)", "N", nSeries, v -> cellOf(cellOfN, v), cellsN, pN, cellOfN, batches, n));
        } else {
            warnings.add("G-test P(N) skipped: the exact P(N) is concentrated on too few values for "
                    + fmt(effective) + " effective samples");
        }

        // G-test on P(N, m)
        if (samples.hasM()) {
            StateSpace space = exact.space();
            double[] pState = exact.probabilitiesView();
            int[] cellOfState = mergeCells(pState, effective);
            int cells = cellOfState[cellOfState.length - 1] + 1;
            if (cells >= 2) {
                int last = cells - 1;
                List<int[]> index = new ArrayList<>();
                for (int s = 0; s < nSeries.size(); s++) {
                    int[] ns = nSeries.get(s);
                    int[] ms = mSeries.get(s);
                    int[] cellSeries = new int[ns.length];
                    for (int k = 0; k < ns.length; k++) {
                        int i = space.indexOrMinusOne(ns[k], ms[k]);
                        cellSeries[k] = i < 0 ? last : cellOfState[i];
                    }
                    index.add(cellSeries);
                }
                tests.add(gTest("G-test P(N,m)", "(N, m)", index, v -> v, cells, pState, cellOfState, batches, n));
            }
        }

        // KS on N
        tests.add(ksTest(nSeries, countsN, pN, cellOfN, cellsN, batches, n));

        // moments
        tests.add(meanTest("mean N", nSeries, exact.meanN(), batches, false, 0.0));
        double sampleMean = mean(nSeries);
        tests.add(meanTest("Var N", nSeries, exact.varianceN(), batches, true, sampleMean));
        if (samples.hasM()) {
            tests.add(meanTest("mean m", mSeries, exact.meanM(), batches, false, 0.0));
        }

        // correlation time
        if (samples.hasInterval() && exact.hasCorrelationTime()) {
            double dt = samples.interval();
            double estimate = dt * tauN.tau();
            double se = dt * tauN.standardError();
            double z = (estimate - exact.correlationTime()) / se;
            double p = 2.0 * new NormalDistribution().cumulativeProbability(-Math.abs(z));
            double q = new NormalDistribution().inverseCumulativeProbability(1.0 - alpha / 2.0);
            String note = exact.correlationTime() < 5.0 * dt
                    ? "sample interval is not << tau_N: trapezoid bias " + fmt(Math.pow(dt / exact.correlationTime(), 2) / 12)
                    : "";
            tests.add(new TestVerdict("correlation time N", "dt * tau_int (Sokal window W = " + tauN.window()
                    + "), z-test with the Madras-Sokal error", z, Double.NaN, p, alpha, estimate, se,
                    estimate - q * se, estimate + q * se, exact.correlationTime(), Double.NaN, note));
        } else if (samples.hasInterval()) {
            warnings.add("correlation time not tested: no exact tau_N = S_N(0)/(2 Var N) was given");
        }

        // spectrum
        SpectrumCheck spectrum = null;
        if (samples.hasInterval() && exact.spectrum() != null) {
            spectrum = spectrumTest(nSeries, samples.interval(), tauN, exact.spectrum(), warnings);
            if (spectrum != null) {
                tests.add(spectrum.verdict);
            }
        }

        double[] frequency = new double[countsN.length];
        for (int k = 0; k < countsN.length; k++) {
            frequency[k] = countsN[k] / (double) n;
        }
        return new ValidationReport(tests, alpha, n, samples.seriesCount(), samples.interval(), tauN,
                batches.length, batches.count, frequency, warnings,
                spectrum == null ? null : spectrum.welch, spectrum == null ? null : spectrum.exact);
    }

    /** The Welch test's estimate, the exact (aliased) values at its frequencies and the verdict. */
    private static final class SpectrumCheck {
        final WelchSpectrum welch;
        final double[] exact;
        final TestVerdict verdict;

        SpectrumCheck(WelchSpectrum welch, double[] exact, TestVerdict verdict) {
            this.welch = welch;
            this.exact = exact;
            this.verdict = verdict;
        }
    }

    /** Largest alias order summed into the exact spectrum: Σ_{|j| ≤ J} S(|ω + j 2π/Δt|). */
    static final int ALIASES = 3;

    /**
     * Welch's Ŝ_N at every other bin 2 ≤ k ≤ M/8 against the aliased exact S: each Ŝ_k/S_k ~ χ²_ν/ν is mapped to
     * a standard normal z_k through its CDF; Σ z_k² ~ χ²_J. Segments M = the smallest power of two ≥ 128 τ_int
     * (window resolution ≪ the spectrum's width), at least 64, and short enough for ≥ 16 segments.
     */
    private SpectrumCheck spectrumTest(List<int[]> series, double dt, AutocorrelationTime tau,
                                       SpectrumFunction exactSpectrum, List<String> warnings) {
        int m = 64;
        while (m < 128 * tau.tau()) {
            m <<= 1;
        }
        int longest = 0;
        for (int[] s : series) {
            longest = Math.max(longest, s.length);
        }
        while (m > 64 && segmentCount(series, m) < 16) {
            m >>= 1;
        }
        if (segmentCount(series, m) < 16 || m < 16 * tau.tau()) {
            warnings.add("spectrum not tested: series too short for Welch segments much longer than tau_int");
            return null;
        }
        WelchSpectrum welch = WelchSpectrum.of(series, dt, m);
        double[] omegaAll = welch.omega();
        double[] estimateAll = welch.estimate();
        double samplingRate = 2.0 * Math.PI / dt;
        int top = m / 8;
        int bins = top / 2;
        double[] omega = new double[bins];
        for (int i = 0; i < bins; i++) {
            omega[i] = omegaAll[2 + 2 * i];
        }
        // exact S at every alias |ω + j ω_s|, |j| ≤ ALIASES, in one call
        double[] query = new double[bins * (2 * ALIASES + 1)];
        for (int i = 0, q = 0; i < bins; i++) {
            for (int j = -ALIASES; j <= ALIASES; j++) {
                query[q++] = Math.abs(omega[i] + j * samplingRate);
            }
        }
        double[] sorted = query.clone();
        java.util.Arrays.sort(sorted);
        double[] values;
        try {
            values = exactSpectrum.evaluate(sorted);
        } catch (RuntimeException e) {
            warnings.add("spectrum not tested: the exact S_N(omega) could not be computed (" + e.getMessage() + ")");
            return null;
        }
        double[] exactAliased = new double[bins];
        for (int i = 0, q = 0; i < bins; i++) {
            for (int j = -ALIASES; j <= ALIASES; j++) {
                exactAliased[i] += values[java.util.Arrays.binarySearch(sorted, query[q++])];
            }
        }
        double nu = welch.degreesOfFreedom();
        ChiSquaredDistribution chi = new ChiSquaredDistribution(nu);
        NormalDistribution normal = new NormalDistribution();
        double sum = 0.0;
        double worst = 0.0;
        double worstOmega = 0.0;
        for (int i = 0; i < bins; i++) {
            double ratio = estimateAll[2 + 2 * i] / exactAliased[i];
            double f = chiSquaredCdf(chi, nu * ratio, nu);
            double z = normal.inverseCumulativeProbability(Math.min(Math.max(f, 1e-300), 1.0 - 1e-16));
            sum += z * z;
            if (Math.abs(z) > Math.abs(worst)) {
                worst = z;
                worstOmega = omega[i];
            }
        }
        double p = 1.0 - chiSquaredCdf(new ChiSquaredDistribution(bins), sum, bins);
        TestVerdict verdict = new TestVerdict("spectrum N (Welch)", String.format(Locale.ROOT,
                "Welch (Hann, M = %d, %d segments, nu = %.4g) vs exact S_N(omega) with %d aliases, every other bin "
                        + "up to a quarter of Nyquist: sum z^2 ~ chi^2(%d)", m, welch.segments(), nu, ALIASES, bins,
                bins), sum, bins, p, alpha, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                String.format(Locale.ROOT, "largest deviation z = %.3g at omega = %.4g rad/s", worst, worstOmega));
        double[] exactAll = new double[bins];
        System.arraycopy(exactAliased, 0, exactAll, 0, bins);
        return new SpectrumCheck(welch, exactAll, verdict);
    }

    /**
     * The χ² CDF, robust where Commons Math's continued fraction fails far in a tail (huge ν or x): there the
     * value is 0 or 1 to double precision.
     */
    private static double chiSquaredCdf(ChiSquaredDistribution chi, double x, double dof) {
        if (!(x >= 0.0)) {
            return 0.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        try {
            return chi.cumulativeProbability(x);
        } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
            return x > dof ? 1.0 : 0.0;
        }
    }

    private static long segmentCount(List<int[]> series, int m) {
        long c = 0;
        for (int[] s : series) {
            if (s.length >= m) {
                c += (s.length - m) / (m / 2) + 1;
            }
        }
        return c;
    }

    private interface CellMap {
        int cell(int value);
    }

    private static int cellOf(int[] cellOfN, int v) {
        return v < cellOfN.length ? cellOfN[v] : cellOfN[cellOfN.length - 1];
    }

    /**
     * Merges consecutive entries of p into cells of expected effective count ≥ MIN_EXPECTED; a short remainder
     * joins the last cell. Returns the cell of each entry.
     */
    static int[] mergeCells(double[] p, double effective) {
        int[] cell = new int[p.length];
        int current = 0;
        double mass = 0.0;
        int lastClosedEnd = -1;
        for (int i = 0; i < p.length; i++) {
            cell[i] = current;
            mass += p[i];
            if (mass * effective >= MIN_EXPECTED) {
                lastClosedEnd = i;
                current++;
                mass = 0.0;
            }
        }
        // the remainder after the last closed cell joins it
        int cells = lastClosedEnd < 0 ? 1 : cell[lastClosedEnd] + 1;
        for (int i = lastClosedEnd + 1; i < p.length; i++) {
            cell[i] = cells - 1;
        }
        return cell;
    }

    private TestVerdict gTest(String name, String variable, List<int[]> series, CellMap map, int cells, double[] p,
                              int[] cellOf, Batches batches, long n) {
        double[] prob = new double[cells];
        for (int i = 0; i < p.length; i++) {
            prob[cellOf[i]] += p[i];
        }
        long[] observed = new long[cells];
        double[][] batchFraction = new double[batches.count][cells];
        int b = 0;
        for (int[] s : series) {
            int full = s.length / batches.length;
            for (int k = 0; k < s.length; k++) {
                int c = map.cell(s[k]);
                observed[c]++;
                int batch = k / batches.length;
                if (batch < full) {
                    batchFraction[b + batch][c] += 1.0 / batches.length;
                }
            }
            b += full;
        }
        double g = 0.0;
        for (int c = 0; c < cells; c++) {
            if (observed[c] > 0) {
                g += 2.0 * observed[c] * Math.log(observed[c] / (n * prob[c]));
            }
        }
        // generalized design effects: V = L Cov_batches(f) (K x K); with the g-inverse diag(1/p),
        // sum(lambda) = sum_k V_kk / p_k and sum(lambda^2) = sum_ij V_ij^2 / (p_i p_j) (Wishart bias removed)
        int bCount = batches.count;
        double[] mean = new double[cells];
        for (double[] f : batchFraction) {
            for (int c = 0; c < cells; c++) {
                mean[c] += f[c] / bCount;
            }
        }
        double[][] cov = new double[cells][cells];
        for (double[] f : batchFraction) {
            for (int i = 0; i < cells; i++) {
                double di = f[i] - mean[i];
                if (di == 0.0) {
                    continue;
                }
                double[] row = cov[i];
                for (int j = 0; j < cells; j++) {
                    row[j] += di * (f[j] - mean[j]);
                }
            }
        }
        double scale = batches.length / (double) (bCount - 1);
        double sumLambda = 0.0;
        double sumLambda2 = 0.0;
        for (int i = 0; i < cells; i++) {
            sumLambda += cov[i][i] * scale / prob[i];
        }
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                double vij = cov[i][j] * scale;
                double vii = cov[i][i] * scale;
                double vjj = cov[j][j] * scale;
                double unbiased = (vij * vij - vii * vjj / (bCount - 1)) * (bCount - 1) / bCount;
                sumLambda2 += unbiased / (prob[i] * prob[j]);
            }
        }
        double df0 = cells - 1;
        double delta = Math.max(sumLambda / df0, 1e-12);
        double a2 = Math.max(0.0, sumLambda2 / (df0 * delta * delta) - 1.0);
        double statistic = g / (delta * (1.0 + a2));
        double df = df0 / (1.0 + a2);
        double pValue = 1.0 - new ChiSquaredDistribution(df).cumulativeProbability(statistic);
        return new TestVerdict(name, String.format(Locale.ROOT, "G / (deff (1 + a^2)) ~ chi^2(%.4g), Rao-Scott "
                + "second order, cells of %s merged to >= %d effective expected", df, variable, (int) MIN_EXPECTED),
                statistic, df, pValue, alpha, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, delta,
                "G = " + fmt(g) + ", " + cells + " cells, mean design effect " + fmt(delta) + ", a^2 = " + fmt(a2)
                        + ", effective samples " + fmt(n / delta));
    }

    /** d = Var_batches(f) · L / (p (1 − p)): the variance inflation of a cell indicator's mean. */
    private static double designEffect(double[][] batchFraction, int cell, double p, int length) {
        int count = batchFraction.length;
        if (count < 2 || p <= 0.0 || p >= 1.0) {
            return 1.0;
        }
        double mean = 0.0;
        for (double[] f : batchFraction) {
            mean += f[cell];
        }
        mean /= count;
        double var = 0.0;
        for (double[] f : batchFraction) {
            double d = f[cell] - mean;
            var += d * d;
        }
        var /= count - 1;
        return var * length / (p * (1.0 - p));
    }

    private TestVerdict ksTest(List<int[]> series, long[] countsN, double[] pN, int[] cellOfN, int cells,
                               Batches batches, long n) {
        int top = Math.max(pN.length, countsN.length);
        double f = 0.0;
        double fHat = 0.0;
        double d = 0.0;
        int argMax = 0;
        double[] cdf = new double[top];
        for (int k = 0; k < top; k++) {
            f += k < pN.length ? pN[k] : 0.0;
            fHat += k < countsN.length ? countsN[k] / (double) n : 0.0;
            cdf[k] = Math.min(f, 1.0);
            double diff = Math.abs(fHat - f);
            if (diff > d) {
                d = diff;
                argMax = k;
            }
        }
        // design effect of the CDF indicators 1{N <= edge} at the merged cells' right edges
        int[] edge = new int[Math.max(cells - 1, 0)];
        for (int k = 0, c = 0; k < cellOfN.length && c < edge.length; k++) {
            if (k + 1 < cellOfN.length && cellOfN[k + 1] != cellOfN[k]) {
                edge[c++] = k;
            }
        }
        double weightSum = 0.0;
        double weighted = 0.0;
        // batch CDFs at the edges: per-batch cell fractions, summed over the cells up to each edge
        double[][] batchCdf = new double[batches.count][Math.max(cells, 1)];
        int b = 0;
        for (int[] s : series) {
            int full = s.length / batches.length;
            for (int k = 0; k < full * batches.length; k++) {
                batchCdf[b + k / batches.length][cellOf(cellOfN, s[k])] += 1.0 / batches.length;
            }
            b += full;
        }
        for (double[] row : batchCdf) {
            for (int c = 1; c < row.length; c++) {
                row[c] += row[c - 1];
            }
        }
        for (int e = 0; e < edge.length; e++) {
            double fe = cdf[edge[e]];
            double w = fe * (1.0 - fe);
            if (w <= 0.0) {
                continue;
            }
            weighted += w * designEffect(batchCdf, e, fe, batches.length);
            weightSum += w;
        }
        double deff = weightSum > 0.0 ? Math.max(weighted / weightSum, 1e-12) : 1.0;
        double nEff = n / deff;
        double lambda = Math.sqrt(nEff) * d;
        double pValue = bridgePValue(cdf, lambda, bridgeReplicates);
        return new TestVerdict("KS P(N)", "sqrt(n_eff) D vs max of a Brownian bridge at the exact CDF's values "
                + "(discrete KS), " + bridgeReplicates + " replicates", lambda, Double.NaN, pValue, alpha, d,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, deff,
                "D = " + fmt(d) + " at N = " + argMax + ", effective samples " + fmt(nEff));
    }

    /** P(max_k |B(u_k)| ≥ λ) for the distinct CDF values 0 < u_k < 1, by simulation ((1 + hits)/(1 + R)). */
    static double bridgePValue(double[] cdf, double lambda, int replicates) {
        double[] u = new double[cdf.length];
        int count = 0;
        double previous = 0.0;
        for (double c : cdf) {
            if (c > 1e-12 && c < 1.0 - 1e-12 && c > previous) {
                u[count++] = c;
                previous = c;
            }
        }
        if (count == 0) {
            return lambda > 0.0 ? 0.0 : 1.0;
        }
        double[] step = new double[count + 1];
        double last = 0.0;
        for (int k = 0; k < count; k++) {
            step[k] = Math.sqrt(u[k] - last);
            last = u[k];
        }
        step[count] = Math.sqrt(1.0 - last);
        SplittableRandom rng = new SplittableRandom(BRIDGE_SEED);
        double[] w = new double[count];
        int hits = 0;
        for (int r = 0; r < replicates; r++) {
            double walk = 0.0;
            for (int k = 0; k < count; k++) {
                walk += step[k] * gaussian(rng);
                w[k] = walk;
            }
            double end = walk + step[count] * gaussian(rng);
            double max = 0.0;
            for (int k = 0; k < count; k++) {
                max = Math.max(max, Math.abs(w[k] - u[k] * end));
            }
            if (max >= lambda) {
                hits++;
            }
        }
        return (1.0 + hits) / (1.0 + replicates);
    }

    private static double gaussian(SplittableRandom rng) {
        return rng.nextGaussian();
    }

    private TestVerdict meanTest(String name, List<int[]> series, double exact, Batches batches, boolean variance,
                                 double center) {
        double[] batchMean = new double[batches.count];
        double sum = 0.0;
        long count = 0;
        int b = 0;
        for (int[] s : series) {
            int full = s.length / batches.length;
            for (int k = 0; k < s.length; k++) {
                double v = variance ? (s[k] - center) * (s[k] - center) : s[k];
                sum += v;
                count++;
                if (k / batches.length < full) {
                    batchMean[b + k / batches.length] += v / batches.length;
                }
            }
            b += full;
        }
        double estimate = sum / count;
        int bCount = batches.count;
        double mb = 0.0;
        for (double v : batchMean) {
            mb += v;
        }
        mb /= bCount;
        double var = 0.0;
        for (double v : batchMean) {
            var += (v - mb) * (v - mb);
        }
        var /= bCount - 1;
        // se of the overall mean: batch-mean variance over the number of batch-equivalents in all samples
        double se = Math.sqrt(var * batches.length / count);
        double df = bCount - 1;
        TDistribution t = new TDistribution(df);
        double stat = se > 0.0 ? (estimate - exact) / se : (estimate == exact ? 0.0 : Double.POSITIVE_INFINITY);
        double p = 2.0 * t.cumulativeProbability(-Math.abs(stat));
        double q = t.inverseCumulativeProbability(1.0 - alpha / 2.0);
        return new TestVerdict(name, "batch means (" + bCount + " batches of " + batches.length
                + "), Student t(" + (bCount - 1) + ")", stat, df, p, alpha, estimate, se, estimate - q * se,
                estimate + q * se, exact, Double.NaN, variance ? "about the sample mean" : "");
    }

    private static double mean(List<int[]> series) {
        double sum = 0.0;
        long count = 0;
        for (int[] s : series) {
            for (int v : s) {
                sum += v;
            }
            count += s.length;
        }
        return sum / count;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Batch length and count. */
    private static final class Batches {
        final int length;
        final int count;

        private Batches(int length, int count) {
            this.length = length;
            this.count = count;
        }

        static Batches choose(List<int[]> series, AutocorrelationTime tau, List<String> warnings) {
            long n = 0;
            int longest = 0;
            for (int[] s : series) {
                n += s.length;
                longest = Math.max(longest, s.length);
            }
            int length = (int) Math.min(longest, Math.max(Math.ceil(Math.sqrt(n)), Math.ceil(20 * tau.inflation())));
            length = Math.max(1, length);
            while (length > 1 && count(series, length) < MIN_BATCHES) {
                length = Math.max(1, (int) (length * 0.8));
            }
            int count = count(series, length);
            if (count < 2) {
                throw new IllegalArgumentException("too few samples for batch means: " + n);
            }
            if (length < 20 * tau.inflation()) {
                warnings.add(String.format(Locale.ROOT, "batches of %d samples are short against 2 tau_int = %.3g: "
                        + "error bars may be too small; record longer series", length, tau.inflation()));
            }
            return new Batches(length, count);
        }

        private static int count(List<int[]> series, int length) {
            long c = 0;
            for (int[] s : series) {
                c += s.length / length;
            }
            return (int) Math.min(Integer.MAX_VALUE, c);
        }
    }
}
