package org.qpspin.validation;

import java.util.List;
import org.qpspin.space.StateSpace;

/**
 * An {@link Occupation} prepared for the distribution tests (the counterpart of {@link BatchedSamples} for data
 * without time order): the weighted fractions of the cells of N and of (N, m), the moments, and the exact
 * covariance of all of these estimates under the null hypothesis.
 *
 * <p>The covariance Σ of the estimates f̄ (weighted averages of observables f: cell indicators, N, (N − ⟨N⟩)², m):
 * <ul>
 *   <li>counts of independent samples ({@link Occupation.Kind#COUNT}, n samples): multinomial,
 *       Σ_ij = (⟨f_i f_j⟩ − ⟨f_i⟩⟨f_j⟩)/n under the exact law;</li>
 *   <li>dwell times of stationary trajectories of total length T ({@link Occupation.Kind#TIME}):
 *       Σ_ij = V_ij / T with V_ij = ∫ dt ⟨⟨f_i(t) f_j(0)⟩⟩ the exact long-run covariance
 *       ({@link ExactDistribution#longRunCovariance}), the leading order of T Cov(f̄_i, f̄_j) for T ≫ τ (the central
 *       limit theorem of additive functionals of an ergodic chain). The effective number of independent samples
 *       is n_eff = T Var N / V_NN = T/(2 τ_N): it sets the cells (≥ 5 expected
 *       each); the tests use the whole Σ, not n_eff alone.</li>
 * </ul>
 * With T, the cells of (N, m) are capped at {@value #MAX_TIME_CELLS} (one group-inverse solve each).
 */
public final class OccupationEstimates {

    /** Most cells of (N, m) for time-weighted data (each costs one solve of the exact chain). */
    public static final int MAX_TIME_CELLS = 300;

    private final Occupation occupation;
    private final double effective;
    private final int[] cellOfN;
    private final double[] fractionN;
    private final double[][] covN;
    private final int[] cellOfState;
    private final double[] fractionState;
    private final double[][] covState;
    private final double[] moment = new double[3];
    private final double[] momentSe = new double[3];

    private OccupationEstimates(Occupation occupation, ExactDistribution exact, List<String> warnings) {
        this.occupation = occupation;
        StateSpace space = exact.space();
        int states = space.size();
        double[] p = exact.probabilitiesView();
        double[] pN = SizeDistributionGTest.exactSizeDistribution(exact);
        double total = occupation.total();
        LongRunCovariance longRun = exact.longRunCovariance();
        double meanN = exact.meanN();
        if (occupation.timeWeighted()) {
            if (longRun == null) {
                throw new IllegalArgumentException("a time-weighted occupation needs the exact long-run covariance "
                        + "(ExactDistribution.withLongRunCovariance)");
            }
            double[] nTable = new double[states];
            for (int i = 0; i < states; i++) {
                nTable[i] = space.levelOf(i);
            }
            double vNN = longRun.of(new double[][] {nTable})[0][0];
            effective = exact.varianceN() > 0.0 && vNN > 0.0 ? total * exact.varianceN() / vNN : occupation.rows();
        } else {
            effective = total;
        }
        if (effective < 2 * CellPartition.MIN_EXPECTED) {
            throw new IllegalArgumentException("too few effective samples: " + (occupation.timeWeighted()
                    ? Formats.g4(total) + " s of trajectory give about " : "") + Formats.g4(effective) + " independent ones");
        }
        cellOfN = CellPartition.merge(pN, effective);
        int cellsN = CellPartition.count(cellOfN);
        int cellsState = 0;
        int[] stateCells = null;
        if (occupation.hasM()) {
            double scale = effective;
            stateCells = CellPartition.merge(p, scale);
            while (occupation.timeWeighted() && CellPartition.count(stateCells) > MAX_TIME_CELLS) {
                scale *= 0.8 * MAX_TIME_CELLS / CellPartition.count(stateCells);
                stateCells = CellPartition.merge(p, scale);
            }
            if (scale < effective) {
                warnings.add("G-test P(N,m): cells merged to at most " + MAX_TIME_CELLS + " (each costs one exact "
                        + "solve); the test is coarser, not wrong");
            }
            cellsState = CellPartition.count(stateCells);
        }
        cellOfState = stateCells;
        // the observables on the exact space: N cells, state cells, N, (N - <N>)^2, m
        int k = cellsN + cellsState + 3;
        double[][] f = new double[k][states];
        for (int i = 0; i < states; i++) {
            int n = space.levelOf(i);
            f[cellOfN[Math.min(n, cellOfN.length - 1)]][i] = 1.0;
            if (cellOfState != null) {
                f[cellsN + cellOfState[i]][i] = 1.0;
            }
            f[k - 3][i] = n;
            f[k - 2][i] = (n - meanN) * (n - meanN);
            f[k - 1][i] = space.mOf(i);
        }
        double[][] cov = occupation.timeWeighted() ? scaled(longRun.of(f), 1.0 / total) : multinomial(f, p, total);
        covN = block(cov, 0, cellsN);
        covState = cellOfState == null ? null : block(cov, cellsN, cellsState);
        for (int j = 0; j < 3; j++) {
            momentSe[j] = Math.sqrt(Math.max(cov[k - 3 + j][k - 3 + j], 0.0));
        }
        // the estimates
        fractionN = new double[cellsN];
        fractionState = cellOfState == null ? null : new double[cellsState];
        for (int r = 0; r < occupation.size(); r++) {
            int n = occupation.n(r);
            int m = occupation.m(r);
            double w = occupation.weight(r) / total;
            fractionN[CellPartition.cellOf(cellOfN, n)] += w;
            if (fractionState != null) {
                int i = space.indexOrMinusOne(n, m);
                fractionState[i < 0 ? cellsState - 1 : cellOfState[i]] += w;
            }
            moment[0] += w * n;
            moment[1] += w * (n - meanN) * (n - meanN);
            moment[2] += w * m;
        }
    }

