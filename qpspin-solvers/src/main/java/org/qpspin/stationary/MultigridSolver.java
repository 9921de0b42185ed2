package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.amg.AggregationMultigrid;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;

/**
 * The multigrid solver: aggregation multigrid for Markov chains (De Sterck, Manteuffel, McCormick, Nguyen, Ruge,
 * SIAM J. Sci. Comput. 30 (2008); De Sterck, Manteuffel, McCormick, Miller, Pearson, Ruge, Sanders, SIAM J. Sci.
 * Comput. 32 (2010)) with aggregates along constant total spin ({@link SpinAggregates}), line Gauss–Seidel in m
 * as smoother, and GMRES preconditioned by the cycle as outer iteration ({@link MultigridFactorization}).
 *
 * <p>Cost per iteration linear in the states (a cycle is a few passes over the matrix); the number of iterations
 * is measured, not guaranteed (docs/benchmarks.md, "Multigrid scaling"). Iterative: the answer is accurate to its
 * reported residual and error estimates, normwise to rounding when converged, entrywise to its reported estimate
 * (at most 1e-10 relative when converged) for entries above 1e-10 p_max (smaller ones converge more slowly: 1e-8
 * to 1e-5 measured at 1e-100 p_max) — not the exact solvers' relative accuracy of every entry down to 1e-300.
 *
 * <p>Warm start ({@link #factorize(Generator, StationaryResult)}): an automatic truncation's next attempt starts
 * from the last attempt's vector carried onto the larger space ({@link #carried}) instead of the uniform vector.
 * Progress: each solve is one phase of the listener, counted in cycles and GMRES iterations.
 */
final class MultigridSolver extends BuiltInSolver {

    /** ν₁ = ν₂ = 1, V-cycle. */
    static final AggregationMultigrid.Cycle CYCLE = new AggregationMultigrid.Cycle(1, 1, 1);

    /** Why the automatic solver routed here (appended to the solver's name), or null when asked for by name. */
    private final String reason;
    /** How far each stationary solve goes: {@link MultigridFactorization#FULL} or its screening rule. */
    private final MultigridFactorization.Stopping stopping;

    MultigridSolver() {
        this(ProgressListener.NONE, null);
    }

    /**
     * @param progress where each solve's cycles and iterations are reported
     * @param reason   why the automatic solver chose it (shown in the result's solver name), or null
     */
    MultigridSolver(ProgressListener progress, String reason) {
        this(progress, reason, MultigridFactorization.FULL);
    }

    /**
     * @param progress where each solve's cycles and iterations are reported
     * @param reason   why the automatic solver chose it (shown in the result's solver name), or null
     * @param stopping how far each stationary solve goes
     */
    MultigridSolver(ProgressListener progress, String reason, MultigridFactorization.Stopping stopping) {
        super(progress);
        this.reason = reason;
        this.stopping = stopping;
    }

    @Override
    public MultigridSolver withProgress(ProgressListener listener) {
        return new MultigridSolver(listener, reason, stopping);
    }

    /**
     * {@return this solver with the screening rule {@link MultigridFactorization#SCREENING} (GMRES to 1e-8,
     * polish to 1e-2, no error estimate): about half a full solve, for the intermediate attempts of an automatic
     * truncation}
     */
    @Override
    public MultigridSolver screening() {
        return new MultigridSolver(progress, reason, MultigridFactorization.SCREENING);
    }

    @Override
    public SolverKind kind() {
        return SolverKind.MULTIGRID;
    }

    @Override
    public MultigridFactorization factorize(Generator generator) {
        return factorize(generator, null);
    }

    @Override
    public StationaryResult solve(Generator generator, StationaryResult previous) {
        return factorize(generator, previous).stationary();
    }

    @Override
    public MultigridFactorization factorize(Generator generator, StationaryResult previous) {
        long start = System.nanoTime();
        double[] initial = previous == null ? null : carried(previous, generator.space());
        MultigridFactorization f = new MultigridFactorization(generator, SpinAggregates.DEFAULT, CYCLE,
                MultigridFactorization.RESTART, stopping, start, initial, progress);
        if (reason != null) {
            f.reportedAs(f.solver() + " (" + reason + ")");
        }
        return f;
    }

    /** Its peak heap besides the generator ({@link MemoryEstimates#multigridBytes}). */
    @Override
    long bytesFor(RateModel rates, StateSpace space) {
        return MemoryEstimates.multigridBytes(space.size());
    }

    @Override
    String bytesWhat() {
        return "the hierarchy and Krylov basis";
    }

    /** Assembled by rows ({@link #readsRows}). */
    @Override
    long generatorBytes(StateSpace space) {
        return MemoryEstimates.rowGeneratorBytes(space.size());
    }

    @Override
    String bytesAdvice() {
        return "raise the heap (QPSPIN_JAVA_OPTS=-Xmx...) or truncate tighter (--tol)";
    }

    /** The smoother, the products and the hierarchy read rows only. */
    @Override
    public boolean readsRows(RateModel rates, StateSpace space) {
        return true;
    }

    /** Why the automatic solver routed here, or null. */
    String reason() {
        return reason;
    }

    /**
     * {@return {@code previous}'s probabilities carried onto {@code space}, normalized: a state kept by both takes its
     * old value, a new state the value of the nearest old state (its level clamped to the old Nmax, its m to that
     * level's old window); every entry at least {@link Double#MIN_NORMAL} (the nonlinear cycles scale aggregates
     * and need positive masses)}
     *
     * @param previous a stationary result on another truncation of the same chain
     * @param space    the space of the next solve
     */
    static double[] carried(StationaryResult previous, StateSpace space) {
        StateSpace old = previous.space();
        double[] p = previous.probabilitiesView();
        double[] x = new double[space.size()];
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            int n = Math.min(space.levelOf(i), old.maxN());
            int m = Math.max(old.lowM(n), Math.min(space.mOf(i), old.highM(n)));
            double v = p[old.index(n, m)];
            x[i] = v > Double.MIN_NORMAL ? v : Double.MIN_NORMAL;
            sum += x[i];
        }
        for (int i = 0; i < x.length; i++) {
            x[i] /= sum;
        }
        return x;
    }
}
