package org.qpspin.linalg.amg;

import java.util.ArrayList;
import java.util.List;

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
     * @param preSweeps  ν₁, line Gauss–Seidel sweeps before the coarse correction (alternating direction)
     * @param postSweeps ν₂, sweeps after it
     * @param coarseVisits γ: 1 for a V-cycle, 2 for a W-cycle
     */
    public record Cycle(int preSweeps, int postSweeps, int coarseVisits) {
        /**
         * Checks the parameters.
         *
         * @param preSweeps    ν₁ ≥ 0
         * @param postSweeps   ν₂ ≥ 0
         * @param coarseVisits γ ≥ 1
         * @throws IllegalArgumentException if a sweep count is negative or {@code coarseVisits} &lt; 1
         */
        public Cycle {
            if (preSweeps < 0 || postSweeps < 0 || coarseVisits < 1) {
                throw new IllegalArgumentException("need sweeps >= 0 and coarse visits >= 1");
            }
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
    /** Where each column of the coarse row being built sits in its rates (shared by all levels' {@link #coarsen}). */
    private int[] slot = new int[0];
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
     * list of members 8 bytes, prolongation weight 8, member start and mass 12 per aggregate), on the
     * coarse levels their generator's rows (12 bytes per entry, 12 per state) and two vectors (16 per state); the
     * shared residual (8 bytes per fine state), smoother scratch and coarse-row slots (20 per state of the largest
     * coarse level);
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
                largestCoarse = Math.max(largestCoarse, n);
            }
            if (level.aggregateOf != null) {
                bytes += 4L * n + 4L * level.members.length + 4L * level.memberStart.length + 8L * n
                        + 8L * level.mass.length;
            }
        }
        int last = levels.get(levels.size() - 1).rows.size();
        return bytes + 16L * largestCoarse + 4L * slot.length + 8L * last * last + 16L * last;
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
        int n = level.rows.size();
        int[] agg = level.aggregateOf;
        double[] mass = level.mass;
        java.util.Arrays.fill(mass, 0.0);
        int[] size = null;
        for (int i = 0; i < n; i++) {
            mass[agg[i]] += x[i];
        }
        for (int i = 0; i < n; i++) {
            double w = mass[agg[i]];
            if (w > 0.0) {
                level.weight[i] = x[i] / w;
            } else {
                if (size == null) {
                    size = new int[level.coarseCount];
                    for (int t = 0; t < n; t++) {
                        size[agg[t]]++;
                    }
                }
                level.weight[i] = 1.0 / size[agg[i]];
            }
        }
        double[] coarseRates = next.rows.rates();
        double[] coarseExit = next.rows.exitRates();
        java.util.Arrays.fill(coarseRates, 0.0);
        java.util.Arrays.fill(coarseExit, 0.0);
        int[] start = level.rows.rowStart();
        int[] cols = level.rows.columns();
        double[] rates = level.rows.rates();
        int[] cStart = next.rows.rowStart();
        int[] cCols = next.rows.columns();
        int[] memberStart = level.memberStart;
        int[] members = level.members;
        double[] weight = level.weight;
        if (slot.length < level.coarseCount) {
            slot = new int[level.coarseCount];
        }
        // coarse row c gathers its members' rows in ascending order: each coarse rate is the same sum, in the
        // same order, as a pass over the fine rows would make
        for (int c = 0, nc = level.coarseCount; c < nc; c++) {
            for (int e = cStart[c]; e < cStart[c + 1]; e++) {
                slot[cCols[e]] = e;
            }
            for (int q = memberStart[c]; q < memberStart[c + 1]; q++) {
                int i = members[q];
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int j = cols[e];
                    int d = agg[j];
                    if (d != c) {
                        coarseRates[slot[d]] += rates[e] * weight[j];
                    }
                }
            }
        }
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
            int[] agg = level.aggregateOf;
            for (int i = 0; i < x.length; i++) {
                x[i] = level.weight[i] * coarse[agg[i]];
            }
        }
        for (int s = 0; s < cycle.postSweeps(); s++) {
            level.smoother.sweep(null, x, (s & 1) == 1);
        }
        rescale(x, total);
    }

    private static double sum(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        return s;
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
            for (int i = 0; i < x.length; i++) {
                x[i] *= factor;
            }
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
            java.util.Arrays.fill(rc, 0.0);
            int[] agg = level.aggregateOf;
            for (int i = 0; i < e.length; i++) {
                rc[agg[i]] += r[i] - res[i];
            }
            double[] ec = next.iterate;
            linearCycle(k + 1, rc, ec);
            for (int i = 0; i < e.length; i++) {
                e[i] += level.weight[i] * ec[agg[i]];
            }
        }
        for (int s = 0; s < cycle.postSweeps(); s++) {
            level.smoother.sweep(r, e, (s & 1) == 1);
        }
    }
}
