package org.qpspin.dynamics;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.qpspin.rates.RateModel;

/**
 * The first-passage time τ into a {@link TargetSet}: its mean by one sparse linear solve, its distribution by the
 * transient of the chain with the target absorbing.
 *
 * <p>Mean: with h_j = E[τ | start in j] on the non-target states K, the backward equation is
 * Σ_i L_ij (h_i − h_j) = −1, i.e. M h = 1 with M = −(L_KK)ᵀ, an M-matrix whose diagonal is the full exit rate
 * (into K, into the target, and out of the truncation). Solved twice by sparse LU (EJML, partial pivoting) with
 * two steps of iterative refinement: with the rates out of the truncation dropped (reflecting edges: the value
 * reported) and kept (absorbing edges: E[min(τ, exit)], a proven lower bound). The automatic truncation grows
 * until their relative gap and the mass lost by the horizon both stay below the tolerance.
 *
 * <p>Distribution: P(τ ≤ t) is the target sink's mass of the {@link AbsorbingChain} (a lower bound; adding the
 * lost mass gives an upper bound); quantiles by bracketing on a doubling grid and bisection, each step one
 * propagation from the bracket's left end.
 */
public final class FirstPassage {

    private final TransientAnalysis analysis;

    private FirstPassage(TransientAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Defaults of {@link TransientAnalysis#withDefaults()}. */
    public static FirstPassage withDefaults() {
        return new FirstPassage(TransientAnalysis.withDefaults());
    }

    /** Tolerance on the lost mass and on the relative gap of the two mean times. */
    public FirstPassage withTolerance(double tol) {
        return new FirstPassage(analysis.withTolerance(tol));
    }

    /** The kernel method. */
    public FirstPassage withMethod(ExponentialAction.Method m) {
        return new FirstPassage(analysis.withMethod(m));
    }

    /** Fixed truncation (nothing grows). */
    public FirstPassage withFixedTruncation(int nMax, int mMax) {
        return new FirstPassage(analysis.withFixedTruncation(nMax, mMax));
    }

    /** Cap on the number of states. */
    public FirstPassage withMaxStates(int states) {
        return new FirstPassage(analysis.withMaxStates(states));
    }

    /**
     * The first-passage time from {@code start} into {@code target}.
     *
     * @param times          times of the CDF, ascending (null: 40 log-spaced from E[τ]/100 to 10 E[τ])
     * @param quantileLevels levels in (0, 1)
     * @param progress       one line per stage (null: silent)
     */
    public FirstPassageResult compute(RateModel rates, StartDistribution start, TargetSet target, double[] times,
                                      double[] quantileLevels, Consumer<String> progress) {
        for (double q : quantileLevels) {
            if (!(q > 0.0 && q < 1.0)) {
                throw new IllegalArgumentException("quantile levels must be in (0, 1), got " + q);
            }
        }
        if (times != null) {
            TransientAnalysis.checkTimes(times);
        }
        double tol = analysis.tolerance();
        // the truncation: grow (through the transient analysis's rules) until the lost mass by the horizon and the gap of
        // the two mean times are below the tolerance
        TransientAnalysis ta = analysis.withTarget(target);
        TransientAnalysis attempt = ta;
        double horizon = times == null ? 0.0 : times[times.length - 1];
        double[] means = null;
        TransientResult tr = null;
        for (int round = 0; round < 16; round++) {
            tr = attempt.compute(rates, start, new double[] {horizon}, progress);
            AbsorbingChain chain = tr.chain();
            means = meanTimes(chain, start);
            double wanted = Math.max(horizon, Double.isFinite(means[0]) ? 10.0 * means[0] : 0.0);
            double gap = Double.isFinite(means[0]) && means[0] > 0 ? (means[0] - means[1]) / means[0] : 0.0;
            if (progress != null) {
                progress.accept(String.format(Locale.ROOT, "mean first-passage time %.10g s (lower bound %.10g s, "
                        + "relative gap %.1e), horizon %.4g s", means[0], means[1], gap, wanted));
            }
            if (wanted > horizon * (1 + 1e-9)) {
                horizon = wanted; // the lost mass must be measured up to 10 E[τ]
                continue;
            }
            if (chain.isClosed() || gap <= tol || analysis.isFixed()) {
                break;
            }
            // the lost mass is within tolerance but the mean still feels the truncation: grow both sides
            int nMax = (int) Math.ceil(chain.space().maxN() * 1.3 + 10);
            int mMax = Math.min(nMax / 2, (int) Math.ceil(chain.space().maxM() * 1.3 + 4));
            attempt = ta.withFixedTruncation(nMax, mMax);
        }
        if (times == null && !Double.isFinite(means[0])) {
            throw new IllegalArgumentException("the start can reach states from which the target '" + target
                    + "' is unreachable: the mean first-passage time is infinite; give times for the distribution");
        }
        AbsorbingChain chain = tr.chain();
        double mean = means[0];
        double[] grid = times != null ? times.clone() : defaultGrid(mean);
        TransientAnalysis onChain = analysis.withTarget(target)
                .withFixedTruncation(chain.space().maxN(), chain.space().maxM());
        TransientResult distribution = onChain.compute(rates, start, grid, null);
        double[] cdf = distribution.targetMass().clone();
        double[] upper = new double[cdf.length];
        for (int i = 0; i < cdf.length; i++) {
            upper[i] = Math.min(1.0, cdf[i] + distribution.lostMass()[i]);
        }
        double[] quantiles = new double[quantileLevels.length];
        ExponentialAction kernel = ExponentialAction.of(chain.matrix());
        for (int i = 0; i < quantileLevels.length; i++) {
            quantiles[i] = quantile(kernel, chain, start, quantileLevels[i], Double.isFinite(mean) && mean > 0 ? mean
                    : grid[grid.length - 1], 64.0 * Math.max(horizon, grid[grid.length - 1]));
        }
        return new FirstPassageResult(target, mean, means[1], means[2], grid, cdf, upper, quantileLevels.clone(),
                quantiles, distribution, chain.isClosed());
    }

    private static double[] defaultGrid(double scale) {
        double lo = scale / 100.0;
        double hi = scale * 10.0;
        double[] t = new double[40];
        for (int i = 0; i < t.length; i++) {
            t[i] = lo * Math.pow(hi / lo, i / (double) (t.length - 1));
        }
        return t;
    }

    /** t with P(τ ≤ t) = level: doubling from scale/64 to bracket, then bisection to 1e-10 relative. */
    private static double quantile(ExponentialAction kernel, AbsorbingChain chain, StartDistribution start,
                                   double level, double scale, double limit) {
        double[] x = chain.initialVector(start);
        int sink = chain.targetSink();
        if (x[sink] >= level) {
            return 0.0;
        }
        double lo = 0.0;
        double[] xLo = x;
        double step = scale / 64.0;
        double hi;
        double[] xHi;
        while (true) {
            double t = lo + step;
            xHi = kernel.apply(xLo, step).vector();
            if (xHi[sink] >= level) {
                hi = t;
                break;
            }
            lo = t;
            xLo = xHi;
            step *= 2.0;
            if (lo > limit) {
                return Double.NaN;
            }
        }
        for (int iter = 0; iter < 80 && hi - lo > 1e-10 * hi; iter++) {
            double mid = 0.5 * (lo + hi);
            double[] xMid = kernel.apply(xLo, mid - lo).vector();
            if (xMid[sink] >= level) {
                hi = mid;
            } else {
                lo = mid;
                xLo = xMid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * {E[τ] reflecting, E[min(τ, exit)], relative residual} averaged over the start distribution (start mass in the
     * target counts 0).
     */
    static double[] meanTimes(AbsorbingChain chain, StartDistribution start) {
        int k = chain.keptStates();
        DMatrixSparseCSC l = chain.matrix();
        // states from which the target can be reached: backward search from the kept states with a target rate
        boolean[] reaches = new boolean[k];
        DMatrixSparseCSC lt = org.ejml.sparse.csc.CommonOps_DSCC.transpose(l, null, null);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int j = 0; j < k; j++) {
            if (chain.targetRate(j) > 0.0) {
                reaches[j] = true;
                queue.add(j);
            }
        }
        // predecessors of i: columns j with L[i][j] > 0, i.e. row i of L = column i of Lᵀ
        while (!queue.isEmpty()) {
            int i = queue.poll();
            for (int p = lt.col_idx[i]; p < lt.col_idx[i + 1]; p++) {
                int j = lt.nz_rows[p];
                if (j < k && j != i && lt.nz_values[p] > 0.0 && !reaches[j]) {
                    reaches[j] = true;
                    queue.add(j);
                }
            }
        }
        double[] x0 = chain.initialVector(start);
        // forward search from the start: does it meet a state that cannot reach the target?
        boolean[] seen = new boolean[k];
        for (int j = 0; j < k; j++) {
            if (x0[j] > 0.0) {
                seen[j] = true;
                queue.add(j);
            }
        }
        while (!queue.isEmpty()) {
            int j = queue.poll();
            if (!reaches[j]) {
                return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0};
            }
            for (int p = l.col_idx[j]; p < l.col_idx[j + 1]; p++) {
                int i = l.nz_rows[p];
                if (i < k && !seen[i] && l.nz_values[p] > 0.0) {
                    seen[i] = true;
                    queue.add(i);
                }
            }
        }
        // the solve on the states that reach the target and are reached from the start
        int[] index = new int[k];
        int r = 0;
        for (int j = 0; j < k; j++) {
            index[j] = seen[j] ? r++ : -1;
        }
        if (r == 0) {
            return new double[] {0.0, 0.0, 0.0};
        }
        double[] reflecting = solve(chain, lt, index, r, false);
        double[] absorbing = solve(chain, lt, index, r, true);
        double mean = 0.0;
        double lower = 0.0;
        for (int j = 0; j < k; j++) {
            if (x0[j] > 0.0) {
                mean += x0[j] * reflecting[index[j]];
                lower += x0[j] * absorbing[index[j]];
            }
        }
        return new double[] {mean, lower, Math.max(reflecting[r], absorbing[r])};
    }

    /**
     * Solves M h = 1 on the {@code r} states with index ≥ 0, M = −(L_KK)ᵀ restricted (with the lost rates dropped
     * from the diagonal unless {@code absorbing}); returns h with the relative residual appended at [r].
     */
    private static double[] solve(AbsorbingChain chain, DMatrixSparseCSC lt, int[] index, int r, boolean absorbing) {
        int k = chain.keptStates();
        // column c of M = row c of −L_KK = column c of −Lᵀ, restricted
        DMatrixSparseCSC m = new DMatrixSparseCSC(r, r, lt.nz_length);
        int nz = 0;
        for (int j = 0; j < k; j++) {
            int c = index[j];
            if (c < 0) {
                continue;
            }
            m.col_idx[c] = nz;
            for (int p = lt.col_idx[j]; p < lt.col_idx[j + 1]; p++) {
                int i = lt.nz_rows[p];
                if (i >= k || index[i] < 0) {
                    continue;
                }
                double v = -lt.nz_values[p];
                if (i == j && !absorbing) {
                    v -= chain.lostRate(j); // reflecting: the exit rate without the lost transitions
                }
                m.nz_rows[nz] = index[i];
                m.nz_values[nz++] = v;
            }
        }
        m.col_idx[r] = nz;
        m.nz_length = nz;
        m.indicesSorted = false;
        m.sortIndices(null);
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        if (!lu.setA(m.copy())) {
            throw new IllegalStateException("the first-passage system is singular");
        }
        DMatrixRMaj ones = new DMatrixRMaj(r, 1);
        ones.fill(1.0);
        DMatrixRMaj h = new DMatrixRMaj(r, 1);
        lu.solve(ones, h);
        double[] res = new double[r];
        DMatrixRMaj correction = new DMatrixRMaj(r, 1);
        DMatrixRMaj rhs = new DMatrixRMaj(r, 1);
        double relative = 0.0;
        for (int sweep = 0; sweep < 3; sweep++) {
            residual(m, h.data, res);
            double worst = 0.0;
            for (int i = 0; i < r; i++) {
                worst = Math.max(worst, Math.abs(res[i]));
            }
            relative = worst;
            if (sweep == 2 || worst == 0.0) {
                break;
            }
            System.arraycopy(res, 0, rhs.data, 0, r);
            lu.solve(rhs, correction);
            for (int i = 0; i < r; i++) {
                h.data[i] += correction.data[i];
            }
        }
        double[] out = java.util.Arrays.copyOf(h.data, r + 1);
        out[r] = relative;
        return out;
    }

    /** res = 1 − M h. */
    private static void residual(DMatrixSparseCSC m, double[] h, double[] res) {
        java.util.Arrays.fill(res, 1.0);
        for (int j = 0; j < m.numCols; j++) {
            double hj = h[j];
            for (int p = m.col_idx[j]; p < m.col_idx[j + 1]; p++) {
                res[m.nz_rows[p]] -= m.nz_values[p] * hj;
            }
        }
    }
}
