package org.qpspin.validation;

import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * The G-test with the second-order Rao–Scott correction for correlated samples (J. N. K. Rao and A. J. Scott,
 * JASA 76, 221 (1981); Ann. Stat. 12, 46 (1984)), shared by the G-tests of P(N) and P(N, m).
 *
 * <p>G = 2 Σ O ln(O/E) over K cells; G / (δ̄ (1 + a²)) ~ χ² with (K − 1)/(1 + a²) degrees of freedom, where
 * δ̄ = Σλ/(K − 1) = Σ_k V_kk/p_k/(K − 1), 1 + a² = Σλ²/((K − 1) δ̄²), Σλ² = Σ_ij V_ij²/(p_i p_j), λ the generalized
 * design effects and V the long-run covariance of the cell frequencies, estimated by batch means (Wishart bias of
 * V̂² removed).
 */
final class RaoScottG {

    private RaoScottG() {
    }

    /**
     * The verdict.
     *
     * @param series the series whose values {@code cellOfValue} maps to cells
     * @param cells number of cells K (≥ 2)
     * @param p exact probabilities of the values that {@code cellOf} partitions
     * @param cellOf the cell of each entry of p
     */
    static TestVerdict test(String name, String variable, List<int[]> series, IntUnaryOperator cellOfValue, int cells,
                            double[] p, int[] cellOf, BatchedSamples batches, double alpha) {
        long n = batches.size();
        int length = batches.batchLength();
        double[] prob = new double[cells];
        for (int i = 0; i < p.length; i++) {
            prob[cellOf[i]] += p[i];
        }
        long[] observed = new long[cells];
        double[][] batchFraction = new double[batches.batchCount()][cells];
        int b = 0;
        for (int[] s : series) {
            int full = s.length / length;
            for (int k = 0; k < s.length; k++) {
                int c = cellOfValue.applyAsInt(s[k]);
                observed[c]++;
                int batch = k / length;
                if (batch < full) {
                    batchFraction[b + batch][c] += 1.0 / length;
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
        int bCount = batches.batchCount();
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
        double scale = length / (double) (bCount - 1);
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
        return secondOrder(name, variable, "", g, cells, sumLambda, sumLambda2, n, alpha);
    }

    /**
     * The verdict from the cells' weighted fractions f and the exact covariance Σ of f under the null hypothesis
     * (no estimation: λ are the eigenvalues of n_eff D⁻¹Σ, D = diag(p)), with G = 2 n_eff Σ f ln(f/p). For
     * multinomial Σ = (D − ppᵀ)/n and n_eff = n this is the plain G-test (δ̄ = 1, a² = 0).
     *
     * @param fraction weighted fraction of each cell
     * @param prob exact probability of each cell
     * @param cov exact covariance of {@code fraction}
     * @param effective n_eff, the scale of G
     * @param source how Σ is known, for the method text
     */
    static TestVerdict withCovariance(String name, String variable, double[] fraction, double[] prob, double[][] cov,
                                      double effective, String source, double alpha) {
        int cells = fraction.length;
        double g = 0.0;
        for (int c = 0; c < cells; c++) {
            if (fraction[c] > 0.0) {
                g += 2.0 * effective * fraction[c] * Math.log(fraction[c] / prob[c]);
            }
        }
        double sumLambda = 0.0;
        double sumLambda2 = 0.0;
        for (int i = 0; i < cells; i++) {
            sumLambda += effective * cov[i][i] / prob[i];
            for (int j = 0; j < cells; j++) {
                double v = effective * cov[i][j];
                sumLambda2 += v * v / (prob[i] * prob[j]);
            }
        }
        return secondOrder(name, variable, " (" + source + ")", g, cells, sumLambda, sumLambda2, effective, alpha);
    }

    /**
     * Rao and Scott's second-order correction from Σλ and Σλ² of the cells' design matrix: mean design effect
     * δ̄ = Σλ / (k − 1) (at least 1e-12), a² = max(0, Σλ² / ((k − 1) δ̄²) − 1), statistic G / (δ̄ (1 + a²)) against
     * χ²((k − 1) / (1 + a²)), p from the survival function.
     *
     * @param source  how the covariance is known, " (…)" for the method text, or empty
     * @param samples the sample size G is scaled by (n or n_eff), for the note's effective samples
     */
    private static TestVerdict secondOrder(String name, String variable, String source, double g, int cells,
                                           double sumLambda, double sumLambda2, double samples, double alpha) {
        double df0 = cells - 1;
        double delta = Math.max(sumLambda / df0, 1e-12);
        double a2 = Math.max(0.0, sumLambda2 / (df0 * delta * delta) - 1.0);
        double statistic = g / (delta * (1.0 + a2));
        double df = df0 / (1.0 + a2);
        double pValue = ChiSquared.survival(statistic, df);
        return TestVerdict.of(name, String.format(Locale.ROOT, "G / (deff (1 + a^2)) ~ chi^2(%.4g), Rao-Scott "
                        + "second order%s, cells of %s merged to >= %d effective expected", df, source, variable,
                        (int) CellPartition.MIN_EXPECTED), statistic, df, pValue, alpha)
                .withDesignEffect(delta)
                .withNote("G = " + Formats.g4(g) + ", " + cells + " cells, mean design effect " + Formats.g4(delta)
                        + ", a^2 = " + Formats.g4(a2) + ", effective samples " + Formats.g4(samples / delta));
    }
}
