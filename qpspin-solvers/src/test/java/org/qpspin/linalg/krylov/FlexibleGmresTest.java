package org.qpspin.linalg.krylov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Flexible GMRES against EJML's dense solve, with a preconditioner that changes at every application (a Jacobi
 * step scaled by a factor cycling through 0.5, 1, 3 — a map that is not one fixed linear M), with restarts: the
 * true residual and the solution must come out right, which a non-flexible update x += M(V y) does not guarantee.
 */
class FlexibleGmresTest {

    private static double[][] system(int n) {
        double[][] a = ArnoldiTest.random(n, 7);
        for (int i = 0; i < n; i++) {
            a[i][i] += 4.0;
        }
        return a;
    }

    @Test
    void aVaryingPreconditionerStillGivesTheDenseSolution() {
        int n = 40;
        double[][] a = system(n);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = Math.cos(0.3 * i);
        }
        int[] calls = {0};
        double[] factors = {0.5, 1.0, 3.0};
        LinearOperator varying = (x, y) -> {
            double f = factors[calls[0]++ % factors.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = f * x[i] / a[i][i];
            }
        };
        double[] x = new double[n];
        Gmres.Result r = new FlexibleGmres(ArnoldiTest.dense(a), varying, 5, 400).solve(b, x, 1e-12, 1.0);
        assertTrue(r.converged(), r.toString());
        DMatrixRMaj expected = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.solve(new DMatrixRMaj(a), new DMatrixRMaj(n, 1, true, b), expected);
        double[] ax = new double[n];
        ArnoldiTest.dense(a).apply(x, ax);
        double residual = 0.0;
        for (int i = 0; i < n; i++) {
            residual += (b[i] - ax[i]) * (b[i] - ax[i]);
            assertEquals(expected.data[i], x[i], 1e-10, "x[" + i + "]");
        }
        assertTrue(Math.sqrt(residual) <= 1e-12, "true residual " + Math.sqrt(residual));
    }

    @Test
    void withAFixedPreconditionerItMatchesGmres() {
        int n = 30;
        double[][] a = system(n);
        double[] b = new double[n];
        b[3] = 1.0;
        b[n - 2] = -1.5;
        LinearOperator jacobi = (x, y) -> {
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i] / a[i][i];
            }
        };
        double[] x = new double[n];
        double[] y = new double[n];
        Gmres.Result flexible = new FlexibleGmres(ArnoldiTest.dense(a), jacobi, 6, 200).solve(b, x, 1e-12, 1.0);
        Gmres.Result plain = new Gmres(ArnoldiTest.dense(a), jacobi, 6, 200).solve(b, y, 1e-12, 1.0);
        assertTrue(flexible.converged() && plain.converged());
        assertEquals(plain.iterations(), flexible.iterations());
        for (int i = 0; i < n; i++) {
            assertEquals(y[i], x[i], 1e-11);
        }
    }
}
