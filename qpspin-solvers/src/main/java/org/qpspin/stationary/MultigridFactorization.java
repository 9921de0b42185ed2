package org.qpspin.stationary;

import java.util.Locale;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.WorkCounter;
import org.qpspin.linalg.amg.AggregationMultigrid;
import org.qpspin.linalg.amg.GeneratorRows;
import org.qpspin.linalg.krylov.Gmres;
import org.qpspin.space.StateSpace;

/**
 * The multigrid solver's work on one generator: the stationary vector by aggregation multigrid accelerated by
 * GMRES, and group-inverse solves by GMRES preconditioned with the same cycle. Iterative, so its accuracy is
 * measured rather than guaranteed: the result reports the residual and an estimate of the error of ⟨N⟩ and Var N
 * ({@link #diagnostics()}, also in the result's solver name).
 *
 * <p>The stationary solve, from the uniform vector:
 * <ol>
 *   <li>nonlinear aggregation V-cycles ({@link AggregationMultigrid#cycle}) until the relative residual
 *       ‖L x‖₁ / (2 Σ e_i x_i) is below {@value #KRYLOV_START} and the last cycle changed no entry above
 *       {@value #POLISH_FLOOR} p_max by more than {@value #START_CHANGE} of itself (at least one cycle, at most
 *       {@value #MAX_START_CYCLES});</li>
 *   <li>the cycle frozen at that x ({@link AggregationMultigrid#freeze}) as right preconditioner of restarted
 *       GMRES ({@link Gmres}, restart {@value #RESTART}) on L x = 0 until ‖L x‖₂ ≤ {@value #CONVERGED} ‖e∘x‖₂
 *       (at most {@value #MAX_ITERATIONS} iterations); negative entries (GMRES corrections are additive) are set
 *       to 0;</li>
 *   <li>polishing nonlinear cycles, which scale aggregates and add non-negative terms only, until the estimated
 *       relative error of the entries above {@value #POLISH_FLOOR} p_max (from their last changes and the observed
 *       contraction, {@code entrywiseError}) is below {@value #POLISH_CONVERGED} (at least 2 cycles, at most
 *       {@value #MAX_POLISH_CYCLES}): GMRES gets the vector right normwise, the cycles make small entries
 *       consistent with their own equations. The estimate is reported ("entries &gt;= 1e-10 p_max est. rel.
 *       error" in the solver name), and "NOT converged" when the cap is hit.</li>
 * </ol>
 * The error estimate: with r = L p the final residual, the exact π = p + δ has L δ = −r, 1ᵀ δ = 0, so
 * δ = −L^# r, one more group-inverse solve (to {@value #ESTIMATE_TOLERANCE}); then ⟨N⟩ is off by Σ N δ and
 * Var N by Σ (N − ⟨N⟩)² δ to first order. It measures the algebraic error left by the iteration; rounding in
 * the residual itself is at ~1e-16 relative.
 *
 * <p>Memory: the generator's rows ({@link Generator#rows()}, ≈ 120 bytes per state, the generator's own: no copy
 * when it was assembled by rows), and on top of them the hierarchy ({@link AggregationMultigrid#heapBytes}: 240–290
 * bytes per state measured), the stationary vector and {@value #RESTART} + 3 GMRES vectors while GMRES runs:
 * {@value #BYTES_PER_STATE} bytes per state estimated up front (an upper bound of the heap measured to suffice,
 * see the constant).
 */
final class MultigridFactorization extends KeptFactorization {

