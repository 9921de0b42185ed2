package org.qpspin.linalg.amg;

import java.util.ArrayList;
import java.util.List;
import org.qpspin.linalg.FixedBlockLoops;

/**
 * Multiplicative aggregation multigrid for the stationary vector of a Markov chain (L p = 0), and its linear
 * twin as a preconditioner for L x = b.
 *
 * <p>The nonlinear V-cycle ({@link #cycle}) is the multilevel aggregation/disaggregation of H. De Sterck,
 * T. A. Manteuffel, S. F. McCormick, Q. Nguyen and J. Ruge, "Multilevel adaptive aggregation for Markov chains,
 * with application to web ranking", SIAM J. Sci. Comput. 30, 2235 (2008), and of De Sterck, Manteuffel,
 * McCormick, Miller, Pearson, Ruge and Sanders, "Smoothed aggregation multigrid for Markov chains", SIAM J. Sci.
 * Comput. 32, 40 (2010) without the smoothing of P; two levels of it are Takahashi's iterative
 * aggregation/disaggregation (IAD; W. J. Stewart, "Introduction to the Numerical Solution of Markov Chains",
 * 1994, §6.3). On level k with iterate x: ν₁ line Gauss–Seidel sweeps ({@link LineGaussSeidel}); aggregate masses
 * W_J = Σ_{j∈J} x_j and the prolongation P = diag(f) Q with f_j = x_j / W_J (Q the 0/1 aggregation matrix);
 * the coarse generator L_c = Qᵀ L P, whose off-diagonal rates are weighted sums of fine rates and whose exit rates
 * are its column sums (no subtraction: L_c is again a generator, the chain of the aggregates with x's weights
 * inside each); the coarse iterate starts at W, is improved by the same cycle (exactly by {@link DenseGth} on the
 * coarsest level), and x ← P x_c (a multiplicative correction: every state of aggregate J is scaled by
 * x_c[J] / W_J); then ν₂ sweeps. The exact p is a fixed point, and all steps add non-negative terms only, so
 * x stays ≥ 0 and small entries converge in the relative sense too.
 *
 * <p>The linear cycle ({@link #precondition}) freezes the coarse generators at a vector w ({@link #freeze}) and
 * applies the same V-cycle to a correction equation L e = r (zero initial guess, residual restricted by Qᵀ, the
 * coarse correction prolonged by P, the coarsest level's consistent singular system solved with x_0 = 0): a
 * linear map, the right preconditioner of {@link org.qpspin.linalg.krylov.Gmres} for L x = b with 1ᵀ b = 0 (the
 * group-inverse solves of the noise).
 *
 * <p>Optionally ({@link Cycle#krylovEvery} s &gt; 0) the linear cycle is a K-cycle: coarse levels s, 2s, … are solved
 * by two steps of flexible GCR preconditioned by their own cycle (Y. Notay and P. S. Vassilevski, "Recursive
 * Krylov-based multigrid cycles", Numer. Linear Algebra Appl. 15, 473 (2008); Y. Notay, "An aggregation-based
 * algebraic multigrid method", ETNA 37, 123 (2010)). The preconditioner is then not a linear map
 * ({@link #variablePreconditioner}) and needs a flexible outer method. Measured (docs/benchmarks.md, issue 18,
 * fourth round): flat stationary GMRES counts but no faster per solve, and S_N(0) solves not robust; not the default.
 *
 * <p>Memory ({@link #heapBytes}): per level the generator's rows (12 bytes per off-diagonal entry; the fine level's
 * are the caller's), the aggregation (aggregate and member lists, 8 bytes per state, the prolongation weights 8), the
 * smoother's three doubles per state, and on coarse levels two vectors; one residual vector and the smoothers'
 * refresh scratch shared by all levels. Measured 290 bytes per fine state on the edge-of-polarization windows with
 * aggregates of 2 (docs/benchmarks.md, issue 18). Not thread-safe.
 */
public final class AggregationMultigrid {

