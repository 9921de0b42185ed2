package org.qpspin.linalg.krylov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Arnoldi process on small dense operators: the Arnoldi relation, orthonormality and invariance. */
class ArnoldiTest {

    static LinearOperator dense(double[][] a) {
        return (x, y) -> {
            for (int i = 0; i < a.length; i++) {
                double s = 0.0;
                for (int j = 0; j < x.length; j++) {
                    s += a[i][j] * x[j];
                }
                y[i] = s;
            }
        };
    }

    static double[][] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = r.nextDouble() - 0.5;
            }
        }
        return a;
    }

    @Test
    void theBasisIsOrthonormalAndSatisfiesTheArnoldiRelation() {
        int n = 12;
        double[][] a = random(n, 3);
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = 1.0 + i;
        }
        Arnoldi arnoldi = new Arnoldi(dense(a), start, 6);
        while (arnoldi.canExtend()) {
            arnoldi.extend();
        }
        assertEquals(6, arnoldi.dimension());
        assertFalse(arnoldi.isInvariant());
        double[][] h = arnoldi.hessenbergView();
        // V_{j+1}ᵀ V_{j+1} = I
        for (int k = 0; k <= 6; k++) {
            for (int l = 0; l <= 6; l++) {
                double dot = 0.0;
                for (int i = 0; i < n; i++) {
                    dot += arnoldi.basisVector(k)[i] * arnoldi.basisVector(l)[i];
                }
                assertEquals(k == l ? 1.0 : 0.0, dot, 1e-14, k + "," + l);
            }
        }
        // A v_c = Σ_{r ≤ c+1} h[r][c] v_r, and H is upper Hessenberg
        double[] av = new double[n];
        for (int c = 0; c < 6; c++) {
            dense(a).apply(arnoldi.basisVector(c), av);
            for (int i = 0; i < n; i++) {
                double s = 0.0;
                for (int r = 0; r <= c + 1; r++) {
                    s += h[r][c] * arnoldi.basisVector(r)[i];
                }
                assertEquals(av[i], s, 1e-13);
            }
            for (int r = c + 2; r <= 6; r++) {
                assertEquals(0.0, h[r][c]);
            }
        }
        assertEquals(Math.sqrt(650.0), arnoldi.beta(), 1e-12); // Σ (1 + i)² for i < 12
        assertThrows(IllegalStateException.class, arnoldi::extend);
    }

    @Test
    void aStartInTwoEigendirectionsSpansAnInvariantPlane() {
        int n = 8;
        double[][] diagonal = new double[n][n];
        for (int i = 0; i < n; i++) {
            diagonal[i][i] = i + 1.0;
        }
        double[] start = new double[n];
        start[2] = 1.0;
        start[5] = 2.0;
        Arnoldi arnoldi = new Arnoldi(dense(diagonal), start, n);
        while (arnoldi.canExtend()) {
            arnoldi.extend();
        }
        assertTrue(arnoldi.isInvariant());
        assertEquals(2, arnoldi.dimension(), "A v_1 lies in the plane: the second step ends the process");
        // the 2 × 2 projection has the two eigenvalues 3 and 6: trace 9, determinant 18
        double[][] h = arnoldi.hessenbergView();
        assertEquals(9.0, h[0][0] + h[1][1], 1e-13);
        assertEquals(18.0, h[0][0] * h[1][1] - h[0][1] * h[1][0], 1e-12);
    }

    @Test
    void aZeroStartIsInvariantAtDimensionZero() {
        Arnoldi arnoldi = new Arnoldi(dense(random(4, 1)), new double[4], 3);
        assertTrue(arnoldi.isInvariant());
        assertFalse(arnoldi.canExtend());
        assertEquals(0, arnoldi.dimension());
        assertEquals(0.0, arnoldi.beta());
    }
}
