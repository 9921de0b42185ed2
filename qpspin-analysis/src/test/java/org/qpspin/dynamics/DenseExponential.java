package org.qpspin.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The dense oracle: exp(tL) by scaling and squaring with a Taylor series of the scaled matrix, independent of both
 * sparse methods. ‖tL/2^s‖₁ ≤ 1/2 and 30 terms leave a truncation below 0.5³⁰/30! ≈ 4e-42; the squarings of
 * an (almost) stochastic matrix are stable.
 */
final class DenseExponential {

    private DenseExponential() {
    }

    static DMatrixRMaj dense(DMatrixSparseCSC a) {
        DMatrixRMaj d = new DMatrixRMaj(a.numRows, a.numCols);
        for (int j = 0; j < a.numCols; j++) {
            for (int k = a.col_idx[j]; k < a.col_idx[j + 1]; k++) {
                d.add(a.nz_rows[k], j, a.nz_values[k]);
            }
        }
        return d;
    }

    static DMatrixRMaj expm(DMatrixRMaj a, double t) {
        int n = a.numRows;
        double norm = NormOps_DDRM.normP1(a) * t;
        int s = Math.max(0, (int) Math.ceil(Math.log(Math.max(norm, 1e-300) / 0.5) / Math.log(2)));
        DMatrixRMaj x = a.copy();
        CommonOps_DDRM.scale(t / Math.pow(2, s), x);
        DMatrixRMaj result = CommonOps_DDRM.identity(n);
        DMatrixRMaj term = CommonOps_DDRM.identity(n);
        DMatrixRMaj next = new DMatrixRMaj(n, n);
        for (int k = 1; k <= 30; k++) {
            CommonOps_DDRM.mult(x, term, next);
            CommonOps_DDRM.scale(1.0 / k, next);
            term.setTo(next);
            CommonOps_DDRM.addEquals(result, term);
        }
        for (int i = 0; i < s; i++) {
            CommonOps_DDRM.mult(result, result, next);
            result.setTo(next);
        }
        return result;
    }

    static double[] apply(DMatrixRMaj e, double[] v) {
        double[] y = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = 0.0;
            for (int j = 0; j < v.length; j++) {
                s += e.get(i, j) * v[j];
            }
            y[i] = s;
        }
        return y;
    }
}
