package org.qpspin.linalg.krylov;

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
     * += c on the next ones.
     *
     * @return ‖w‖₂ after the last pass
     */
    static double orthogonalize(double[][] basis, int count, double[] w, double[][] h, int column, int passes) {
        int n = w.length;
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < count; i++) {
                double[] v = basis[i];
                double dot = 0.0;
                for (int t = 0; t < n; t++) {
                    dot += w[t] * v[t];
                }
                h[i][column] = pass == 0 ? dot : h[i][column] + dot;
                for (int t = 0; t < n; t++) {
                    w[t] -= dot * v[t];
                }
            }
        }
        double norm = 0.0;
        for (int t = 0; t < n; t++) {
            norm += w[t] * w[t];
        }
        return Math.sqrt(norm);
    }
}