    static final double KRYLOV_START = 1e-4;
    static final int MAX_START_CYCLES = 30;
    /**
     * The nonlinear cycles before GMRES go on until the largest relative change of an entry above
     * {@value #POLISH_FLOOR} p_max in the last cycle is at most this (as well as the residual below
     * {@value #KRYLOV_START}): the frozen cycle's prolongation weights x_j / W_J must be right to within a factor of
     * about 2 in the tails, which a normwise residual cannot see. A warm start carried onto grown windows puts each
     * new state at its nearest old neighbour's value, 10⁷ times too large in the deep tail on the edge family
     * (N0 = 300): its residual was already below {@value #KRYLOV_START}, no cycle ran, and GMRES frozen there needed
     * 103 iterations against 30 cold; after 10 cycles to this rule, 22 (docs/validation.md, issue 18).
     */
    static final double START_CHANGE = 1.0;
    static final int RESTART = 8;
    static final int MAX_ITERATIONS = 300;
    static final double CONVERGED = 1e-14;
    static final double POLISH_FLOOR = 1e-10;
    static final double POLISH_CONVERGED = 1e-10;
    static final int MAX_POLISH_CYCLES = 100;
    /** A largest relative entry change this small is rounding (a few ulps of the cycle's sums). */
    static final double ROUNDING_CHANGE = 1e-14;
    static final double ESTIMATE_TOLERANCE = 1e-6;
    /**
     * How far one stationary solve goes (the pipeline's tolerance, the solver's numerics unchanged).
     *
     * @param krylovTolerance GMRES's relative tolerance on ‖L x‖₂ / ‖e∘x‖₂
     * @param polishTolerance the polish's target for the estimated relative error of the entries above
     *                        {@value #POLISH_FLOOR} p_max
     * @param maxPolishCycles the polish's cap (it stops earlier once its target is met)
     * @param estimateErrors  whether the error of ⟨N⟩ and Var N is estimated (one more group-inverse solve)
     * @param screening       whether this is a screening solve (its result is flagged
     *                        {@link StationaryResult#isScreening()}): good for a truncation's verdict within a
     *                        margin, not for publishing
     */
    record Stopping(double krylovTolerance, double polishTolerance, int maxPolishCycles, boolean estimateErrors,
                    boolean screening) {
    }

    /** The full solve: GMRES to {@value #CONVERGED}, polish to {@value #POLISH_CONVERGED}, errors estimated. */
    static final Stopping FULL = new Stopping(CONVERGED, POLISH_CONVERGED, MAX_POLISH_CYCLES, true, false);
    /**
     * The screening solve of an intermediate truncation attempt (docs/validation.md, "Screening the intermediate
     * attempts"): GMRES to 1e-8, polish to 1e-2, no error estimate. Not less polish: with two polishing cycles only,
     * the screening cost of a tail-dominated attempt was 1.2 to 38 times the full solve's on the edge family (the
     * tail entries GMRES leaves are not yet consistent), enough to grow a truncation that the full solve accepts.
     */
    static final Stopping SCREENING = new Stopping(1e-8, 1e-2, MAX_POLISH_CYCLES, false, true);
    /**
     * Up-front heap estimate per state besides the generator's rows (hierarchy, smoother, vectors, GMRES basis at
     * restart {@value #RESTART}), an upper bound from a measurement: the whole first attempt of the edge-of-polarization
     * windows at N0 = 1000 (793 419 states: rows, stationary solve, S_N(0) and S_2S(0)) ran out of heap at -Xmx400m
     * and completed at -Xmx440m, i.e. it needs at most 582 bytes per state with the rows (≈ 128) and the windows;
     * 480 keeps a margin of ≈ 25 bytes per state above that bracket's top (docs/benchmarks.md, issue 18; 544 before
     * the hierarchy's cuts, when 846–951 were needed).
     */
    static final long BYTES_PER_STATE = 480;

    /**
     * What the iteration did and how good its answer is.
     *
     * @param levels            levels of the hierarchy (fine level included)
     * @param startCycles       nonlinear cycles before GMRES
     * @param gmresIterations   GMRES iterations of the stationary solve
     * @param polishCycles      nonlinear cycles after GMRES
     * @param converged         whether GMRES met its rule and the polish its own
     * @param relativeResidual  ‖L p‖₁ / (2 Σ e_i p_i) of the returned p
     * @param meanNError        estimated error of ⟨N⟩ (first order, Σ N δ)
     * @param varianceNError    estimated error of Var N (first order)
     * @param entrywiseError    estimated relative error of the entries above {@value #POLISH_FLOOR} p_max, from the
     *                          polish's last changes and their contraction (+∞ if it did not contract)
     */
    record Diagnostics(int levels, int startCycles, int gmresIterations, int polishCycles, boolean converged,
                       double relativeResidual, double meanNError, double varianceNError, double entrywiseError) {
    }

    private final Generator generator;
    private final GeneratorRows rows;
    private final AggregationMultigrid multigrid;
    private final Diagnostics diagnostics;
    private final int restart;
    private final Stopping stopping;
    private int lastIterations;
    private double lastResidual;

    /** Where the cycles and GMRES iterations of every solve are reported. */
    private final ProgressListener progress;
    /** The current phase's counter (one unit per cycle or operator application). */
    private WorkCounter counter = WorkCounter.NONE;

