package org.qpspin.linalg.krylov;

import org.qpspin.linalg.FixedBlockLoops;

/**
 * The Arnoldi step both Krylov methods share: w is made orthogonal to the basis vectors v_0 … v_{k−1} by modified
 * Gram–Schmidt (Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., Alg. 6.2), repeated for
 * reorthogonalization when asked (passes = 2: "twice is enough", Giraud, Langou &amp; Rozložník, Comput. Math. Appl.
 * 50, 1069 (2005)), and the coefficients are summed into one column of the Hessenberg matrix.
 */
final class Orthogonalization {

    private Orthogonalization() {
    }

    /**
     * For each pass and each i &lt; count: c = v_iᵀ w, w ← w − c v_i, h[i][column] = c on the first pass and
     * += c on the next ones. Each update w ← w − c v_i and the next dot product (with v_{i+1}, or ‖w‖₂² after the
     * last) are one pass over blocks of {@link FixedBlockLoops#BLOCK} entries, over the fork-join pool for long
     * vectors; a dot product is the sum of its blocks' partial sums in block order, so the result is the same bits
     * with any number of threads (and each entry of w sees the same operations as in separate passes).
     *
     * @return ‖w‖₂ after the last pass
     */
    static double orthogonalize(double[][] basis, int count, double[] w, double[][] h, int column, int passes) {
        int n = w.length;
        double dot = count == 0 ? 0.0 : FixedBlockLoops.sum(n, (from, to) -> dot(w, basis[0], from, to));
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < count; i++) {
                h[i][column] = pass == 0 ? dot : h[i][column] + dot;
                double[] v = basis[i];
                boolean last = i + 1 == count && pass + 1 == passes;
                double[] next = last ? w : basis[i + 1 < count ? i + 1 : 0];
                double c = dot;
                dot = FixedBlockLoops.sum(n, (from, to) -> {
                    for (int t = from; t < to; t++) {
                        w[t] -= c * v[t];
                    }
                    return dot(w, next, from, to);
                });
            }
        }
        return Math.sqrt(count == 0 || passes == 0 ? FixedBlockLoops.sum(n, (from, to) -> dot(w, w, from, to)) : dot);
    }

    /** Σ_{from ≤ t &lt; to} a_t b_t in ascending order. */
    static double dot(double[] a, double[] b, int from, int to) {
        double s = 0.0;
        for (int t = from; t < to; t++) {
            s += a[t] * b[t];
        }
        return s;
    }
}
