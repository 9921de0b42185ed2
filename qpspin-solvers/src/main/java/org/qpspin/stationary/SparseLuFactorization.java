package org.qpspin.stationary;

import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.dense.DenseKernel;
import org.qpspin.linalg.lu.MultifrontalGth;
import org.qpspin.linalg.lu.SupernodalAnalysis;
import org.qpspin.ordering.Orderings;

/**
 * Sparse LU of the pinned generator A = L with row k replaced by e_kᵀ, in a fill-reducing symmetric order with
 * k last, kept for further solves: the stationary vector p ∝ A⁻¹ e_k, group-inverse solves, transposed solves.
 *
 * <p>The factors come from {@link MultifrontalGth}: a supernodal multifrontal LU with dense fronts and GTH pivots
 * (each pivot the sum of the off-diagonal entries below it, not an updated diagonal), so the factorization is
 * subtraction-free. With k last, L z = e_k gives z = e_k, and U p = z is a back substitution in which all terms
 * have one sign: the stationary vector is computed without cancellation anywhere, so every probability, however
 * small, has a small relative error (as with dense GTH). Other right-hand sides (group inverse) are solved with
 * the same factors to normwise accuracy.
 *
 * <p>Solves are allocation-free (one internal workspace), so an instance is not thread-safe.
 */
public final class SparseLuFactorization extends KeptFactorization {

    private final int size;
    private final int pinned;
    private final MultifrontalGth factors;
    private final int[] order;
    private final double[] work;
    private final double factorSeconds;

    private SparseLuFactorization(int size, int pinned, MultifrontalGth factors, double factorSeconds) {
        this.size = size;
        this.pinned = pinned;
        this.factors = factors;
        this.order = factors.order();
        this.work = new double[size];
        this.factorSeconds = factorSeconds;
    }

    /**
     * Factorizes the generator pinned at {@code pinned} in the symmetric order {@code order} (the pinned state
     * is moved to the end of it).
     *
     * @throws IllegalArgumentException if the chain is reducible
     */
    static SparseLuFactorization factorize(Generator generator, int pinned, int[] order) {
        return factorize(generator, pinned, order, ProgressListener.NONE);
    }