    /**
     * @param generator the chain
     * @param shape     the aggregates' shape
     * @param cycle     the cycle's sweeps and visits
     * @param start     System.nanoTime() when the solve began (for the result's seconds)
     * @param initial   the starting vector (positive, length n; a previous attempt's answer carried onto this space),
     *                  or null for the uniform vector; not modified
     * @param progress  where each solve's cycles and iterations are reported
     */
    MultigridFactorization(Generator generator, SpinAggregates.Shape shape, AggregationMultigrid.Cycle cycle,
                           long start, double[] initial, ProgressListener progress) {
        this(generator, shape, cycle, RESTART, FULL, start, initial, progress);
    }

    /**
     * As the six-argument constructor, with GMRES's restart given.
     *
     * @param generator the chain
     * @param shape     the aggregates' shape
     * @param cycle     the cycle's sweeps and visits
     * @param restart   GMRES's basis vectors per cycle (the basis costs 8 (restart + 3) bytes per state)
     * @param start     System.nanoTime() when the solve began (for the result's seconds)
     * @param initial   the starting vector, or null for the uniform vector; not modified
     * @param progress  where each solve's cycles and iterations are reported
     */
    MultigridFactorization(Generator generator, SpinAggregates.Shape shape, AggregationMultigrid.Cycle cycle,
                           int restart, long start, double[] initial, ProgressListener progress) {
        this(generator, shape, cycle, restart, FULL, start, initial, progress);
    }