    /**
     * Cycle parameters.
     *
     * @param preSweeps    ν₁, line Gauss–Seidel sweeps before the coarse correction (alternating direction)
     * @param postSweeps   ν₂, sweeps after it
     * @param coarseVisits γ: 1 for a V-cycle, 2 for a W-cycle
     * @param krylovEvery  s: the linear cycle's coarse levels ℓ = s, 2s, 3s, … (below the fine level, above the dense
     *                     coarsest) are solved by two steps of flexible GCR preconditioned by their own cycle (the
     *                     K-cycle of Notay and Vassilevski, see {@link #precondition}); 0 for none (a plain V- or
     *                     W-cycle). With aggregates halving the states per level, s = 2 keeps the work per cycle
     *                     O(n): the states shrink 4× between accelerated levels, whose cycles run at most twice.
     */
    public record Cycle(int preSweeps, int postSweeps, int coarseVisits, int krylovEvery) {
        /**
         * Checks the parameters.
         *
         * @param preSweeps    ν₁ ≥ 0
         * @param postSweeps   ν₂ ≥ 0
         * @param coarseVisits γ ≥ 1
         * @param krylovEvery  s ≥ 0 (0: no Krylov acceleration)
         * @throws IllegalArgumentException if a sweep count or s is negative or {@code coarseVisits} &lt; 1
         */
        public Cycle {
            if (preSweeps < 0 || postSweeps < 0 || coarseVisits < 1 || krylovEvery < 0) {
                throw new IllegalArgumentException("need sweeps >= 0, coarse visits >= 1 and krylovEvery >= 0");
            }
        }

        /**
         * A cycle without Krylov acceleration (krylovEvery = 0).
         *
         * @param preSweeps    ν₁ ≥ 0
         * @param postSweeps   ν₂ ≥ 0
         * @param coarseVisits γ ≥ 1
         * @throws IllegalArgumentException if a sweep count is negative or {@code coarseVisits} &lt; 1
         */
        public Cycle(int preSweeps, int postSweeps, int coarseVisits) {
            this(preSweeps, postSweeps, coarseVisits, 0);
        }
    }

    /** One level: its generator, smoother, and (except the coarsest) the aggregation to the next level. */
    private static final class Level {
        final GeneratorRows rows;
        final LineGaussSeidel smoother;
        int[] aggregateOf;
        int coarseCount;
        /** The states of aggregate J are members[memberStart[J]] … members[memberStart[J + 1] − 1], ascending. */
        int[] memberStart;
        int[] members;
        /**
         * The states that are the first (lowest) member of their aggregate: the aggregate loops visit aggregates in
         * the order of their first members, so that they read the fine level's rows and vectors nearly in order
         * (an aggregate's members lie levels apart; coarse numbers run across them).
         */
        java.util.BitSet firstMember;
        /** The prolongation's weights f_j = x_j / W_J. */
        double[] weight;
        double[] mass;
        /**
         * A coarse level's iterate in the nonlinear cycle and its correction in the linear one (never both at once:
         * {@link #freeze} leaves only masses in it, which the linear cycle overwrites); null on the fine level, whose
         * vectors are the caller's.
         */
        final double[] iterate;
        /** A coarse level's right-hand side in the linear cycle; null on the fine level. */
        final double[] rhs;
        /**
         * On a Krylov-accelerated level ({@link Cycle#krylovEvery}): A c₁ of the first GCR step and the second
         * step's preconditioned direction c₂; null elsewhere.
         */
        double[] krylovProduct;
        double[] krylovDirection;

        Level(GeneratorRows rows, int[] lineStart, LineGaussSeidel.Scratch scratch, boolean fine) {
            this.rows = rows;
            this.smoother = new LineGaussSeidel(rows, lineStart, scratch);
            int n = rows.size();
            iterate = fine ? null : new double[n];
            rhs = fine ? null : new double[n];
        }
    }

