package org.qpspin.dynamics;

import org.ejml.data.DMatrixSparseCSC;

/**
 * A square matrix in CSC form with the few operations the exponential needs: y = A x, y = Aᵀ x, ‖A‖₁, the trace,
 * the longest row. Allocation-free products into caller-provided arrays.
 */
final class CscOperator {

    final int n;
    final int[] colIdx;
    final int[] rows;
    final double[] values;
    /** Largest number of stored entries in one row (bounds the terms of one output sum). */
    final int maxRowEntries;

    CscOperator(DMatrixSparseCSC a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("matrix must be square, got " + a.numRows + " x " + a.numCols);
        }
        n = a.numCols;
        colIdx = a.col_idx;
        rows = a.nz_rows;
        values = a.nz_values;
        int[] count = new int[n];
        int most = 0;
        for (int k = 0, e = colIdx[n]; k < e; k++) {
            most = Math.max(most, ++count[rows[k]]);
        }
        maxRowEntries = most;
    }

    /** out = (A − shift I) x; out must differ from x. */
    void multiply(double[] x, double[] out, double shift) {
        java.util.Arrays.fill(out, 0.0);
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            if (xj == 0.0) {
                continue;
            }
            for (int k = colIdx[j], e = colIdx[j + 1]; k < e; k++) {
                out[rows[k]] += values[k] * xj;
            }
            out[j] -= shift * xj;
        }
    }

    /** out = (A − shift I)ᵀ x; out must differ from x. */
    void multiplyTranspose(double[] x, double[] out, double shift) {
        for (int j = 0; j < n; j++) {
            double s = -shift * x[j];
            for (int k = colIdx[j], e = colIdx[j + 1]; k < e; k++) {
                s += values[k] * x[rows[k]];
            }
            out[j] = s;
        }
    }

    /** ‖A − shift I‖₁ = max over columns of the absolute column sum. */
    double norm1(double shift) {
        double best = 0.0;
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            boolean diagonal = false;
            for (int k = colIdx[j], e = colIdx[j + 1]; k < e; k++) {
                double v = values[k];
                if (rows[k] == j) {
                    v -= shift;
                    diagonal = true;
                }
                s += Math.abs(v);
            }
            if (!diagonal) {
                s += Math.abs(shift);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /** Σ_j A_jj. */
    double trace() {
        double s = 0.0;
        for (int j = 0; j < n; j++) {
            for (int k = colIdx[j], e = colIdx[j + 1]; k < e; k++) {
                if (rows[k] == j) {
                    s += values[k];
                }
            }
        }
        return s;
    }

    static double norm1(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s;
    }

    static double normInf(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s = Math.max(s, Math.abs(v));
        }
        return s;
    }
}
