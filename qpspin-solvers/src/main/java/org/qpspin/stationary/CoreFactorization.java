package org.qpspin.stationary;

import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.WorkCounter;
import org.qpspin.linalg.krylov.Gmres;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.ProbableCore;

/**
 * Solves L x = b on a chain whose probability sits in a known core C: an exact factorization of the core's own
 * chain, Gauss–Seidel on the rest of the states (the tail T), and GMRES to join the two into a solution of the
 * whole system.
 *
 * <p>The preconditioner B ≈ L^# is one block Gauss–Seidel pass with one exact block (W. J. Stewart,
 * "Introduction to the Numerical Solution of Markov Chains", Princeton 1994, block iterative methods): a forward
 * and a backward sweep over the tail rows, x_i = (Σ_{j≠i} L[i][j] x_j − v_i) / e_i (e_i = −L[i][i] the exit
 * rate), then the core rows exactly, x_C = L_C^# (v_C − L_CT x_T), with L_C the reflecting generator of the core
 * (the chain restricted to C; the core's exact factorization gives its group inverse L_C^#). B differs from L^#
 * only through the transitions across the core's edge, which the core is chosen to make rare (CoreSolver), so
 * right-preconditioned GMRES (Saad &amp; Schultz 1986) needs few iterations; for the stationary vector, started
 * from the core's own solution extended by one tail pass, often none.
 *
 * <p>Stopping rule: ‖b − L x‖₂ ≤ {@value #CONVERGED} ‖e∘x‖₂ (the flux terms whose balance L x is, so the rule
 * asks for cancellation to rounding), at most {@value #MAX_ITERATIONS} iterations. The stationary vector is then
 * polished by sweeps over the tail alone ({@link #polishTail}); they add non-negative terms only, and make the far
 * tail, whose values price the truncation (omitted flux), consistent with the tail's own equations. Counts are
 * reported in the solver name ({@link #solver()}).
 *
 * <p>Accuracy (docs/validation.md): normwise to rounding; entrywise like the exact solvers where p ≫
 * {@value ProbableCore#EDGE_MASS} p_max (the core's edge); tail entries near that level can be off by O(1).
 *
 * <p>Cost: the core's factorization, plus per GMRES iteration one group-inverse solve of the core, two sweeps over
 * the tail's rows and one product with L. Memory: the core's factors, the tail's rows (CSR, ~6 entries per state)
 * and {@value #RESTART} + 3 vectors of length n.
 */
final class CoreFactorization extends KeptFactorization {

    /** GMRES stopping rule: residual 2-norm relative to the problem's scale (see {@link #gmres}). */
    static final double CONVERGED = 1e-14;
    /** Iteration cap; beyond it the result is reported as not converged. */
    static final int MAX_ITERATIONS = 100;
    /** GMRES restart length (basis vectors kept). */
    static final int RESTART = 30;
    /** Entrywise convergence of the tail of the stationary vector. */
    static final double TAIL_CONVERGED = 1e-10;
    /** Cap on the extra tail-only sweeps for the stationary vector. */
    static final int MAX_TAIL_SWEEPS = 400;

    private final Generator generator;
    private final StationaryFactorization core;
    private final double[] coreStationary;
    /** Full index of every core state, in core order. */
    private final int[] coreStates;
    /** Core index of every full state, or −1 for a tail state. */
    private final int[] coreIndex;
    /** Full index of every tail state, ascending. */
    private final int[] tailStates;
    /** Tail rows of L without the diagonal (CSR over the tail), and the tail states' exit rates. */
    private final int[] tailRowStart;
    private final int[] tailColumns;
    private final double[] tailValues;
    private final double[] tailExit;
    private final double[] coreRhs;
    private final double[] coreSolution;
    private int iterations;
    /** ‖b − L x‖₂ / scale at the end of the last GMRES run. */
    private double lastResidual;