    /**
     * Prepares {@code occupation} for the tests against {@code exact}: merges the cells of N (and of (N, m) when
     * m is given) to at least {@value CellPartition#MIN_EXPECTED} expected effective samples each, and computes the
     * fractions, the moments and their covariance Σ (class comment). Time-weighted data cost one group-inverse
     * solve of the exact chain per observable (at most {@value #MAX_TIME_CELLS} cells of (N, m)).
     *
     * @param occupation the weighted occupation of the states (dwell times or counts)
     * @param exact the null hypothesis; for time-weighted data it must carry the long-run covariance
     *     ({@link ExactDistribution#withLongRunCovariance})
     * @param warnings receives one line when the cells of (N, m) had to be merged to the cap
     * @return the estimates and their exact covariance, ready for the G-tests and the moment tests
     * @throws IllegalArgumentException when the data are time-weighted and {@code exact} has no long-run covariance,
     *                                  or they amount to fewer than 2 × 5
     *                                  effective samples
     */
    public static OccupationEstimates of(Occupation occupation, ExactDistribution exact, List<String> warnings) {
        return new OccupationEstimates(occupation, exact, warnings);
    }

    private static double[][] scaled(double[][] a, double factor) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
        return a;
    }

    /** (⟨f_i f_j⟩ − ⟨f_i⟩⟨f_j⟩)/n under p; each state has few nonzero observables (its two cells, the moments). */
    private static double[][] multinomial(double[][] f, double[] p, double n) {
        int k = f.length;
        double[] mean = new double[k];
        double[][] c = new double[k][k];
        int[] nonzero = new int[k];
        for (int i = 0; i < p.length; i++) {
            int count = 0;
            for (int a = 0; a < k; a++) {
                if (f[a][i] != 0.0) {
                    nonzero[count++] = a;
                    mean[a] += p[i] * f[a][i];
                }
            }
            for (int x = 0; x < count; x++) {
                for (int y = 0; y < count; y++) {
                    c[nonzero[x]][nonzero[y]] += p[i] * f[nonzero[x]][i] * f[nonzero[y]][i];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                c[a][b] = (c[a][b] - mean[a] * mean[b]) / n;
            }
        }
        return c;
    }

    private static double[][] block(double[][] a, int from, int size) {
        double[][] b = new double[size][size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(a[from + i], from, b[i], 0, size);
        }
        return b;
    }

    /** {@return the occupation} */
    public Occupation occupation() {
        return occupation;
    }

    /** {@return n for counts; T/(2 τ_N) = T Var N / V_NN for dwell times} */
    public double effectiveSamples() {
        return effective;
    }

    /** The cell of each N of the exact law (the G-test's and the KS edges'). */
    int[] cellOfN() {
        return cellOfN;
    }

    /** Weighted fraction of each N cell. */
    double[] fractionN() {
        return fractionN;
    }

    /** Exact covariance of {@link #fractionN()}. */
    double[][] covarianceN() {
        return covN;
    }

    /** The cell of each state of the exact space, or null without m. */
    int[] cellOfState() {
        return cellOfState;
    }

    /** Weighted fraction of each state cell, or null without m. */
    double[] fractionState() {
        return fractionState;
    }

    /** Exact covariance of {@link #fractionState()}, or null without m. */
    double[][] covarianceState() {
        return covState;
    }

    /** Weighted mean of N (0), of (N − ⟨N⟩_exact)² (1), of m (2). */
    double moment(int which) {
        return moment[which];
    }

    /** Exact standard error of {@link #moment}. */
    double momentStandardError(int which) {
        return momentSe[which];
    }

    /** {@return how the variances are known, for the verdicts' method texts} */
    String varianceSource() {
        return occupation.timeWeighted()
                ? "time-weighted, exact long-run covariance / T"
                : "independent counts, exact multinomial covariance";
    }
}
