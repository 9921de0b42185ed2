package org.qpspin.stationary;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.qpspin.generator.Generator;

/**
 * Dense LU (partial pivoting, EJML) of the pinned generator: L with row k replaced by e_kᵀ, k the most probable
 * state. Used with the dense GTH solver for further solves on small chains.
 */
final class DenseFactorization extends KeptFactorization {

    private final LinearSolverDense<DMatrixRMaj> lu;
    private final int pinned;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj solution;

    DenseFactorization(Generator generator, StationaryResult stationary) {
        keep(stationary);
        int n = generator.size();
        double[] p = stationary.probabilitiesView();
        int k = 0;
        for (int i = 1; i < n; i++) {
            if (p[i] > p[k]) {
                k = i;
            }
        }
        pinned = k;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixSparseCSC l = generator.matrix();
        for (int j = 0; j < n; j++) {
            for (int e = l.col_idx[j]; e < l.col_idx[j + 1]; e++) {
                int i = l.nz_rows[e];
                if (i != k) {
                    a.unsafe_set(i, j, l.nz_values[e]);
                }
            }
        }
        a.unsafe_set(k, k, 1.0);
        lu = LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(a)) {
            throw new IllegalArgumentException("pinned generator is singular: chain is reducible");
        }
        rhs = new DMatrixRMaj(n, 1);
        solution = new DMatrixRMaj(n, 1);
    }

    @Override
    public void solveGroupInverse(double[] b, double[] x) {
        int n = rhs.numRows;
        if (b.length != n || x.length != n) {
            throw new IllegalArgumentException("vectors must have length " + n);
        }
        System.arraycopy(b, 0, rhs.data, 0, n);
        rhs.data[pinned] = 0.0;
        lu.solve(rhs, solution);
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += solution.data[i];
        }
        double[] p = stationary().probabilitiesView();
        for (int i = 0; i < n; i++) {
            x[i] = solution.data[i] - sum * p[i];
        }
    }
}
