package org.qpspin.stationary;

/**
 * Group-inverse solves with a level factorization ({@link LevelFactorization}): forward in elimination order over
 * the kept rows, the pinned state's x set to 0, backward over the kept columns, then x −= (Σ x) p. One pass over
 * the factors, in place in x, no allocation; read-only on the factors, so solves do not change them.
 */
final class LevelGroupInverse {

    private final LevelFactors kept;

    LevelGroupInverse(LevelFactors kept) {
        this.kept = kept;
    }

    /**
     * x = L^# b (steps 1–4 of the class javadoc of {@link LevelFactorization}) with {@code p} the stationary vector.
     *
     * @throws IllegalArgumentException for lengths other than n, or x aliasing b
     * @throws IllegalStateException if the rows were not kept
     */
    void solve(double[] b, double[] x, double[] p) {
        int n = kept.pivot.length;
        if (b.length != n || x.length != n) {
            throw new IllegalArgumentException("vectors must have length " + n);
        }
        if (b == x) {
            throw new IllegalArgumentException("x may not alias b");
        }
        if (kept.row == null) {
            throw new IllegalStateException("factorized for the stationary vector only (rows not kept)");
        }
        System.arraycopy(b, 0, x, 0, n);
        int maxN = kept.offset.length - 2;
        int lo = kept.offset[kept.peak];
        int hi = kept.offset[kept.peak + 1];
        // forward, in elimination order: A (down to K*+1), B (up to K*−1), C
        double[] out = kept.above.outRow;
        for (int level = maxN; level > kept.peak; level--) {
            int first = kept.offset[level];
            int colStart = kept.above.columnStart(level);
            int base = first - colStart;
            long at = kept.above.outBase[level];
            for (int k = kept.offset[level + 1] - 1; k >= first; k--) {
                double f = x[k] / kept.pivot[k];
                if (f != 0.0) {
                    int start = (int) (at + LevelElimination.segment(k - first, base));
                    for (int j = 0, c = k - colStart; j < c; j++) {
                        x[colStart + j] += f * out[start + j];
                    }
                }
            }
        }
        for (int level = 0; level < kept.peak; level++) {
            int colEnd = kept.offset[level + 2];
            for (int k = kept.offset[level], end = kept.offset[level + 1]; k < end; k++) {
                scatter(x, k, k + 1, colEnd);
            }
        }
        for (int k = hi - 1; k > kept.pin; k--) {
            scatter(x, k, lo, k);
        }
        for (int k = lo; k < kept.pin; k++) {
            scatter(x, k, k + 1, kept.pin + 1);
        }
        // backward, in reverse order
        x[kept.pin] = 0.0;
        for (int k = kept.pin - 1; k >= lo; k--) {
            gather(x, k, k + 1, kept.pin + 1);
        }
        for (int k = kept.pin + 1; k < hi; k++) {
            gather(x, k, lo, k);
        }
        for (int level = kept.peak - 1; level >= 0; level--) {
            int rowEnd = kept.rowEnd(level);
            for (int k = kept.offset[level + 1] - 1; k >= kept.offset[level]; k--) {
                gather(x, k, k + 1, rowEnd);
            }
        }
        double[] in = kept.above.inColumn;
        for (int level = kept.peak + 1; level <= maxN; level++) {
            int below = kept.offset[level - 1];
            int first = kept.offset[level];
            long at = kept.above.inBase[level];
            for (int k = first, end = kept.offset[level + 1]; k < end; k++) {
                int start = (int) (at + LevelElimination.segment(k - first, first - below));
                double acc = -x[k];
                for (int i = 0, r = k - below; i < r; i++) {
                    acc += in[start + i] * x[below + i];
                }
                x[k] = acc / kept.pivot[k];
            }
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
        }
        for (int i = 0; i < n; i++) {
            x[i] -= sum * p[i];
        }
    }

    /** y_j += (y_k / s_k) q[k][j] for the states j = from … to − 1 (phases B and C). */
    private void scatter(double[] x, int k, int from, int to) {
        double f = x[k] / kept.pivot[k];
        if (f != 0.0) {
            double[] r = kept.row;
            for (int j = from, at = kept.rowStart[k] - from; j < to; j++) {
                x[j] += f * r[at + j];
            }
        }
    }

    /** x_k = (Σ_i q[i][k] x_i − y_k) / s_k over the states i = from … to − 1 (phases B and C). */
    private void gather(double[] x, int k, int from, int to) {
        double acc = -x[k];
        double[] c = kept.column;
        for (int i = from, at = kept.columnStart[k] - from; i < to; i++) {
            acc += c[at + i] * x[i];
        }
        x[k] = acc / kept.pivot[k];
    }
}
