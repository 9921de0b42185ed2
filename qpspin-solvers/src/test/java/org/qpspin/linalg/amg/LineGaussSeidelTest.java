package org.qpspin.linalg.amg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A closed line (no rate out of it) whose stationary vector falls by 10⁻² per state over 120 states, down to
 * 10⁻²³⁸ at its end: the line solve must give the stationary vector entrywise (closed form π_i ∝ 10⁻²ⁱ) and, for a
 * consistent right-hand side, a correction of the size of the right-hand side over the rates (the heaviest state
 * pinned), not one multiplied by π_0 / π_last ~ 10²³⁸ (the overflow behind issue 18's NaN).
 */
class LineGaussSeidelTest {

    private static final int N = 120;
    private static final double UP = 0.1;
    private static final double DOWN = 10.0;

    /** The birth–death generator i → i+1 at UP, i+1 → i at DOWN, as rows. */
    private static GeneratorRows line() {
        int[] start = new int[N + 1];
        int[] cols = new int[2 * N - 2];
        double[] rates = new double[2 * N - 2];
        double[] exit = new double[N];
        int e = 0;
        for (int i = 0; i < N; i++) {
            start[i] = e;
            if (i > 0) { // from i − 1 up to i
                cols[e] = i - 1;
                rates[e++] = UP;
            }
            if (i + 1 < N) { // from i + 1 down to i
                cols[e] = i + 1;
                rates[e++] = DOWN;
            }
            exit[i] = (i + 1 < N ? UP : 0.0) + (i > 0 ? DOWN : 0.0);
        }
        start[N] = e;
        return new GeneratorRows(start, cols, rates, exit);
    }

    @Test
    void closedLineGivesItsStationaryVectorEntrywise() {
        LineGaussSeidel smoother = new LineGaussSeidel(line(), new int[] {0, N});
        double[] x = new double[N];
        java.util.Arrays.fill(x, 1.0);
        smoother.sweep(null, x, true);
        for (int i = 0; i < N; i++) {
            double expected = x[0] * Math.pow(UP / DOWN, i);
            assertEquals(expected, x[i], 1e-12 * expected, "state " + i);
        }
        assertEquals(1.0, x[0], 1e-15, "the heaviest state is the pin and keeps its value");
    }

    @Test
    void consistentSolveOnAClosedLineStaysInRange() {
        GeneratorRows a = line();
        LineGaussSeidel smoother = new LineGaussSeidel(a, new int[] {0, N});
        double[] b = new double[N];
        b[N - 1] = 1.0; // a source in the deep tail, the sink at the peak: 1ᵀ b = 0
        b[0] = -1.0;
        double[] e = new double[N];
        smoother.sweep(b, e, true);
        double[] le = new double[N];
        a.multiply(e, le);
        double max = 0.0;
        for (int i = 0; i < N; i++) {
            assertTrue(Double.isFinite(e[i]), "entry " + i + " = " + e[i]);
            assertEquals(b[i], le[i], 1e-12, "equation " + i);
            max = Math.max(max, Math.abs(e[i]));
        }
        // the exact correction with e_0 = 0 is a sum of geometric tails of the flux 1 over the rates: below 1 / UP
        assertTrue(max < 1.0 / UP, "largest entry " + max);
        assertEquals(0.0, e[0], 0.0, "the pin");
    }
}
