package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;

/**
 * Block GTH elimination over the levels N: the subtraction-free exact solver for chains that are narrow in m.
 *
 * <p>One elimination ({@link LevelFactorization}): levels Nmax … K*+1 downwards, 0 … K*−1 upwards, then the
 * level K* of the pinned state (the state nearest the mean-field point), on dense blocks of a few levels
 * (see {@link LevelElimination}); then back substitution p_pin = 1, p_k = Σ_i p_i q[i][k] / s_k outwards from the
 * pin with a power-of-two scale per level. Only additions of non-negative numbers, multiplications and
 * divisions occur, so every probability in the double range keeps a small relative error however tiny it is
 * (the dense {@link GthSolver} is the oracle of the tests).
 *
 * <p>Cost O(Σ_K w_K³) flops and O(Σ_K w_K²) memory with w_K the width of level K: seconds for 10⁶ states
 * of width ~30. A state that cannot reach the pinned state (reducible chain) is rejected, naming it.
 */
final class LevelSolver extends BuiltInSolver {

    LevelSolver() {
    }

    LevelSolver(ProgressListener progress) {
        super(progress);
    }

    @Override
    public LevelSolver withProgress(ProgressListener listener) {
        return new LevelSolver(listener);
    }

    @Override
    public SolverKind kind() {
        return SolverKind.LEVELS;
    }

    /** The kept blocks, 4 Σ w² doubles ({@link MemoryEstimates#levelFactorBytes}). */
    @Override
    long bytesFor(org.qpspin.rates.RateModel rates, org.qpspin.space.StateSpace space) {
        return MemoryEstimates.levelFactorBytes(space);
    }

    @Override
    String bytesWhat() {
        return "the level blocks";
    }

    /** The elimination without the rows (≈ 2 w doubles per state kept), then the back substitution. */
    @Override
    public StationaryResult solve(Generator generator) {
        return LevelFactorization.factorize(generator, false, name(), progress).stationary();
    }

    /**
     * The same elimination keeping the rows for group-inverse solves (≈ 4 w doubles per state), pinned again at
     * the computed peak if the mean-field state turns out far from it (see {@link LevelFactorization}).
     */
    @Override
    public KeptFactorization factorize(Generator generator) {
        return LevelFactorization.factorize(generator, true, name(), progress);
    }
}
