package org.qpspin.linalg.krylov;

/**
 * The Arnoldi process: an orthonormal basis V_j of the Krylov space K_j(A, v) = span{v, A v, …, A^{j−1} v} and the
 * upper-Hessenberg H_j with A V_j = V_j H_j + h_{j+1,j} v_{j+1} e_jᵀ (Saad, "Iterative Methods for Sparse Linear
 * Systems", 2nd ed., §6.3), grown one step at a time; each step is one application of A and a modified
 * Gram–Schmidt orthogonalization done twice (for the loss of orthogonality over many steps).
 *
 * <p>Invariance: a step whose new vector has ‖w‖₂ ≤ {@value #INVARIANCE} max_k |h_{k,j}| (the rest of w is
 * rounding) ends the process: K_j is invariant under A up to rounding, and H_j holds the exact projection. A zero
 * start vector gives an invariant space of dimension 0.
 *
 * <p>Memory: j + 1 vectors of length n and a (max + 1) × max Hessenberg array. Not thread-safe.
 */
public final class Arnoldi {

    /** A new direction below this share of the step's largest coefficient ends the process (invariant space). */
    public static final double INVARIANCE = 1e-14;

    private final LinearOperator operator;
    private final int max;
    private final double[][] basis;
    private final double[][] h;
    private final double beta;
    private int dim;
    private boolean invariant;

    /**
     * Starts the basis with v_0 = start / ‖start‖₂.
     *
     * @param operator     A
     * @param start        the start vector (not modified; all zeros allowed)
     * @param maxDimension largest dimension j (≥ 1)
     * @throws IllegalArgumentException for maxDimension &lt; 1
     */
    public Arnoldi(LinearOperator operator, double[] start, int maxDimension) {
        if (maxDimension < 1) {
            throw new IllegalArgumentException("maxDimension must be >= 1, got " + maxDimension);
        }
        this.operator = operator;
        this.max = maxDimension;
        int n = start.length;
        basis = new double[max + 1][];
        h = new double[max + 1][max];
        double norm = 0.0;
        for (double v : start) {
            norm += v * v;
        }
        beta = Math.sqrt(norm);
        double[] v0 = new double[n];
        if (beta > 0.0) {
            for (int i = 0; i < n; i++) {
                v0[i] = start[i] / beta;
            }
        }
        basis[0] = v0;
        invariant = beta == 0.0;
    }

    /** {@return ‖start‖₂} */
    public double beta() {
        return beta;
    }

    /** {@return the current dimension j (steps taken)} */
    public int dimension() {
        return dim;
    }

    /** {@return whether the space became invariant (then H_j is the exact projection, up to rounding)} */
    public boolean isInvariant() {
        return invariant;
    }

    /** {@return whether another step is possible: not invariant and j &lt; max} */
    public boolean canExtend() {
        return !invariant && dim < max;
    }

    /**
     * One step: w = A v_j, orthogonalized against v_0 … v_j (coefficients into column j of H), h_{j+1,j} = ‖w‖₂,
     * then v_{j+1} = w / h_{j+1,j} unless the space is invariant ({@value #INVARIANCE}).
     *
     * @throws IllegalStateException if {@link #canExtend()} is false
     */
    public void extend() {
        if (!canExtend()) {
            throw new IllegalStateException("Arnoldi cannot extend: " + (invariant ? "invariant" : "at its maximum"));
        }
        double[] v = basis[dim];
        double[] w = new double[v.length];
        operator.apply(v, w);
        double norm = Orthogonalization.orthogonalize(basis, dim + 1, w, h, dim, 2);
        double scale = 0.0;
        for (int k = 0; k <= dim; k++) {
            scale = Math.max(scale, Math.abs(h[k][dim]));
        }
        h[dim + 1][dim] = norm;
        dim++;
        if (!(norm > INVARIANCE * scale)) {
            invariant = true;
            return;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= norm;
        }
        basis[dim] = w;
    }

    /**
     * {@return basis vector v_k, k ≤ j (k = j only while not invariant); the process' own array: not to be modified}
     *
     * @param k the index of the basis vector, 0 ≤ k ≤ j
     */
    public double[] basisVector(int k) {
        if (k > dim || basis[k] == null) {
            throw new IllegalArgumentException("no basis vector " + k + " at dimension " + dim);
        }
        return basis[k];
    }

    /**
     * {@return the Hessenberg entries h[r][c] (rows 0 … max, columns 0 … max − 1; zero outside the first j columns and
     * below the subdiagonal); the process' own array, updated by {@link #extend}: not to be modified}
     */
    public double[][] hessenbergView() {
        return h;
    }
}