    /** As {@link #factorize(Generator, int, int[])}, reporting the numeric phase to {@code progress}. */
    static SparseLuFactorization factorize(Generator generator, int pinned, int[] order, ProgressListener progress) {
        long start = System.nanoTime();
        int[] last = Orderings.withLast(order, pinned);
        MultifrontalGth factors = MultifrontalGth.factorize(generator.matrix(), last, progress);
        return new SparseLuFactorization(generator.size(), pinned, factors, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * As {@link #factorize(Generator, int, int[], ProgressListener)} on a symbolic analysis already done in an order
     * whose last state is {@code pinned} (the analysis {@code auto} counted the flops on).
     *
     * @throws IllegalArgumentException if the analysis does not end with {@code pinned}, or the chain is reducible
     */
    static SparseLuFactorization factorize(Generator generator, int pinned, SupernodalAnalysis symbolic,
                                           ProgressListener progress) {
        long start = System.nanoTime();
        int[] order = symbolic.order();
        if (symbolic.size() != generator.size() || order[order.length - 1] != pinned) {
            throw new IllegalArgumentException("the analysis is not pinned at state " + pinned);
        }
        DenseKernel.prepareFor(generator.size());
        MultifrontalGth factors = MultifrontalGth.factorize(symbolic, generator.matrix(), progress);
        return new SparseLuFactorization(generator.size(), pinned, factors, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * L with row k replaced by e_kᵀ, in O(nnz): entries (k, j ≠ k) are dropped and (k, k) set to 1; row indices
     * stay sorted. (The matrix these factors represent; for checks and for other factorizations.)
     *
     * @param l the generator (CSC, sorted row indices)
     * @param k the pinned state
     * @return the pinned matrix A (a new matrix; {@code l} is unchanged)
     */
    public static DMatrixSparseCSC pinnedMatrix(DMatrixSparseCSC l, int k) {
        int n = l.numCols;
        DMatrixSparseCSC a = new DMatrixSparseCSC(n, n, l.nz_length);
        int nz = 0;
        for (int j = 0; j < n; j++) {
            a.col_idx[j] = nz;
            for (int e = l.col_idx[j], end = l.col_idx[j + 1]; e < end; e++) {
                int i = l.nz_rows[e];
                if (i == k) {
                    if (j == k) {
                        a.nz_rows[nz] = k;
                        a.nz_values[nz++] = 1.0;
                    }
                } else {
                    a.nz_rows[nz] = i;
                    a.nz_values[nz++] = l.nz_values[e];
                }
            }
        }
        a.col_idx[n] = nz;
        a.nz_length = nz;
        a.indicesSorted = l.indicesSorted;
        return a;
    }

    /**
     * Solves A x = b with A the pinned generator (L with row k replaced by e_kᵀ). Allocation-free.
     *
     * @param b right-hand side, length n (not modified)
     * @param x output, length n (may alias b)
     */
    public void solvePinned(double[] b, double[] x) {
        checkLengths(b, x);
        double[] w = work;
        for (int c = 0; c < size; c++) {
            w[c] = b[order[c]];
        }
        factors.forward(w);
        factors.backward(w);
        for (int c = 0; c < size; c++) {
            x[order[c]] = w[c];
        }
    }

    /**
     * Solves Aᵀ x = b with A the pinned generator (Aᵀ = P Uᵀ Lᵀ Pᵀ in the elimination order). Allocation-free.
     * With b_k = 0 and b = −1 elsewhere, x_j is the mean time to reach the pinned state from j.
     *
     * @param b right-hand side, length n (not modified)
     * @param x output, length n (may alias b)
     */
    public void solvePinnedTransposed(double[] b, double[] x) {
        checkLengths(b, x);
        double[] w = work;
        for (int c = 0; c < size; c++) {
            w[c] = b[order[c]];
        }
        factors.forwardTransposed(w);
        factors.backwardTransposed(w);
        for (int c = 0; c < size; c++) {
            x[order[c]] = w[c];
        }
    }

    @Override
    public void solveGroupInverse(double[] b, double[] x) {
        checkLengths(b, x);
        double[] w = work;
        // b_k := 0: row k of L x = b then holds by itself, since 1ᵀL = 0 and 1ᵀb = 0
        for (int c = 0; c < size - 1; c++) {
            w[c] = b[order[c]];
        }
        w[size - 1] = 0.0;
        factors.forward(w);
        factors.backward(w);
        double sum = 0.0;
        for (int c = 0; c < size; c++) {
            sum += w[c];
        }
        double[] p = stationary().probabilitiesView();
        for (int c = 0; c < size; c++) {
            int state = order[c];
            x[state] = w[c] - sum * p[state];
        }
    }

    private void checkLengths(double[] b, double[] x) {
        if (b.length != size || x.length != size) {
            throw new IllegalArgumentException("vectors must have length " + size + ", got " + b.length + " and "
                    + x.length);
        }
    }

    /** {@return the pinned state k (row k of L replaced by e_kᵀ)} */
    public int pinnedState() {
        return pinned;
    }

    /** {@return the elimination order used (the pinned state last); a copy} */
    public int[] order() {
        return order.clone();
    }

    /** {@return doubles stored in the L and U factors (supernode blocks, explicit zeros included): the fill} */
    public long factorNonZeros() {
        return factors.storedEntries();
    }

    /**
     * {@return floating-point operations the numeric factorization took (dense front kernels, explicit zeros included)}
     */
    public double factorFlops() {
        return factors.flops();
    }

    /** {@return number of supernodes (dense fronts)} */
    public int supernodes() {
        return factors.supernodes();
    }

    /** {@return rows of the largest dense front} */
    public int largestFront() {
        return factors.largestFront();
    }

    /** {@return wall time of the symbolic analysis and numeric factorization, in seconds} */
    public double factorSeconds() {
        return factorSeconds;
    }

    /** {@return number of states} */
    public int size() {
        return size;
    }
}
