package org.qpspin.noise;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.qpspin.generator.Generator;

/**
 * Direct solves of (−iω − L) x = b for real b and ω ≠ 0, the exact reference for S(ω).
 *
 * <p>EJML has no complex sparse type, so the complex system is embedded in a real one of twice the size,
 * [[−L, ωI], [−ωI, −L]] [x_r; x_i] = [b; 0], with the real and imaginary parts of each state interleaved
 * (unknowns 2j, 2j+1). Interleaving keeps L's level-banded pattern, so the natural level order is the ordering
 * (N changes by +1, 0, −2 per transition: the bandwidth is about two levels). The embedded pattern is built
 * once and only the ω entries change between frequencies; EJML's up-looking LU pivots during the numeric
 * phase and has no separate symbolic analysis to reuse, so each frequency costs one full sparse LU. This route
 * is the exact reference for moderate chains and the check of the Krylov route, not the way to 200
 * frequencies on a large chain.
 */
final class ShiftedResolvent {

    private final int n;
    private final DMatrixSparseCSC embedded;
    private final int[] plusOmega;  // positions of +ω entries
    private final int[] minusOmega; // positions of −ω entries
    private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj solution;

    ShiftedResolvent(Generator generator) {
        DMatrixSparseCSC l = generator.matrix();
        n = generator.size();
        int nz = 2 * l.nz_length + 2 * n;
        embedded = new DMatrixSparseCSC(2 * n, 2 * n, nz);
        plusOmega = new int[n];
        minusOmega = new int[n];
        int[] rows = embedded.nz_rows;
        double[] values = embedded.nz_values;
        int k = 0;
        for (int j = 0; j < n; j++) {
            // column 2j (x_r of state j): rows 2i with −L_ij, and row 2j+1 with −ω right after row 2j
            embedded.col_idx[2 * j] = k;
            for (int e = l.col_idx[j]; e < l.col_idx[j + 1]; e++) {
                int i = l.nz_rows[e];
                rows[k] = 2 * i;
                values[k++] = -l.nz_values[e];
                if (i == j) {
                    minusOmega[j] = k;
                    rows[k++] = 2 * j + 1;
                }
            }
            // column 2j+1 (x_i of state j): row 2j with +ω right before row 2j+1, rows 2i+1 with −L_ij
            embedded.col_idx[2 * j + 1] = k;
            for (int e = l.col_idx[j]; e < l.col_idx[j + 1]; e++) {
                int i = l.nz_rows[e];
                if (i == j) {
                    plusOmega[j] = k;
                    rows[k++] = 2 * j;
                }
                rows[k] = 2 * i + 1;
                values[k++] = -l.nz_values[e];
            }
        }
        embedded.col_idx[2 * n] = k;
        embedded.nz_length = k;
        embedded.indicesSorted = true;
        lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        rhs = new DMatrixRMaj(2 * n, 1);
        solution = new DMatrixRMaj(2 * n, 1);
    }

    /**
     * x = (−iω − L)⁻¹ b.
     *
     * @throws IllegalArgumentException for ω = 0 (use the group inverse) or a singular shifted matrix
     */
    void solve(double omega, double[] b, double[] re, double[] im) {
        if (!(omega != 0.0) || !Double.isFinite(omega)) {
            throw new IllegalArgumentException("shifted solve needs a finite omega != 0, got " + omega);
        }
        double[] values = embedded.nz_values;
        for (int j = 0; j < n; j++) {
            values[plusOmega[j]] = omega;
            values[minusOmega[j]] = -omega;
        }
        if (!lu.setA(embedded)) {
            throw new IllegalArgumentException("(-i omega - L) is singular at omega = " + omega);
        }
        for (int i = 0; i < n; i++) {
            rhs.data[2 * i] = b[i];
            rhs.data[2 * i + 1] = 0.0;
        }
        lu.solve(rhs, solution);
        for (int i = 0; i < n; i++) {
            re[i] = solution.data[2 * i];
            im[i] = solution.data[2 * i + 1];
        }
    }

    /** Two-sided S_f(ω) = 2 Re fᵀ (−iω − L)⁻¹ δ for centred f and δ = f∘p. */
    double spectrum(double omega, double[] deviation, double[] delta) {
        double[] re = new double[n];
        double[] im = new double[n];
        solve(omega, delta, re, im);
        return 2.0 * NoiseAnalysis.dot(deviation, re);
    }
}
