package org.qpspin.linalg.amg;

import org.ejml.data.DMatrixSparseCSC;

/**
 * A generator L of a continuous-time Markov chain (L[i][j] = rate j → i ≥ 0 for i ≠ j, every column summing to
 * zero) stored by rows: the off-diagonal rates in compressed sparse row form and the exit rates e_j = −L[j][j]
 * separately, each e_j the sum of column j's off-diagonal rates (a sum of non-negative terms, no cancellation).
 *
 * <p>Rows are what a Gauss–Seidel sweep reads: x_i = (Σ_{j≠i} L[i][j] x_j − b_i) / e_i. Memory: 12 bytes per
 * off-diagonal entry, 12 per state.
 *
 * @param rowStart  row i's entries are rowStart[i] … rowStart[i+1] − 1 (length n + 1)
 * @param columns   column of each entry, ascending within a row
 * @param rates     L[i][column] &gt; 0 of each entry
 * @param exitRates e_j = Σ_{i≠j} L[i][j]
 */
public record GeneratorRows(int[] rowStart, int[] columns, double[] rates, double[] exitRates) {

    /**
     * Number of states.
     *
     * @return n, the length of {@code exitRates}
     */
    public int size() {
        return exitRates.length;
    }

    /**
     * Number of stored off-diagonal entries.
     *
     * @return rowStart[n]
     */
    public int offDiagonals() {
        return rowStart[size()];
    }

    /**
     * The rows of the generator held by columns in {@code l} (a transpose that drops the diagonal and zero
     * entries); exit rates are the column sums of the off-diagonal entries.
     *
     * @param l the generator by columns (off-diagonal entries ≥ 0; its diagonal is not read)
     * @return the same generator by rows, each row's columns ascending
     */
    public static GeneratorRows ofColumns(DMatrixSparseCSC l) {
        int n = l.numCols;
        int[] start = new int[n + 1];
        double[] exit = new double[n];
        for (int j = 0; j < n; j++) {
            for (int k = l.col_idx[j]; k < l.col_idx[j + 1]; k++) {
                int i = l.nz_rows[k];
                if (i != j && l.nz_values[k] != 0.0) {
                    start[i + 1]++;
                    exit[j] += l.nz_values[k];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] columns = new int[start[n]];
        double[] rates = new double[start[n]];
        int[] fill = java.util.Arrays.copyOf(start, n);
        for (int j = 0; j < n; j++) { // columns in ascending order, so each row's columns come out sorted
            for (int k = l.col_idx[j]; k < l.col_idx[j + 1]; k++) {
                int i = l.nz_rows[k];
                if (i != j && l.nz_values[k] != 0.0) {
                    columns[fill[i]] = j;
                    rates[fill[i]++] = l.nz_values[k];
                }
            }
        }
        return new GeneratorRows(start, columns, rates, exit);
    }

    /**
     * y = L x: y_i = Σ_{j≠i} L[i][j] x_j − e_i x_i.
     *
     * @param x the vector (length n; not modified)
     * @param y the product (length n, overwritten; may not alias x)
     */
    public void multiply(double[] x, double[] y) {
        for (int i = 0, n = size(); i < n; i++) {
            double s = -exitRates[i] * x[i];
            for (int k = rowStart[i], e = rowStart[i + 1]; k < e; k++) {
                s += rates[k] * x[columns[k]];
            }
            y[i] = s;
        }
    }

    /**
     * The residual and its scale in one pass over the rows.
     *
     * @param x the vector (length n; not modified)
     * @return {Σ_i |(L x)_i|, Σ_i e_i |x_i|}: ‖L x‖₁ and the flux scale it is measured against
     */
    public double[] residualAndFlux(double[] x) {
        double residual = 0.0;
        double flux = 0.0;
        for (int i = 0, n = size(); i < n; i++) {
            double s = -exitRates[i] * x[i];
            for (int k = rowStart[i], e = rowStart[i + 1]; k < e; k++) {
                s += rates[k] * x[columns[k]];
            }
            residual += Math.abs(s);
            flux += exitRates[i] * Math.abs(x[i]);
        }
        return new double[] {residual, flux};
    }
}