    /**
     * @param generator L on the whole space
     * @param core      an exact factorization of L_C, the same rate model on a subset of generator's space
     * @param start     System.nanoTime() when the work began (for the reported time)
     * @param progress  where the stationary vector's GMRES and tail sweeps report, one phase each (the later
     *                  group-inverse solves report nothing)
     */
    CoreFactorization(Generator generator, StationaryFactorization core, long start, ProgressListener progress) {
        this.generator = generator;
        this.core = core;
        StateSpace space = generator.space();
        StateSpace coreSpace = core.stationary().space();
        int n = space.size();
        int nc = coreSpace.size();
        coreStates = new int[nc];
        coreIndex = new int[n];
        java.util.Arrays.fill(coreIndex, -1);
        for (int c = 0; c < nc; c++) {
            int full = space.index(coreSpace.levelOf(c), coreSpace.mOf(c));
            coreStates[c] = full;
            coreIndex[full] = c;
        }
        tailStates = new int[n - nc];
        int[] tailIndex = new int[n];
        for (int i = 0, t = 0; i < n; i++) {
            tailIndex[i] = -1;
            if (coreIndex[i] < 0) {
                tailIndex[i] = t;
                tailStates[t++] = i;
            }
        }
        DMatrixSparseCSC l = generator.matrix();
        int[] rows = l.nz_rows;
        double[] values = l.nz_values;
        tailRowStart = new int[tailStates.length + 1];
        for (int j = 0; j < n; j++) {
            for (int e = l.col_idx[j]; e < l.col_idx[j + 1]; e++) {
                int t = tailIndex[rows[e]];
                if (t >= 0 && rows[e] != j) {
                    tailRowStart[t + 1]++;
                }
            }
        }
        for (int t = 0; t < tailStates.length; t++) {
            tailRowStart[t + 1] += tailRowStart[t];
        }
        tailColumns = new int[tailRowStart[tailStates.length]];
        tailValues = new double[tailColumns.length];
        int[] fill = java.util.Arrays.copyOf(tailRowStart, tailStates.length);
        for (int j = 0; j < n; j++) {
            for (int e = l.col_idx[j]; e < l.col_idx[j + 1]; e++) {
                int t = tailIndex[rows[e]];
                if (t >= 0 && rows[e] != j) {
                    tailColumns[fill[t]] = j;
                    tailValues[fill[t]++] = values[e];
                }
            }
        }
        tailExit = new double[tailStates.length];
        for (int t = 0; t < tailStates.length; t++) {
            tailExit[t] = generator.exitRate(tailStates[t]);
            if (!(tailExit[t] > 0.0)) {
                throw new IllegalArgumentException("chain is reducible: state (N=" + space.levelOf(tailStates[t])
                        + ", m=" + space.mOf(tailStates[t]) + ") has no transitions");
            }
        }
        coreStationary = core.stationary().probabilitiesView();
        coreRhs = new double[nc];
        coreSolution = new double[nc];

        double[] p = new double[n];
        for (int c = 0; c < nc; c++) {
            p[coreStates[c]] = coreStationary[c];
        }
        // start: the core's own solution, then one tail pass; GMRES corrects the rest
        sweepTail(null, p, true);
        sweepTail(null, p, false);
        boolean converged = gmres(null, p, fluxNorm(p), progress);
        int stationaryIterations = iterations;
        int sweeps = converged ? polishTail(p, progress) : 0;
        String description = "core/" + core.solver() + "[" + nc + " of " + n + " states exact; " + stationaryIterations
                + (converged ? " iterations" : " iterations, NOT converged: residual " + lastResidual) + ", " + sweeps
                + " tail sweeps]";
        for (int i = 0; i < n; i++) {
            if (p[i] < 0.0) { // a tail entry below the double range can round to −0.0 or a tiny negative
                p[i] = 0.0;
            }
        }
        keep(StationaryResult.of(generator, p, description, (System.nanoTime() - start) * 1e-9));
    }

    /**
     * The preconditioner B ≈ L^#: y = B v is one block Gauss–Seidel pass from y = 0, tail first: a forward and
     * a backward sweep of L_TT y_T = v_T, then the core exactly, y_C = L_C^# g with g = v_C − L_CT y_T projected to
     * Σ g = 0 along p_C. Linear in v; writes {@code y}, uses {@link #coreRhs} and {@link #coreSolution}.
     */
    private void precondition(double[] v, double[] y) {
        java.util.Arrays.fill(y, 0.0);
        sweepTail(v, y, true);
        sweepTail(v, y, false);
        int nc = coreStates.length;
        double[] g = coreRhs;
        for (int c = 0; c < nc; c++) {
            g[c] = v[coreStates[c]];
        }
        DMatrixSparseCSC l = generator.matrix();
        for (int i : tailStates) {
            double yi = y[i];
            if (yi != 0.0) {
                for (int e = l.col_idx[i]; e < l.col_idx[i + 1]; e++) {
                    int c = coreIndex[l.nz_rows[e]];
                    if (c >= 0) {
                        g[c] -= l.nz_values[e] * yi;
                    }
                }
            }
        }
        double sum = 0.0;
        for (int c = 0; c < nc; c++) {
            sum += g[c];
        }
        for (int c = 0; c < nc; c++) {
            g[c] -= sum * coreStationary[c];
        }
        core.solveGroupInverse(g, coreSolution);
        for (int c = 0; c < nc; c++) {
            y[coreStates[c]] = coreSolution[c];
        }
    }