    /** The residual of the linear cycle, shared by all levels (a level needs it only until it is restricted). */
    private final double[] residual;
    /** The smoothers' work arrays for their refresh, shared by all levels (the largest coarse level's size). */
    private final LineGaussSeidel.Scratch scratch = new LineGaussSeidel.Scratch();

    private final List<Level> levels = new ArrayList<>();
    private final Cycle cycle;
    private DenseGth coarsest;

    /**
     * Builds the hierarchy's pattern: the fine generator with its lines, and one {@link GridAggregation} per
     * further level (aggregation k maps level k's states to level k+1's; its lineStart gives level k+1's lines).
     * The last level is solved densely; keep it small (hundreds of states). The coarse levels' rates are
     * allocated here (their pattern is symbolic: Qᵀ A Q's non-zeros) and filled by {@link #cycle} or
     * {@link #freeze}.
     *
     * @param fine         the fine level's generator (not copied: its rates are read by every cycle)
     * @param fineLines    the fine level's lines for {@link LineGaussSeidel} (lineStart form: 0 … n)
     * @param aggregations aggregation k maps level k's states to level k+1's (its {@code aggregateOf} has level
     *                     k's size); empty for a one-level (dense) solve
     * @param cycle        sweeps and coarse visits per level
     * @throws IllegalArgumentException if an aggregation's size does not match its level, or lines do not cover
     *                                  their level
     */
    public AggregationMultigrid(GeneratorRows fine, int[] fineLines, List<GridAggregation> aggregations, Cycle cycle) {
        this.cycle = cycle;
        Level level = new Level(fine, fineLines, scratch, true);
        levels.add(level);
        residual = new double[fine.size()];
        scratch.release(); // the fine level is refreshed once: the coarse levels need the scratch at their size
        for (GridAggregation aggregation : aggregations) {
            if (aggregation.aggregateOf().length != level.rows.size()) {
                throw new IllegalArgumentException("aggregation of " + aggregation.aggregateOf().length
                        + " states for a level of " + level.rows.size());
            }
            Level next = new Level(coarsePattern(level, aggregation), aggregation.lineStart(), scratch, false);
            levels.add(next);
            level = next;
        }
        for (int k = 1; k + 1 < levels.size(); k++) {
            if (krylovLevel(k)) {
                Level l = levels.get(k);
                l.krylovProduct = new double[l.rows.size()];
                l.krylovDirection = new double[l.rows.size()];
            }
        }
    }

    /** Whether coarse level k's linear solve is Krylov-accelerated (k a multiple of s, not fine, not coarsest). */
    private boolean krylovLevel(int k) {
        int s = cycle.krylovEvery();
        return s > 0 && k > 0 && k + 1 < levels.size() && k % s == 0;
    }