    /**
     * As the six-argument constructor, with GMRES's restart and the stopping rule given.
     *
     * @param generator the chain
     * @param shape     the aggregates' shape
     * @param cycle     the cycle's sweeps and visits
     * @param restart   GMRES's basis vectors per cycle (the basis costs 8 (restart + 3) bytes per state)
     * @param stopping  how far the stationary solve goes ({@link #FULL} or {@link #SCREENING})
     * @param start     System.nanoTime() when the solve began (for the result's seconds)
     * @param initial   the starting vector, or null for the uniform vector; not modified
     * @param progress  where each solve's cycles and iterations are reported
     */
    MultigridFactorization(Generator generator, SpinAggregates.Shape shape, AggregationMultigrid.Cycle cycle,
                           int restart, Stopping stopping, long start, double[] initial, ProgressListener progress) {
        this.stopping = stopping;
        this.generator = generator;
        this.restart = restart;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        StateSpace space = generator.space();
        int n = space.size();
        HeapBudget.require(BYTES_PER_STATE * n, "multigrid solver", "for " + n + " states",
                "give Java more heap (QPSPIN_JAVA_OPTS=\"-Xmx…\") or truncate tighter");
        for (int i = 0; i < n && n > 1; i++) {
            if (!(generator.exitRate(i) > 0.0)) {
                throw new IllegalArgumentException("chain is reducible: state (N=" + space.levelOf(i) + ", m="
                        + space.mOf(i) + ") has no transitions out");
            }
        }
        rows = generator.rows(); // no copy when the generator was assembled by rows
        multigrid = new AggregationMultigrid(rows, SpinAggregates.levelLines(space),
                SpinAggregates.hierarchy(space, shape), cycle);
        double[] p = new double[n];
        boolean carried = initial != null && initial.length == n;
        if (carried) {
            System.arraycopy(initial, 0, p, 0, n);
        } else {
            java.util.Arrays.fill(p, 1.0 / n);
        }
        // counted in cycles and operator products, against their caps (a converged solve ends early, at 100 %)
        counter = WorkCounter.start(this.progress, "multigrid stationary vector",
                MAX_START_CYCLES + MAX_ITERATIONS + MAX_POLISH_CYCLES + MAX_ITERATIONS);
        int startCycles = 0;
        double[] previous = new double[n];
        double lastChange = Double.POSITIVE_INFINITY;
        while (startCycles < MAX_START_CYCLES
                && (relativeResidual(p) > KRYLOV_START || !(lastChange <= START_CHANGE))) {
            System.arraycopy(p, 0, previous, 0, n);
            multigrid.cycle(p);
            counter.add(1);
            startCycles++;
            lastChange = largestChange(previous, p);
        }
        previous = null; // not held while GMRES's basis is (allocated again for the polish)
        multigrid.freeze(p);
        boolean converged = gmres(null, p, fluxNorm(p), stopping.krylovTolerance());
        int gmresIterations = lastIterations;
        for (int i = 0; i < n; i++) {
            if (!(p[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalStateException("multigrid iteration gave p[" + i + "] = " + p[i]
                        + " (rates out of range?)");
            }
            if (p[i] < 0.0) {
                p[i] = 0.0;
            }
        }
        int polish = 0;
        previous = new double[n];
        double change = Double.POSITIVE_INFINITY;
        double entryError = Double.POSITIVE_INFINITY;
        while (polish < stopping.maxPolishCycles() && !(entryError <= stopping.polishTolerance())) {
            System.arraycopy(p, 0, previous, 0, n);
            multigrid.cycle(p);
            counter.add(1);
            polish++;
            double last = change;
            change = largestChange(previous, p);
            entryError = entrywiseError(change, polish > 1 ? last : Double.NaN);
        }
        boolean polished = entryError <= stopping.polishTolerance();
        boolean zero = false;
        for (double v : p) {
            zero |= v == 0.0;
        }
        if (zero) { // a transient state, or a probability below the double range: find out which
            PinnedState.requireReachableFrom(generator, argmax(p));
        }
        StationaryResult result = StationaryResult.of(generator, p, "multigrid", (System.nanoTime() - start) * 1e-9);
        if (stopping.screening()) {
            result = result.asScreening();
        }
        // the freeze for the group-inverse solves, at the final vector
        multigrid.freeze(result.probabilitiesView());
        double[] error = stopping.estimateErrors() ? momentErrors(result) : new double[] {Double.NaN, Double.NaN};
        counter.finish();
        counter = WorkCounter.NONE;
        diagnostics = new Diagnostics(multigrid.depth(), startCycles, gmresIterations, polish,
                converged && polished, result.relativeResidual(), error[0], error[1], entryError);
        keep(result.withSolver(describe(diagnostics, stopping)));
    }

    private static String describe(Diagnostics d, Stopping stopping) {
        return String.format(Locale.ROOT, "multigrid%s[%d levels; %d+%d+%d cycles/iterations%s; entries >= %.0e p_max"
                        + " est. rel. error %.1e; residual %.1e; est. error <N> %.1e, Var N %.1e]",
                stopping.screening() ? String.format(Locale.ROOT, " screening (GMRES to %.0e, polish to %.0e)",
                        stopping.krylovTolerance(), stopping.polishTolerance()) : "", d.levels(),
                d.startCycles(), d.gmresIterations(), d.polishCycles(), d.converged() ? "" : ", NOT converged",
                POLISH_FLOOR, d.entrywiseError(), d.relativeResidual(), d.meanNError(), d.varianceNError());
    }

    /** The diagnostics of the stationary solve. */
    Diagnostics diagnostics() {
        return diagnostics;
    }

    @Override
    public IterativeDiagnostics iterativeDiagnostics() {
        Diagnostics d = diagnostics;
        return new IterativeDiagnostics("multigrid", d.levels(), d.startCycles() + d.polishCycles(),
                d.gmresIterations(), d.converged(), d.relativeResidual(), d.meanNError(), d.varianceNError());
    }

    /** The error estimate of ⟨N⟩ and Var N (see the class comment): {Σ N δ, Σ (N − ⟨N⟩)² δ}. */
    private double[] momentErrors(StationaryResult result) {
        int n = result.states();
        double[] p = result.probabilitiesView();
        double[] r = new double[n];
        rows.multiply(p, r);
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            r[i] = -r[i];
            total += r[i];
        }
        for (int i = 0; i < n; i++) { // 1ᵀ r = 0 up to rounding: make it exact along p
            r[i] -= total * p[i];
        }
        double[] delta = new double[n];
        multigrid.precondition(r, delta);
        new Gmres(this::multiplyCounted, multigrid::precondition, restart, MAX_ITERATIONS)
                .solve(r, delta, ESTIMATE_TOLERANCE, Math.max(norm2(r), Double.MIN_NORMAL));
        double sum = 0.0;
        for (double v : delta) {
            sum += v;
        }
        double mean = result.meanN();
        double dMean = 0.0;
        double dVar = 0.0;
        StateSpace space = result.space();
        for (int i = 0; i < n; i++) {
            double d = delta[i] - sum * p[i];
            double level = space.levelOf(i);
            dMean += level * d;
            dVar += (level - mean) * (level - mean) * d;
        }
        return new double[] {Math.abs(dMean), Math.abs(dVar)};
    }

    /**
     * The entrywise error estimate of the polish: with c_k the largest relative change of an entry above
     * {@value #POLISH_FLOOR} p_max in polishing cycle k and ρ = c_k / c_{k−1} its observed contraction, a linearly
     * converging iteration's error before cycle k is Σ_{j≥0} ρʲ c_k = c_k / (1 − ρ). That bound of the previous
     * iterate is what is reported for the last one: the ratio of the first cycles underestimates the slow modes'
     * (measured on the test chains of MultigridSolverTest: ρ rises 0.19 → 0.44 over 8 cycles; after 2 cycles the
     * actual error against lu was 8.2e-12, c_k ρ / (1 − ρ) 2.8e-12, c_k / (1 − ρ) 1.5e-11). At the rounding floor
     * (c_k ≤ {@value #ROUNDING_CHANGE}) the change itself is the estimate; with one cycle only (ρ unknown) or ρ ≥ 1
     * there is none (+∞: polish on).
     */
    private static double entrywiseError(double change, double previousChange) {
        if (change <= ROUNDING_CHANGE) {
            return change;
        }
        double rho = change / previousChange;
        return rho < 1.0 ? change / (1.0 - rho) : Double.POSITIVE_INFINITY;
    }

    /** The largest relative change max |a_i − b_i| / a_i over the entries a_i above {@value #POLISH_FLOOR} p_max. */
    private static double largestChange(double[] before, double[] after) {
        double sumBefore = 0.0;
        double sumAfter = 0.0;
        double max = 0.0;
        for (int i = 0; i < after.length; i++) {
            sumBefore += before[i];
            sumAfter += after[i];
            max = Math.max(max, after[i]);
        }
        double floor = POLISH_FLOOR * max;
        double largest = 0.0;
        for (int i = 0; i < after.length; i++) {
            if (after[i] > floor) {
                double a = after[i] / sumAfter;
                largest = Math.max(largest, Math.abs(before[i] / sumBefore - a) / a);
            }
        }
        return largest;
    }

    private double relativeResidual(double[] x) {
        double[] rf = rows.residualAndFlux(x);
        return rf[1] == 0.0 ? rf[0] : rf[0] / (2.0 * rf[1]);
    }

    private boolean gmres(double[] b, double[] x, double scale) {
        return gmres(b, x, scale, CONVERGED);
    }

    private boolean gmres(double[] b, double[] x, double scale, double tolerance) {
        Gmres.Result result = new Gmres(this::multiplyCounted, multigrid::precondition, restart, MAX_ITERATIONS)
                .solve(b, x, tolerance, scale);
        lastIterations = result.iterations();
        lastResidual = result.relativeResidual();
        return result.converged();
    }

    /** y = L x, one unit of progress (an iteration of GMRES, or its restart's residual). */
    private void multiplyCounted(double[] x, double[] y) {
        rows.multiply(x, y);
        counter.add(1);
    }

    /** ‖e∘x‖₂: the size of the flux terms whose balance L x is. */
    private double fluxNorm(double[] x) {
        double sum = 0.0;
        double[] exit = rows.exitRates();
        for (int i = 0; i < x.length; i++) {
            double f = exit[i] * x[i];
            sum += f * f;
        }
        return Math.sqrt(sum);
    }

    private static double norm2(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * x = L^# b: GMRES preconditioned by the frozen cycle, from x = B b, to ‖b − L x‖₂ ≤ {@value #CONVERGED}
     * ‖e∘x‖₂; then x −= (Σ x) p. When GMRES does not meet its rule the last iterate is returned
     * ({@link #lastResidual()} says how far it got; NoiseAnalysis checks the residual).
     */
    @Override
    public void solveGroupInverse(double[] b, double[] x) {
        int n = rows.size();
        if (b.length != n || x.length != n) {
            throw new IllegalArgumentException("vectors must have length " + n);
        }
        if (b == x) {
            throw new IllegalArgumentException("x may not alias b");
        }
        multigrid.precondition(b, x);
        counter = WorkCounter.start(progress, "multigrid group-inverse solve",
                MAX_ITERATIONS + MAX_ITERATIONS / RESTART + 1);
        gmres(b, x, fluxNorm(x));
        counter.finish();
        counter = WorkCounter.NONE;
        removeStationaryComponent(x);
    }

    /** The heap the multigrid hierarchy holds, in bytes ({@link AggregationMultigrid#heapBytes}). */
    long hierarchyBytes() {
        return multigrid.heapBytes();
    }

    /** GMRES iterations of the last group-inverse solve. */
    int lastIterations() {
        return lastIterations;
    }

    /** ‖b − L x‖₂ / scale at the end of the last group-inverse solve. */
    double lastResidual() {
        return lastResidual;
    }

    /** The generator solved. */
    Generator generator() {
        return generator;
    }
}