    /**
     * Right-preconditioned restarted GMRES ({@link Gmres}) for L x = b from the initial x (in place), with
     * B = {@link #precondition}. L is singular, but the system is consistent (1ᵀb = 0) and B maps into the range
     * the iteration needs, so the residual goes to rounding. Stopping rule: ‖b − L x‖₂ ≤ {@value #CONVERGED}
     * × scale, or {@value #MAX_ITERATIONS} iterations.
     *
     * @param b     right-hand side (null: 0)
     * @param scale the size the residual is measured against: ‖e∘x‖₂ of the initial x (e the exit rates), the
     *              flux terms whose balance L x is, so that the rule asks for rounding-level cancellation
     * @param progress where to report the iterations (one phase, see {@link Gmres#solve(double[], double[],
     *                 double, double, ProgressListener, String)} for what its percentage means)
     * @return whether the stopping rule was met
     */
    private boolean gmres(double[] b, double[] x, double scale, ProgressListener progress) {
        Gmres.Result result = new Gmres(generator::multiply, this::precondition, RESTART, MAX_ITERATIONS)
                .solve(b, x, CONVERGED, scale, progress, "core solver: GMRES");
        iterations = result.iterations();
        lastResidual = result.relativeResidual();
        return result.converged();
    }

    /** ‖e∘x‖₂, e the exit rates: the size of the flux terms whose balance L x is (the residual's natural scale). */
    private double fluxNorm(double[] x) {
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            double f = generator.exitRate(i) * x[i];
            sum += f * f;
        }
        return Math.sqrt(sum);
    }

    /**
     * One Gauss–Seidel sweep over the tail rows of L x = b ({@code b} null: 0), forward or backward in index order.
     */
    private void sweepTail(double[] b, double[] x, boolean forward) {
        int count = tailStates.length;
        for (int k = 0; k < count; k++) {
            int t = forward ? k : count - 1 - k;
            x[tailStates[t]] = relaxed(t, b, x);
        }
    }

    /** The value of tail state t that satisfies its row of L x = b ({@code b} null: 0) given the other entries. */
    private double relaxed(int t, double[] b, double[] x) {
        double inflow = b == null ? 0.0 : -b[tailStates[t]];
        for (int e = tailRowStart[t], end = tailRowStart[t + 1]; e < end; e++) {
            inflow += tailValues[e] * x[tailColumns[e]];
        }
        return inflow / tailExit[t];
    }

    /**
     * Tail-only sweeps of the stationary vector until (a) the omitted flux carried by the tail (Σ_T p_i × omitted
     * rate, the truncation's price) changes by at most {@value #TAIL_CONVERGED} of the whole omitted flux, and
     * (b) every tail entry above {@value ProbableCore#EDGE_MASS} p_max changes by at most {@value #TAIL_CONVERGED}
     * of itself; returns the count. Progress: one phase over the sweep cap {@value #MAX_TAIL_SWEEPS}, one unit
     * per sweep, ended at the cap when the sweeps converge earlier.
     */
    private int polishTail(double[] p, ProgressListener progress) {
        int count = tailStates.length;
        if (count == 0) {
            return 0;
        }
        WorkCounter counter = WorkCounter.start(progress, "core solver: tail sweeps", MAX_TAIL_SWEEPS);
        try {
            return polishTail(p, count, counter);
        } finally {
            counter.finish();
        }
    }

    private int polishTail(double[] p, int count, WorkCounter counter) {
        double max = 0.0;
        double coreOmitted = 0.0;
        for (int c = 0; c < coreStates.length; c++) {
            max = Math.max(max, p[coreStates[c]]);
            coreOmitted += p[coreStates[c]] * generator.omittedRate(coreStates[c]);
        }
        double floor = ProbableCore.EDGE_MASS * max;
        double previous = Double.NaN;
        for (int sweep = 1; sweep <= MAX_TAIL_SWEEPS; sweep++) {
            double worst = 0.0;
            double omitted = 0.0;
            boolean forward = (sweep & 1) == 1;
            for (int k = 0; k < count; k++) {
                int t = forward ? k : count - 1 - k;
                double v = relaxed(t, null, p);
                int i = tailStates[t];
                if (v > floor) {
                    worst = Math.max(worst, Math.abs(v - p[i]) / v);
                }
                p[i] = v;
                omitted += v * generator.omittedRate(i);
            }
            double total = omitted + coreOmitted;
            counter.add(1);
            if (worst <= TAIL_CONVERGED && Math.abs(omitted - previous) <= TAIL_CONVERGED * total) {
                return sweep;
            }
            previous = omitted;
        }
        return MAX_TAIL_SWEEPS;
    }

    /**
     * x = L^# b: GMRES from x = B b, then x −= (Σ x) p. When GMRES does not meet its stopping rule the last iterate
     * is returned; callers check the residual (NoiseAnalysis does).
     */
    @Override
    public void solveGroupInverse(double[] b, double[] x) {
        int n = coreIndex.length;
        if (b.length != n || x.length != n) {
            throw new IllegalArgumentException("vectors must have length " + n);
        }
        if (b == x) {
            throw new IllegalArgumentException("x may not alias b");
        }
        precondition(b, x); // initial guess x = B b, which also gives the scale of the answer
        gmres(b, x, fluxNorm(x), ProgressListener.NONE);
        removeStationaryComponent(x);
    }

    /** GMRES iterations of the last {@link #solveGroupInverse} (or of the stationary solve, before any). */
    int iterations() {
        return iterations;
    }
}
