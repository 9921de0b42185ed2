package org.qpspin.linalg.dense;

/**
 * The trailing update of a blocked GTH elimination: after a panel of b pivots, every remaining row i of a dense
 * block receives Σ_u f_u(i) r_u(j) (f_u(i) = q[i][k_u] / s_{k_u}, r_u the pivot rows) in one pass, instead of b
 * passes of a rank-1 update. Each block entry is then loaded and stored once per four pivots instead of once per
 * pivot, which is what limits the rank-1 loop (two loads and a store per multiply–add). The terms are the same
 * non-negative products as in the rank-1 order, only summed in another order, so GTH stays subtraction-free.
 * Rows go four at a time (a 4 × 4 block of multipliers, {@link DenseKernel#multiplyAdd4x4}, SIMD where available),
 * so each pivot-row entry is also loaded once per four rows.
 */
public final class PanelUpdate {

    /** Pivots per panel: measured best of 1, 2, 4 and 8 on the level blocks of width 32 (docs/benchmarks.md). */
    public static final int PANEL = 4;

    private PanelUpdate() {
    }

    /**
     * block[i][j] += Σ_{u&lt;nb} mult[u·ms + i] rows[u·rs + j] for rows i0 ≤ i &lt; i1 and columns j0 ≤ j &lt; j1 of the
     * row-major block ({@code cols} per row); rows whose multipliers are all 0 are skipped.
     *
     * @param block the row-major block, updated in place
     * @param cols entries per row of {@code block}
     * @param i0 first row (inclusive)
     * @param i1 last row (exclusive)
     * @param j0 first column (inclusive)
     * @param j1 last column (exclusive)
     * @param mult the multipliers, mult[u·ms + i]
     * @param ms stride of u in {@code mult}
     * @param rows the pivot rows, rows[u·rs + j]
     * @param rs stride of u in {@code rows}
     * @param nb the panel's pivots u = 0 … nb − 1
     */
    public static void apply(double[] block, int cols, int i0, int i1, int j0, int j1, double[] mult, int ms,
                      double[] rows, int rs, int nb) {
        if (j0 >= j1) {
            return;
        }
        for (int u = 0; u < nb; u += 4) {
            int m0 = u * ms;
            int r0 = u * rs;
            if (nb - u >= 4) {
                int i = i0;
                // four rows at a time against the four pivot rows; blocks of zero multipliers are skipped
                for (; i + 3 < i1; i += 4) {
                    if (DenseKernel.zeroWeights(mult, m0 + i, 1, ms, 4)) {
                        continue;
                    }
                    DenseKernel.multiplyAdd4x4(block, i * cols, cols, rows, r0, rs, mult, m0 + i, 1, ms, j0, j1,
                            false);
                }
                for (; i < i1; i++) {
                    if (DenseKernel.zeroWeights(mult, m0 + i, 1, ms, 1)) {
                        continue;
                    }
                    DenseKernel.multiplyAdd1x4(block, i * cols, rows, r0, rs, mult, m0 + i, ms, j0, j1, false);
                }
            } else {
                for (int v = u; v < nb; v++) {
                    int mv = v * ms;
                    int rv = v * rs;
                    for (int i = i0; i < i1; i++) {
                        double f = mult[mv + i];
                        if (f != 0.0) {
                            int row = i * cols;
                            for (int j = j0; j < j1; j++) {
                                block[row + j] += f * rows[rv + j];
                            }
                        }
                    }
                }
            }
        }
    }
}