    /**
     * Whether {@link #precondition} is a variable (nonlinear) map: true when some level is Krylov-accelerated,
     * whose GCR coefficients depend on the right-hand side. An outer Krylov method must then be flexible
     * ({@link org.qpspin.linalg.krylov.FlexibleGmres}).
     *
     * @return true if the linear cycle has a Krylov-accelerated level
     */
    public boolean variablePreconditioner() {
        for (int k = 1; k + 1 < levels.size(); k++) {
            if (krylovLevel(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Number of levels.
     *
     * @return levels of the hierarchy, the fine one and the dense coarsest included (≥ 1)
     */
    public int depth() {
        return levels.size();
    }

    /**
     * States of one level.
     *
     * @param k level, 0 (fine) … {@link #depth()} − 1
     * @return number of states (aggregates) of level k
     * @throws IndexOutOfBoundsException if k is not a level
     */
    public int levelSize(int k) {
        return levels.get(k).rows.size();
    }

    /**
     * Blocks of lines of one level's smoother ({@link LineGaussSeidel#blockCount}): 1 for the plain order, 2 where
     * the level's sweeps run on two cores.
     *
     * @param k level, 0 (fine) … {@link #depth()} − 1
     * @return the number of blocks of level k's lines
     * @throws IndexOutOfBoundsException if k is not a level
     */
    public int levelBlocks(int k) {
        return levels.get(k).smoother.blockCount();
    }

    /**
     * Off-diagonal entries of one level's generator.
     *
     * @param k level, 0 (fine) … {@link #depth()} − 1
     * @return stored off-diagonal rates of level k (its memory is 12 bytes per entry)
     * @throws IndexOutOfBoundsException if k is not a level
     */
    public int levelEntries(int k) {
        return levels.get(k).rows.offDiagonals();
    }

    /**
     * The heap the hierarchy holds besides the fine generator (which it reads and does not copy): per level the
     * smoother ({@link LineGaussSeidel#heapBytes}), the aggregation (aggregate of every state and its place in the
     * list of members 8 bytes, prolongation weight 8, a first-member bit, member start and mass 12 per aggregate),
     * on the coarse levels their generator's rows (12 bytes per entry, 12 per state) and two vectors (16 per state); the
     * shared residual (8 bytes per fine state) and smoother scratch (16 per state of the largest coarse level);
     * the coarsest level's dense factors (8 n² bytes). Counted from the arrays' lengths (array payloads, without
     * the JVM's object headers: a few bytes per array).
     *
     * @return bytes held between solves (the work of one {@link DenseGth#solve} is transient and not counted)
     */
    public long heapBytes() {
        long bytes = 8L * residual.length;
        int largestCoarse = 0;
        for (int k = 0; k < levels.size(); k++) {
            Level level = levels.get(k);
            int n = level.rows.size();
            bytes += level.smoother.heapBytes();
            if (k > 0) {
                bytes += 4L * (n + 1) + 12L * level.rows.offDiagonals() + 8L * n + 16L * n;
                if (level.krylovProduct != null) {
                    bytes += 16L * n;
                }
                largestCoarse = Math.max(largestCoarse, n);
            }
            if (level.aggregateOf != null) {
                bytes += 4L * n + 4L * level.members.length + 4L * level.memberStart.length + 8L * n + n / 8
                        + 8L * level.mass.length;
            }
        }
        int last = levels.get(levels.size() - 1).rows.size();
        return bytes + 16L * largestCoarse + 8L * last * last + 16L * last;
    }

    /** The symbolic coarse generator of level.aggregate; fills level's member lists. */
    private static GeneratorRows coarsePattern(Level level, GridAggregation aggregation) {
        GeneratorRows a = level.rows;
        int n = a.size();
        int nc = aggregation.count();
        int[] agg = aggregation.aggregateOf();
        level.aggregateOf = agg;
        level.coarseCount = nc;
        level.weight = new double[n];
        level.mass = new double[nc];
        // members of each aggregate
        int[] memberStart = new int[nc + 1];
        for (int i = 0; i < n; i++) {
            memberStart[agg[i] + 1]++;
        }
        for (int c = 0; c < nc; c++) {
            memberStart[c + 1] += memberStart[c];
        }
        int[] members = new int[n];
        int[] fill = java.util.Arrays.copyOf(memberStart, nc);
        for (int i = 0; i < n; i++) {
            members[fill[agg[i]]++] = i;
        }
        int[] marker = new int[nc];
        java.util.Arrays.fill(marker, -1);
        int[] rowStart = new int[nc + 1];
        int[] start = a.rowStart();
        int[] cols = a.columns();
        for (int c = 0; c < nc; c++) { // count
            int count = 0;
            for (int q = memberStart[c]; q < memberStart[c + 1]; q++) {
                int i = members[q];
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int d = agg[cols[e]];
                    if (d != c && marker[d] != c) {
                        marker[d] = c;
                        count++;
                    }
                }
            }
            rowStart[c + 1] = rowStart[c] + count;
        }
        int[] columns = new int[rowStart[nc]];
        java.util.Arrays.fill(marker, -1);
        for (int c = 0; c < nc; c++) { // fill
            int next = rowStart[c];
            for (int q = memberStart[c]; q < memberStart[c + 1]; q++) {
                int i = members[q];
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int d = agg[cols[e]];
                    if (d != c && marker[d] != c) {
                        marker[d] = c;
                        columns[next++] = d;
                    }
                }
            }
        }
        level.memberStart = memberStart;
        level.firstMember = new java.util.BitSet(n);
        for (int c = 0; c < nc; c++) {
            level.firstMember.set(members[memberStart[c]]);
        }
        level.members = members;
        return new GeneratorRows(rowStart, columns, new double[columns.length], new double[nc]);
    }

    /**
     * Sets level k's prolongation weights from its vector x (f_j = x_j / W_J; 1 / |J| where W_J = 0) and the
     * rates of level k+1 (L_c = Qᵀ L diag(f) Q, exit rates as column sums); W goes to level.mass.
     */
    private void coarsen(int k, double[] x) {
        Level level = levels.get(k);
        Level next = levels.get(k + 1);
        int[] agg = level.aggregateOf;
        double[] mass = level.mass;
        int[] memberStart = level.memberStart;
        int[] members = level.members;
        double[] weight = level.weight;
        // W_J over J's members in ascending order (the order of one pass over x), then f_j = x_j / W_J (1 / |J|
        // where W_J = 0): aggregates are independent, so large levels split them over the pool
        forEachAggregate(level, c -> {
            double w = 0.0;
            for (int q = memberStart[c]; q < memberStart[c + 1]; q++) {
                w += x[members[q]];
            }
            mass[c] = w;
            double uniform = 1.0 / (memberStart[c + 1] - memberStart[c]);
            for (int q = memberStart[c]; q < memberStart[c + 1]; q++) {
                int i = members[q];
                weight[i] = w > 0.0 ? x[i] / w : uniform;
            }
        });
        double[] coarseRates = next.rows.rates();
        double[] coarseExit = next.rows.exitRates();
        java.util.Arrays.fill(coarseExit, 0.0);
        int[] start = level.rows.rowStart();
        int[] cols = level.rows.columns();
        double[] rates = level.rows.rates();
        int[] cStart = next.rows.rowStart();
        int[] cCols = next.rows.columns();
        // coarse row c gathers its members' rows in ascending order: each coarse rate is the same sum, in the
        // same order, as a pass over the fine rows would make; rows are independent (over the pool when large).
        // A column's place in the short coarse row is found by a scan from the last place found: the row's columns
        // are stored in the order this same walk first meets them (coarsePattern)
        forEachAggregate(level, c -> {
            int rowFrom = cStart[c];
            int rowTo = cStart[c + 1];
            java.util.Arrays.fill(coarseRates, rowFrom, rowTo, 0.0);
            int place = rowFrom;
            for (int q = memberStart[c]; q < memberStart[c + 1]; q++) {
                int i = members[q];
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int j = cols[e];
                    int d = agg[j];
                    if (d != c) {
                        while (cCols[place] != d) {
                            place = place + 1 < rowTo ? place + 1 : rowFrom;
                        }
                        coarseRates[place] += rates[e] * weight[j];
                    }
                }
            }
        });
        for (int c = 0, nc = next.rows.size(); c < nc; c++) {
            for (int e = cStart[c]; e < cStart[c + 1]; e++) {
                coarseExit[cCols[e]] += coarseRates[e];
            }
        }
        if (k + 1 == levels.size() - 1) {
            coarsest = new DenseGth(next.rows, argmax(mass));
        } else {
            next.smoother.refresh();
        }
    }

    /**
     * Runs {@code body} on every aggregate of the level once, in the order of their first members (blocks of
     * {@link FixedBlockLoops#BLOCK} fine states over the pool on a large level; each aggregate in the block of its
     * first member). The body must write only its aggregate's data.
     */
    private static void forEachAggregate(Level level, java.util.function.IntConsumer body) {
        java.util.BitSet first = level.firstMember;
        int[] agg = level.aggregateOf;
        FixedBlockLoops.forEach(agg.length, (from, to) -> {
            for (int i = first.nextSetBit(from); i >= 0 && i < to; i = first.nextSetBit(i + 1)) {
                body.accept(agg[i]);
            }
        });
    }

    /**
     * x ← P x_c: x_i = f_i x_c[J(i)] (the nonlinear cycle's prolongation), element-wise, over the pool on a large
     * level.
     */
    private static void prolong(Level level, double[] coarse, double[] x) {
        int[] agg = level.aggregateOf;
        double[] weight = level.weight;
        FixedBlockLoops.forEach(x.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                x[i] = weight[i] * coarse[agg[i]];
            }
        });
    }

    /**
     * r_c = Qᵀ (r − L e) given res = L e: each aggregate's sum over its members in ascending order (the order of one
     * pass over the states), aggregates over the pool on a large level.
     */
    private static void restrict(Level level, double[] r, double[] res, double[] rc) {
        int[] memberStart = level.memberStart;
        int[] members = level.members;
        forEachAggregate(level, c -> {
            double sum = 0.0;
            for (int q = memberStart[c]; q < memberStart[c + 1]; q++) {
                int i = members[q];
                sum += r[i] - res[i];
            }
            rc[c] = sum;
        });
    }

    /** e ← e + P e_c (the linear cycle's coarse correction), element-wise, over the pool on a large level. */
    private static void correct(Level level, double[] ec, double[] e) {
        int[] agg = level.aggregateOf;
        double[] weight = level.weight;
        FixedBlockLoops.forEach(e.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                e[i] += weight[i] * ec[agg[i]];
            }
        });
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * One nonlinear cycle for L x = 0, in place: sweeps, the coarse correction x ← P x_c (each aggregate scaled
     * by its coarse correction), sweeps, each sweep's result rescaled to the entry sum. Σ x is kept (to rounding)
     * and x ≥ 0 stays ≥ 0; the exact stationary vector (times Σ x) is a fixed point. It also rebuilds every
     * coarse generator at the current iterate, so the frozen preconditioner changes ({@link #freeze} again
     * before using {@link #precondition}).
     *
     * @param x the iterate (length {@code levelSize(0)}, x ≥ 0, not all 0), overwritten by the next one
     * @throws IllegalArgumentException if the coarsest generator is reducible at this iterate
     */
    public void cycle(double[] x) {
        cycle(0, x);
    }

    private void cycle(int k, double[] x) {
        Level level = levels.get(k);
        if (k == levels.size() - 1) {
            double total = 0.0;
            for (double v : x) {
                total += v;
            }
            (k == 0 ? new DenseGth(level.rows, argmax(x)) : coarsest).stationary(x, total);
            return;
        }
        double total = sum(x);
        for (int s = 0; s < cycle.preSweeps(); s++) {
            level.smoother.sweep(null, x, (s & 1) == 0);
        }
        rescale(x, total);
        for (int visit = 0; visit < cycle.coarseVisits(); visit++) {
            coarsen(k, x);
            double[] coarse = levels.get(k + 1).iterate;
            System.arraycopy(level.mass, 0, coarse, 0, coarse.length);
            cycle(k + 1, coarse);
            prolong(level, coarse, x);
        }
        for (int s = 0; s < cycle.postSweeps(); s++) {
            level.smoother.sweep(null, x, (s & 1) == 1);
        }
        rescale(x, total);
    }

    /** Σ x over blocks of {@link FixedBlockLoops#BLOCK} entries, the partial sums added in order. */
    private static double sum(double[] x) {
        return FixedBlockLoops.sum(x.length, (from, to) -> {
            double s = 0.0;
            for (int i = from; i < to; i++) {
                s += x[i];
            }
            return s;
        });
    }

    /**
     * x ← x · total / Σ x. A sweep of the homogeneous system L x = 0 does not keep Σ x: from a poor start each
     * sweep can multiply it by a large factor (10⁷⁰ on the SR test chain's first cycle), and repeated cycles
     * would overflow. Scaling by a positive number keeps x ≥ 0 and every ratio; where Σ x is 0 or not finite
     * (nothing to scale by) x is left as it is.
     */
    private static void rescale(double[] x, double total) {
        double now = sum(x);
        if (now > 0.0 && now < Double.POSITIVE_INFINITY && total > 0.0 && now != total) {
            double factor = total / now;
            FixedBlockLoops.forEach(x.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    x[i] *= factor;
                }
            });
        }
    }

    /**
     * Freezes the coarse generators at w (w ≥ 0, not all 0): level k+1's weights are level k's aggregate
     * masses. The linear cycle ({@link #precondition}) uses them until the next freeze or nonlinear cycle.
     *
     * @param w the vector the prolongations are built from (length {@code levelSize(0)}; not modified), in
     *          practice the current estimate of the stationary vector
     * @throws IllegalArgumentException if the coarsest generator is reducible at w
     */
    public void freeze(double[] w) {
        double[] x = w;
        for (int k = 0; k + 1 < levels.size(); k++) {
            coarsen(k, x);
            double[] coarse = levels.get(k + 1).iterate;
            System.arraycopy(levels.get(k).mass, 0, coarse, 0, coarse.length);
            x = coarse;
        }
        if (levels.size() == 1) {
            coarsest = new DenseGth(levels.get(0).rows, argmax(w));
        }
    }

    /**
     * e = B r, the linear cycle applied to L e = r with the frozen coarse generators (call {@link #freeze}
     * first). Linear in r; for 1ᵀ r = 0 an approximation of a solution of L e = r (on levels whose lines or
     * coarsest system are closed, the solution with the heaviest state pinned at 0). Not subtraction-free (r has
     * both signs): the right preconditioner of {@link org.qpspin.linalg.krylov.Gmres}.
     *
     * @param r the right-hand side (length {@code levelSize(0)}; not modified)
     * @param e the approximate solution (same length, overwritten; may not alias r)
     */
    public void precondition(double[] r, double[] e) {
        linearCycle(0, r, e);
    }

    private void linearCycle(int k, double[] r, double[] e) {
        Level level = levels.get(k);
        if (k == levels.size() - 1) {
            coarsest.solve(r, e);
            return;
        }
        java.util.Arrays.fill(e, 0.0);
        for (int s = 0; s < cycle.preSweeps(); s++) {
            level.smoother.sweep(r, e, (s & 1) == 0);
        }
        Level next = levels.get(k + 1);
        for (int visit = 0; visit < cycle.coarseVisits(); visit++) {
            double[] res = residual;
            level.rows.multiply(e, res);
            double[] rc = next.rhs;
            restrict(level, r, res, rc);
            double[] ec = next.iterate;
            if (next.krylovProduct != null) {
                krylovCycle(k + 1, rc, ec);
            } else {
                linearCycle(k + 1, rc, ec);
            }
            correct(level, ec, e);
        }
        for (int s = 0; s < cycle.postSweeps(); s++) {
            level.smoother.sweep(r, e, (s & 1) == 1);
        }
    }

    /**
     * Below this relative residual after the first GCR step, the second is skipped (Notay, ETNA 37 (2010), §3:
     * t = 0.25).
     */
    static final double KRYLOV_SKIP = 0.25;

    /**
     * x ≈ A_k⁻¹ r on a Krylov-accelerated level: at most two steps of flexible GCR preconditioned by level k's
     * linear cycle B_k (Notay and Vassilevski 2008, Notay 2010, Alg. 3.2), in the inner product ⟨a, b⟩ = Σ a_i b_i / e_i
     * (e the level's exit rates). c₁ = B_k r, v₁ = A c₁, α₁ = ⟨v₁, v₁⟩, a₁ = ⟨v₁, r⟩ / α₁, r̃ = r − a₁ v₁; if
     * ‖r̃‖ ≤ {@value #KRYLOV_SKIP} ‖r‖, x = a₁ c₁; otherwise c₂ = B_k r̃, g = ⟨v₁, A c₂⟩ / α₁, w₂ = A c₂ − g v₁,
     * b₂ = ⟨w₂, r̃⟩ / ⟨w₂, w₂⟩ and x = a₁ c₁ + b₂ (c₂ − g c₁): the combination of c₁, c₂ with the smallest residual
     * in that norm. The plain 2-norm is dominated by the states with the largest rates; on SR at 10⁶ states it
     * left the S_N(0) solve 3.6e-12 after 24 outer iterations where the weighted norm gave 1.1e-13 (both with a
     * Krylov step on every level). Each c has its component along the null vector removed first
     * ({@link #removeNullComponent}). A singular consistent A_k (a coarse generator, 1ᵀ r = 0) is fine: A c lies in
     * the range, so the residual stays consistent. r is overwritten (by r̃).
     */
    private void krylovCycle(int k, double[] r, double[] x) {
        Level level = levels.get(k);
        int n = r.length;
        double[] ew = level.rows.exitRates();
        double rr = dot(r, r, ew, n);
        linearCycle(k, r, x);
        double[] masses = levels.get(k - 1).mass;
        removeNullComponent(x, masses, n);
        double[] v1 = level.krylovProduct;
        level.rows.multiply(x, v1);
        double alpha1 = dot(v1, v1, ew, n);
        if (!(alpha1 > 0.0) || rr == 0.0) {
            return; // A c₁ = 0: c₁ is a null vector (the correction along it is harmless); nothing to minimize
        }
        double a1 = dot(v1, r, ew, n) / alpha1;
        double tilde = 0.0;
        for (int i = 0; i < n; i++) {
            double v = r[i] - a1 * v1[i];
            r[i] = v;
            tilde += v * v / ew[i];
        }
        if (tilde <= KRYLOV_SKIP * KRYLOV_SKIP * rr) {
            scale(x, a1, n);
            return;
        }
        double[] c2 = level.krylovDirection;
        linearCycle(k, r, c2);
        removeNullComponent(c2, masses, n);
        double[] w2 = residual; // free again: no level below k holds it across this call
        level.rows.multiply(c2, w2);
        double gamma = dot(v1, w2, ew, n) / alpha1;
        double beta = 0.0;
        double rho2 = 0.0;
        for (int i = 0; i < n; i++) {
            double w = w2[i] - gamma * v1[i];
            beta += w * w / ew[i];
            rho2 += w * r[i] / ew[i];
        }
        if (!(beta > 0.0)) {
            scale(x, a1, n);
            return;
        }
        double b2 = rho2 / beta;
        double c1Weight = a1 - b2 * gamma;
        for (int i = 0; i < n; i++) {
            x[i] = c1Weight * x[i] + b2 * c2[i];
        }
    }

    /**
     * c ← c − (1ᵀ c / 1ᵀ W) W, with W the level's frozen aggregate masses (its generator's stationary vector when the
     * frozen fine vector is stationary): the component along the null vector, which A c does not see and GCR does
     * not control. Without it, two nearly parallel directions combined with large opposite coefficients carried their
     * null components into the correction unbalanced: the outer GMRES of the S_N(0) solve (SR, 10⁶ states, a Krylov
     * step on every level) stalled at a true relative residual of 2.5e-14, above its 1e-14 target. Prolonged, the
     * change is a multiple of the frozen fine vector, which the outer iteration tolerates (its product with L is
     * the frozen residual).
     */
    private static void removeNullComponent(double[] c, double[] masses, int n) {
        double sum = 0.0;
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            sum += c[i];
            total += masses[i];
        }
        if (total > 0.0) {
            double f = sum / total;
            for (int i = 0; i < n; i++) {
                c[i] -= f * masses[i];
            }
        }
    }

    /** Σ a_i b_i / e_i. */
    private static double dot(double[] a, double[] b, double[] ew, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i] / ew[i];
        }
        return s;
    }

    /** Σ a_i b_i. */
    private static double dot(double[] a, double[] b, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** x ← factor x. */
    private static void scale(double[] x, double factor, int n) {
        for (int i = 0; i < n; i++) {
            x[i] *= factor;
        }
    }
}
