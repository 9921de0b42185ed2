package org.qpspin.linalg.krylov;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.qpspin.linalg.ProgressListener;

/** GMRES on small dense systems against EJML's dense solve. */
class GmresTest {

    private static final LinearOperator IDENTITY = (x, y) -> System.arraycopy(x, 0, y, 0, x.length);

    /** A diagonally dominant nonsymmetric n × n matrix. */
    private static double[][] system(int n) {
        double[][] a = ArnoldiTest.random(n, 5);
        for (int i = 0; i < n; i++) {
            a[i][i] += 4.0;
        }
        return a;
    }

    private static double[] reference(double[][] a, double[] b) {
        DMatrixRMaj x = new DMatrixRMaj(b.length, 1);
        CommonOps_DDRM.solve(new DMatrixRMaj(a), new DMatrixRMaj(b.length, 1, true, b), x);
        return x.data;
    }

    @Test
    void fullGmresSolvesWithinNStepsAndMatchesTheDenseSolve() {
        int n = 10;
        double[][] a = system(n);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = Math.sin(i + 1.0);
        }
        double[] x = new double[n];
        Gmres.Result r = new Gmres(ArnoldiTest.dense(a), IDENTITY, n, 100).solve(b, x, 1e-13, 1.0);
        assertTrue(r.converged(), r.toString());
        assertTrue(r.iterations() <= n + 1, r.toString());
        assertTrue(r.relativeResidual() <= 1e-13);
        double[] expected = reference(a, b);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], x[i], 1e-12);
        }
    }

    @Test
    void aJacobiPreconditionerAndRestartsReachTheSameSolution() {
        int n = 30;
        double[][] a = system(n);
        double[] b = new double[n];
        b[0] = 1.0;
        b[n - 1] = -2.0;
        LinearOperator jacobi = (x, y) -> {
            for (int i = 0; i < n; i++) {
                y[i] = x[i] / a[i][i];
            }
        };
        double[] x = new double[n];
        Gmres.Result r = new Gmres(ArnoldiTest.dense(a), jacobi, 4, 200).solve(b, x, 1e-13, 1.0);
        assertTrue(r.converged(), r.toString());
        double[] expected = reference(a, b);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], x[i], 1e-12);
        }
    }

    @Test
    void theIterationCapIsReportedAsNotConverged() {
        int n = 30;
        double[] b = new double[n];
        b[3] = 1.0;
        double[] x = new double[n];
        Gmres.Result r = new Gmres(ArnoldiTest.dense(system(n)), IDENTITY, 2, 3).solve(b, x, 1e-15, 1.0);
        assertFalse(r.converged());
        assertEquals(3, r.iterations());
        assertTrue(r.relativeResidual() > 1e-15 && r.relativeResidual() < 1.0, r.toString());
    }

    @Test
    void aZeroRightHandSideFromZeroIsDoneAtOnce() {
        double[] x = new double[5];
        Gmres.Result r = new Gmres(ArnoldiTest.dense(system(5)), IDENTITY, 5, 10).solve(null, x, 1e-14, 1.0);
        assertTrue(r.converged());
        assertEquals(0, r.iterations());
    }

    /**
     * Progress: one phase in per mille, non-decreasing, ending at its total both when the tolerance is met and at
     * the iteration cap; the iterate is bit-identical with and without the listener.
     */
    @Test
    void progressIsMonotoneEndsAtItsTotalAndChangesNoBit() {
        int n = 30;
        double[][] a = system(n);
        double[] b = new double[n];
        b[0] = 1.0;
        b[n - 1] = -2.0;
        for (int cap : new int[] {200, 7}) {
            Gmres gmres = new Gmres(ArnoldiTest.dense(a), IDENTITY, 4, cap);
            double[] plain = new double[n];
            Gmres.Result r = gmres.solve(b, plain, 1e-13, 1.0);
            assertEquals(cap == 200, r.converged(), r.toString());
            List<Long> reports = new ArrayList<>();
            long[] total = {0};
            ProgressListener recorder = new ProgressListener() {
                @Override
                public void start(String phase, long t) {
                    assertEquals("test: GMRES", phase);
                    assertTrue(total[0] == 0 && t > 0, "one phase, total > 0");
                    total[0] = t;
                }

                @Override
                public void advance(long done) {
                    long last = reports.isEmpty() ? 0 : reports.get(reports.size() - 1);
                    assertTrue(done >= last && done <= total[0], done + " after " + last + " of " + total[0]);
                    reports.add(done);
                }
            };
            double[] listened = new double[n];
            Gmres.Result q = gmres.solve(b, listened, 1e-13, 1.0, recorder, "test: GMRES");
            assertArrayEquals(plain, listened, 0.0);
            assertEquals(r, q);
            assertEquals(total[0], reports.get(reports.size() - 1), "ends at its total");
            assertTrue(reports.size() > 2, "progress within the solve: " + reports);
        }
    }
}
