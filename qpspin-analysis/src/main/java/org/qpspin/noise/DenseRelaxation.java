package org.qpspin.noise;

import java.util.Arrays;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.qpspin.generator.Generator;

/**
 * Slowest relaxation rates of a small chain by a dense eigen-decomposition of L (EJML's Hessenberg QR, every
 * eigenvalue at once): the route for chains of at most {@link #MAX_STATES} states, where ARPACK cannot deliver
 * the requested number of modes (K close to n) or its Ritz values fail the checks of
 * {@link NoiseAnalysis#relaxationSpectrum}.
 *
 * <p>The eigenvalue of L nearest 0 is the stationary one (exactly 0 for an irreducible chain, a rounding-size
 * number here) and is dropped; the rest are returned as γ = −Re λ ascending (ties: ν = Im λ ascending), the order
 * of {@link ArpackRelaxation}. Residuals ‖L v − λ v‖₂ / (|λ| ‖v‖₂) are computed for real eigenvalues from EJML's
 * eigenvectors; EJML gives none for complex ones, whose residual is reported as NaN.
 */
final class DenseRelaxation {

    /** Largest chain decomposed densely (8 n² bytes for L, O(10 n³) operations: about a second at 800). */
    static final int MAX_STATES = 800;

    private DenseRelaxation() {
    }

    static RelaxationSpectrum compute(Generator generator, int count) {
        long start = System.nanoTime();
        int n = generator.size();
        if (n > MAX_STATES) {
            throw new IllegalArgumentException("the dense eigen-decomposition is limited to " + MAX_STATES
                    + " states, got " + n);
        }
        DMatrixRMaj l = dense(generator.matrix());
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true);
        if (!eig.decompose(l.copy())) {
            throw new IllegalStateException("the dense eigen-decomposition of L (" + n + " states) did not converge");
        }
        Integer[] order = new Integer[n];
        double[] rate = new double[n];
        double[] freq = new double[n];
        int stationary = 0;
        for (int k = 0; k < n; k++) {
            Complex_F64 c = eig.getEigenvalue(k);
            rate[k] = -c.real;
            freq[k] = c.imaginary;
            order[k] = k;
            Complex_F64 s = eig.getEigenvalue(stationary);
            if (Math.hypot(c.real, c.imaginary) < Math.hypot(s.real, s.imaginary)) {
                stationary = k;
            }
        }
        final int zero = stationary;
        Arrays.sort(order, (a, b) -> {
            if (a == zero || b == zero) {
                return a == zero ? (b == zero ? 0 : -1) : 1;
            }
            int cmp = Double.compare(rate[a], rate[b]);
            return cmp != 0 ? cmp : Double.compare(freq[a], freq[b]);
        });
        int k = Math.min(count, n - 1);
        double[] rates = new double[k];
        double[] freqs = new double[k];
        double[] res = new double[k];
        double[] v = new double[n];
        double[] lv = new double[n];
        for (int i = 0; i < k; i++) {
            int j = order[i + 1];
            rates[i] = rate[j];
            freqs[i] = freq[j];
            DMatrixRMaj vec = freq[j] == 0.0 ? eig.getEigenVector(j) : null;
            if (vec == null) {
                res[i] = Double.NaN;
                continue;
            }
            System.arraycopy(vec.data, 0, v, 0, n);
            generator.multiply(v, lv);
            double num = 0.0;
            double den = 0.0;
            for (int q = 0; q < n; q++) {
                double r = lv[q] + rate[j] * v[q];
                num += r * r;
                den += v[q] * v[q];
            }
            res[i] = Math.sqrt(num / den) / Math.abs(rate[j]);
        }
        return new RelaxationSpectrum(rates, freqs, res, 1, 0, "dense (EJML)", (System.nanoTime() - start) * 1e-9);
    }

    private static DMatrixRMaj dense(DMatrixSparseCSC a) {
        DMatrixRMaj d = new DMatrixRMaj(a.numRows, a.numCols);
        for (int col = 0; col < a.numCols; col++) {
            for (int idx = a.col_idx[col]; idx < a.col_idx[col + 1]; idx++) {
                d.set(a.nz_rows[idx], col, a.nz_values[idx]);
            }
        }
        return d;
    }
}
