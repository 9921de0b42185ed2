package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.lu.SupernodalAnalysis;
import org.qpspin.ordering.Orderings;
import org.qpspin.space.StateSpace;

/**
 * Sparse LU of the pinned generator: p ∝ A⁻¹ e_k, A = L with row k replaced by e_kᵀ (never a dense row of ones,
 * which would fill the factors), in nested-dissection order along the directions in which the generator's stencil is
 * thinnest (see {@link SparseLuFactorization} and {@link org.qpspin.ordering.LatticeDissection}).
 *
 * <p>The pinned state k is the state nearest the mean-field fixed point (N0, m0) of Eqs. 3–4, clamped into the
 * truncated set ({@link PinnedState#meanFieldPoint}). If that guess proves poor — p_k below {@link #REPIN_RATIO}
 * times the largest probability, or an overflow — the chain is factorized once more, pinned at the most probable
 * state of the first solve. A state the pin cannot reach (a transient state) is rejected, as by the other solvers.
 *
 * <p>Accuracy: the back substitution is subtraction-free (see {@link SparseLuFactorization}), so the vector comes
 * out non-negative when all pivots stay on the diagonal; a negative entry can only follow an off-diagonal pivot,
 * and then the solve fails with a message rather than clipping it. Relative accuracy of tiny probabilities is
 * limited by the cancellation in the pivots (documented in docs/theory.md, "Stationary solvers").
 */
final class LuSolver extends BuiltInSolver {

    /** Re-pin when p_k / max p falls below this. */
    static final double REPIN_RATIO = 1e-6;

    private final boolean nestedDissection;
    private final SupernodalAnalysis prepared;

    LuSolver(boolean nestedDissection) {
        this(nestedDissection, ProgressListener.NONE);
    }

    LuSolver(boolean nestedDissection, ProgressListener progress) {
        this(nestedDissection, progress, null);
    }

    /**
     * An LU solver that starts from {@code prepared}, a symbolic analysis of the generator it will be given in its
     * own order (lattice dissection, the mean-field state last), or computes it when {@code prepared} is null.
     */
    LuSolver(boolean nestedDissection, ProgressListener progress, SupernodalAnalysis prepared) {
        super(progress);
        this.nestedDissection = nestedDissection;
        this.prepared = prepared;
    }

    @Override
    public LuSolver withProgress(ProgressListener listener) {
        return new LuSolver(nestedDissection, listener, prepared);
    }

    @Override
    public SolverKind kind() {
        return SolverKind.LU;
    }

    /** A lower estimate of the factors ({@link MemoryEstimates#luFactorBytes}). */
    @Override
    long bytesFor(org.qpspin.rates.RateModel rates, StateSpace space) {
        return MemoryEstimates.luFactorBytes(space);
    }

    @Override
    String bytesWhat() {
        return "at least the factors";
    }

    @Override
    public SparseLuFactorization factorize(Generator generator) {
        long start = System.nanoTime();
        StateSpace space = generator.space();
        int pinned = PinnedState.meanFieldPoint(space, generator.rateModel().parameters());
        boolean reuse = nestedDissection && prepared != null && prepared.size() == space.size()
                && prepared.order()[space.size() - 1] == pinned;
        int[] order = reuse ? prepared.order() : nestedDissection
                ? Orderings.latticeDissection(space, generator.matrix()) : Orderings.natural(space.size());
        SparseLuFactorization lu = reuse ? SparseLuFactorization.factorize(generator, pinned, prepared, progress)
                : SparseLuFactorization.factorize(generator, pinned, order, progress);
        double[] p = stationaryVector(lu);
        int best = argmax(p);
        if (!(p[pinned] >= REPIN_RATIO * p[best]) || !(p[best] < Double.POSITIVE_INFINITY)) {
            pinned = best;
            lu = null; // the first factorization may be collected while the second is built
            lu = SparseLuFactorization.factorize(generator, pinned, order, progress);
            p = stationaryVector(lu);
        }
        boolean zero = false;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0.0) || p[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalStateException("sparse LU gave p[" + i + "] = " + p[i] + " (pinned state " + pinned
                        + "): the GTH pivots exclude this unless the rates overflow");
            }
            zero |= p[i] == 0.0;
        }
        if (zero) { // a transient state, or a probability below the double range: find out which
            PinnedState.requireReachableFrom(generator, pinned);
        }
        lu.keep(StationaryResult.of(generator, p, name(), (System.nanoTime() - start) * 1e-9));
        return lu;
    }

    private static double[] stationaryVector(SparseLuFactorization lu) {
        double[] p = new double[lu.size()];
        p[lu.pinnedState()] = 1.0;
        lu.solvePinned(p, p);
        return p;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best] || Double.isNaN(p[best])) {
                best = i;
            }
        }
        return best;
    }
}
