package org.qpspin.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationarySolvers;

/** Sparse routes against dense linear algebra (EJML) on small PRL chains. */
class DenseOracleTest {

    @ParameterizedTest
    @CsvSource({
        // A, V, Gamma, Gamma_t, tau_s, nMax, mMax
        "40, 1, 10, 0.5, 0.4, 36, 8",
        "120, 1, 50, 1, 10, 30, 15",   // TA-like, weak spin flips
        "20, 1, 5, 0, 0.2, 30, 15"      // SR: no triplet channel
    })
    void slowestEigenvaluesAndSpectrumMatchDense(double a, double v, double g, double gt, double tau, int nMax,
                                                 int mMax) {
        ModelParameters p = ModelParameters.of(a, v, g, gt, tau);
        Generator gen = Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle(nMax, mMax));
        NoiseAnalysis an = NoiseAnalysis.of(gen, StationarySolvers.gth().factorize(gen));
        int n = gen.size();
        DMatrixRMaj l = dense(gen.matrix());

        // eigenvalues: dense EJML vs ARPACK on the group inverse
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        assertTrue(eig.decompose(l.copy()));
        List<Complex_F64> lambdas = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            lambdas.add(eig.getEigenvalue(k));
        }
        lambdas.sort((x, y) -> Double.compare(Math.hypot(x.real, x.imaginary), Math.hypot(y.real, y.imaginary)));
        assertTrue(Math.hypot(lambdas.get(0).real, lambdas.get(0).imaginary) < 1e-9 * Math.abs(lambdas.get(1).real));
        RelaxationSpectrum r = an.relaxationSpectrum(5);
        double[] rates = r.rates();
        double[] freqs = r.frequencies();
        for (int k = 0; k < r.count(); k++) {
            double best = Double.POSITIVE_INFINITY;
            for (int q = 1; q < Math.min(n, 30); q++) {
                Complex_F64 c = lambdas.get(q);
                best = Math.min(best, Math.hypot(-c.real - rates[k], c.imaginary - freqs[k]));
            }
            assertTrue(best <= 1e-10 * Math.hypot(rates[k], freqs[k]),
                    "ARPACK eigenvalue " + rates[k] + " off dense by " + best);
        }
        assertEquals(-lambdas.get(1).real, rates[0], 1e-10 * rates[0], "slowest rate");

        // spectrum: dense complex solve (real 2n embedding, EJML dense LU) vs Krylov and sparse direct
        NoiseAnalysis.Centred c = an.centre(Observable.particleNumber());
        double gamma = rates[0];
        double[] omega = NoiseAnalysisTest.logGrid(1e-2 * gamma, 1e4 * gamma, 7);
        NoiseSpectrum modes = an.spectrum(Observable.particleNumber(), omega,
                SpectrumOptions.defaults().withRoute(SpectrumOptions.Route.MODES).withTolerance(1e-12));
        NoiseSpectrum direct = an.spectrum(Observable.particleNumber(), omega,
                SpectrumOptions.defaults().withRoute(SpectrumOptions.Route.DIRECT));
        for (int i = 0; i < omega.length; i++) {
            double exact = denseSpectrum(l, omega[i], c.deviation, c.weighted);
            assertEquals(exact, direct.values()[i], 1e-10 * exact, "direct at " + omega[i]);
            assertEquals(exact, modes.values()[i], 1e-10 * exact, "modes at " + omega[i]);
        }
        // zero frequency: group inverse vs dense pseudo-solve (pin the Krylov S(0) too)
        double s0 = an.zeroFrequency(Observable.particleNumber()).zeroFrequency();
        assertEquals(denseSpectrum(l, 1e-7 * gamma, c.deviation, c.weighted), s0, 1e-10 * s0);
    }

    /** 2 Re fᵀ(−iω − L)⁻¹δ by a dense LU of [[−L, ω], [−ω, −L]]. */
    private static double denseSpectrum(DMatrixRMaj l, double omega, double[] f, double[] delta) {
        int n = l.numRows;
        DMatrixRMaj m = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, -l.get(i, j));
                m.set(n + i, n + j, -l.get(i, j));
            }
            m.set(i, n + i, omega);
            m.set(n + i, i, -omega);
        }
        DMatrixRMaj b = new DMatrixRMaj(2 * n, 1);
        for (int i = 0; i < n; i++) {
            b.set(i, 0, delta[i]);
        }
        DMatrixRMaj x = new DMatrixRMaj(2 * n, 1);
        assertTrue(CommonOps_DDRM.solve(m, b, x));
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += f[i] * x.get(i, 0);
        }
        return 2.0 * s;
    }

    private static DMatrixRMaj dense(DMatrixSparseCSC s) {
        DMatrixRMaj d = new DMatrixRMaj(s.numRows, s.numCols);
        for (int j = 0; j < s.numCols; j++) {
            for (int k = s.col_idx[j]; k < s.col_idx[j + 1]; k++) {
                d.set(s.nz_rows[k], j, s.nz_values[k]);
            }
        }
        return d;
    }
}
