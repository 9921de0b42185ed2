package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.dense.DenseKernel;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.ProbableCore;

/**
 * The probable-core solver: an exact factorization where the probability is, Gauss–Seidel on the rest.
 *
 * <p>What it knows about the chain: the probability sits on two branches. Clusters that stay unpolarized carry
 * m ≈ N/2 up to a few times the unpolarized size c0 V; polarized ones carry m around the mean-field m*(N), a
 * window far narrower than the rectangle or triangle a truncation has to keep for the levels where m*(N) is
 * large. The core ({@link ProbableCore#of}) is the union: whole levels as far as the unpolarized ridge reaches, the
 * Poisson quantile of m*(N) above, joined by a top that falls by at most one per level. The core is factorized
 * by the exact solver {@link AutoSolver#exactFor} picks (levels or lu, GTH pivots), once more if its edge turns
 * out heavy ({@link #widened}); {@link CoreFactorization} handles the rest of the space by Gauss–Seidel sweeps
 * and joins the two by GMRES until the whole system L p = 0 is solved to rounding (‖L p‖₂ ≤ 1e-14 ‖e∘p‖₂), then
 * polishes the tail. The result's residual and truncation cost are those
 * of the whole space, like every solver's.
 *
 * <p>Cost: the core's factorization (on the peer rectangles at 10⁶ states 20–28 % of the states) plus a few
 * passes over the matrix. Accuracy (docs/validation.md): normwise to rounding; entrywise like the exact
 * solvers where p ≫ {@value ProbableCore#EDGE_MASS} p_max; tail entries near that level can be off by O(1).
 */
final class CoreSolver extends BuiltInSolver {

    /** Widening rounds (each refactorizes the core). */
    static final int MAX_WIDENING_ROUNDS = 1;

    CoreSolver() {
    }

    CoreSolver(ProgressListener progress) {
        super(progress);
    }

    @Override
    public CoreSolver withProgress(ProgressListener listener) {
        return new CoreSolver(listener);
    }

    @Override
    public SolverKind kind() {
        return SolverKind.CORE;
    }

    @Override
    public KeptFactorization factorize(Generator generator) {
        long start = System.nanoTime();
        StateSpace space = generator.space();
        DenseKernel.prepareFor(space.size()); // the core's own set-up and assembly hide the kernel's compilation
        try {
            return factorizeOnCore(generator, ProbableCore.of(generator.rateModel(), space), start);
        } catch (IllegalArgumentException e) {
            // the core's own chain was refused (e.g. not one class): solve the whole space exactly, and say so
            KeptFactorization exact = AutoSolver.exactFor(generator, progress).factorize(generator);
            return exact.reportedAs(name() + "→" + exact.solver() + " (core refused: " + e.getMessage() + ")");
        }
    }

    private KeptFactorization factorizeOnCore(Generator generator, StateSpace firstCore, long start) {
        StateSpace space = generator.space();
        StateSpace core = firstCore;
        // the mean-field band first; at most MAX_WIDENING_ROUNDS refactorizations where its edges are heavy
        for (int round = 0; ; round++) {
            Generator coreGenerator = Generator.assemble(generator.rateModel(), core);
            StationaryFactorization exact = AutoSolver.exactFor(coreGenerator, progress).factorize(coreGenerator);
            StateSpace wider = round == MAX_WIDENING_ROUNDS ? null : widened(space, core, exact.stationary());
            if (wider == null) {
                return new CoreFactorization(generator, exact, start, progress);
            }
            core = wider;
        }
    }

    /**
     * The core with the window of every level whose top state holds more than {@value ProbableCore#EDGE_MASS} of the core's
     * largest probability p_max widened (with the two levels above, where the cluster carries its m next), or
     * null when no edge is that heavy. The widening extrapolates the decay at the edge with a margin, so that one
     * round is enough: with ρ = p(N, top) / p(N, top − 1) &lt; 1, k = ⌈1.5 ln(EDGE_MASS p_max / p(N, top)) / ln ρ⌉
     * + 4 more states (width/2 + 4 when the edge does not decay), capped at the space. Why: the mean-field band is short near the polarization
     * threshold, where clusters that were unpolarized at smaller N carry m ≈ N/2 upwards.
     */
    static StateSpace widened(StateSpace space, StateSpace core, StationaryResult coreSolution) {
        double[] p = coreSolution.probabilitiesView();
        double max = 0.0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        int maxN = core.maxN();
        int[] low = new int[maxN + 1];
        int[] high = new int[maxN + 1];
        boolean any = false;
        for (int n = 0; n <= maxN; n++) {
            low[n] = core.lowM(n);
            high[n] = core.highM(n);
        }
        for (int n = 0; n <= maxN; n++) {
            int top = core.highM(n);
            double edge = p[core.index(n, top)];
            if (top >= space.highM(n) || !(edge > ProbableCore.EDGE_MASS * max)) {
                continue;
            }
            double ratio = top > core.lowM(n) ? edge / p[core.index(n, top - 1)] : 1.0;
            long grow = ratio < 1.0 && ratio > 0.0
                    ? (long) Math.ceil(1.5 * Math.log(ProbableCore.EDGE_MASS * max / edge) / Math.log(ratio)) + 4
                    : core.levelWidth(n) / 2 + 4;
            for (int k = n; k <= Math.min(maxN, n + 2); k++) {
                high[k] = (int) Math.max(high[k], Math.min(space.highM(k), core.highM(k) + grow));
            }
            any = true;
        }
        return any ? ProbableCore.closedBand(space, low, high) : null;
    }
}
