package org.qpspin.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.decomposition.LU;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.scalar.ComplexNumber;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;

/**
 * ojAlgo as an independent dense oracle (no EJML, no ARPACK, no GTH) on small PRL chains: its dense
 * eigen-decomposition of L against the noise package's relaxation rates (ARPACK on the group inverse), and its
 * dense LU solve of the stationary equations against every stationary solver.
 */
class OjAlgoOracleTest {

    @ParameterizedTest
    @CsvSource({
        // A, V, Gamma, Gamma_t, tau_s, nMax, mMax
        "40, 1, 10, 0.5, 0.4, 34, 8",
        "20, 1, 5, 0, 0.2, 28, 14"      // SR: no triplet channel
    })
    void denseEigenvaluesAndStationaryStateMatch(double a, double v, double g, double gt, double tau, int nMax,
                                                 int mMax) {
        ModelParameters p = ModelParameters.of(a, v, g, gt, tau);
        Generator gen = Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle(nMax, mMax));
        int n = gen.size();
        R064Store l = dense(gen.matrix());

        // the spectrum of L: one zero eigenvalue, then the relaxation rates -Re(lambda) with frequencies Im(lambda)
        Eigenvalue<Double> eig = Eigenvalue.R064.make(l, false);
        assertTrue(eig.decompose(l));
        List<ComplexNumber> lambdas = new ArrayList<>();
        eig.getEigenvalues().forEach(lambdas::add);
        lambdas.sort((x, y) -> Double.compare(x.getModulus(), y.getModulus()));
        assertTrue(lambdas.get(0).getModulus() < 1e-9 * lambdas.get(1).getModulus(), lambdas.get(0)::toString);
        RelaxationSpectrum r = NoiseAnalysis.of(gen, StationarySolvers.gth().factorize(gen)).relaxationSpectrum(4);
        for (int k = 0; k < r.count(); k++) {
            double rate = r.rates()[k];
            double frequency = r.frequencies()[k];
            double best = Double.POSITIVE_INFINITY;
            for (int q = 1; q < Math.min(n, 30); q++) {
                ComplexNumber c = lambdas.get(q);
                best = Math.min(best, Math.hypot(-c.getReal() - rate, c.getImaginary() - frequency));
            }
            assertTrue(best <= 1e-9 * Math.hypot(rate, frequency), "relaxation rate " + rate + " off ojAlgo by " + best);
        }
        assertEquals(-lambdas.get(1).getReal(), r.rates()[0], 1e-9 * r.rates()[0], "slowest rate");

        // the stationary state: L p = 0 with the last equation replaced by sum p = 1, dense LU with pivoting
        R064Store m = l.copy();
        R064Store b = R064Store.FACTORY.make(n, 1);
        for (int j = 0; j < n; j++) {
            m.set(n - 1, j, 1.0);
        }
        b.set(n - 1, 0, 1.0);
        LU<Double> lu = LU.R064.make(m);
        assertTrue(lu.decompose(m));
        MatrixStore<Double> dense = lu.getSolution(b);
        String[] names = {"gth", "lu", "levels", "auto"};
        StationarySolver[] solvers = {StationarySolvers.gth(), StationarySolvers.lu(), StationarySolvers.levels(),
            StationarySolvers.auto()};
        for (int k = 0; k < solvers.length; k++) {
            String solver = names[k];
            StationaryResult s = solvers[k].solve(gen);
            double[] pi = s.probabilitiesView();
            double l1 = 0.0;
            for (int i = 0; i < n; i++) {
                double d = dense.doubleValue(i, 0);
                l1 += Math.abs(pi[i] - d);
                // a pivoted dense LU is accurate normwise: entries well above its error floor agree entrywise
                if (d > 1e-8) {
                    assertEquals(d, pi[i], 1e-9 * d, solver + " at state " + i);
                }
            }
            assertTrue(l1 < 1e-12, solver + ": |p - p_ojAlgo|_1 = " + l1);
        }
    }

    private static R064Store dense(DMatrixSparseCSC s) {
        R064Store d = R064Store.FACTORY.make(s.numRows, s.numCols);
        for (int j = 0; j < s.numCols; j++) {
            for (int k = s.col_idx[j]; k < s.col_idx[j + 1]; k++) {
                d.set(s.nz_rows[k], j, s.nz_values[k]);
            }
        }
        return d;
    }
}
