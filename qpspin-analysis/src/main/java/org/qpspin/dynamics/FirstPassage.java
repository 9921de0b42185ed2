package org.qpspin.dynamics;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;

/**
 * The first-passage time τ into a {@link TargetSet}: its mean by one sparse linear solve, its distribution by the
 * transient of the chain with the target absorbing.
 *
 * <p>Mean: with h_j = E[τ | start in j] on the non-target states K, the backward equation is
 * Σ_i L_ij (h_i − h_j) = −1, i.e. M h = 1 with M = −(L_KK)ᵀ, an M-matrix whose diagonal is the full exit rate
 * (into K, into the target, and out of the truncation). Solved twice by sparse LU (EJML, partial pivoting) with
 * two steps of iterative refinement: with the rates out of the truncation dropped (reflecting edges: the value
 * reported) and kept (absorbing edges: E[min(τ, exit)], a proven lower bound). The automatic truncation grows
 * until their relative gap is below the tolerance (only linear solves: cheap); the distribution's transient then
 * grows it further if the mass lost by the horizon exceeds the tolerance. When the distribution would need more
 * than {@link #withMaxProducts} products (long passages in stiff chains: uniformization costs q × horizon), it is
 * skipped with a note and the mean stands alone.
 *
 * <p>Distribution: P(τ ≤ t) is the target sink's mass of the {@link AbsorbingChain} (a lower bound; adding the
 * lost mass gives an upper bound); quantiles by bracketing on a doubling grid and bisection, each step one
 * propagation from the bracket's left end.
 */
public final class FirstPassage {

    /** Default cap on the products with the generator the distribution may take (≈ q × horizon). */
    public static final double DEFAULT_MAX_PRODUCTS = 5e7;

    private final TransientAnalysis analysis;
    private final double maxProducts;

    private FirstPassage(TransientAnalysis analysis, double maxProducts) {
        this.analysis = analysis;
        this.maxProducts = maxProducts;
    }

    private FirstPassage(TransientAnalysis analysis) {
        this(analysis, DEFAULT_MAX_PRODUCTS);
    }

    /** {@return the defaults of {@link TransientAnalysis#withDefaults()} and {@link #DEFAULT_MAX_PRODUCTS}} */
    public static FirstPassage withDefaults() {
        return new FirstPassage(TransientAnalysis.withDefaults());
    }

    /**
     * Cap on the products with the generator for the distribution (uniformization needs ≈ q × horizon, q the largest
     * exit rate): above it the distribution is skipped with a note and only the mean is computed.
     *
     * @param products the cap (&gt; 0), in products with the generator
     * @return a copy with this cap
     */
    public FirstPassage withMaxProducts(double products) {
        if (!(products > 0.0)) {
            throw new IllegalArgumentException("max products must be > 0, got " + products);
        }
        return new FirstPassage(analysis, products);
    }

    /**
     * Tolerance on the lost mass and on the relative gap of the two mean times.
     *
     * @param tol the tolerance, in (0, 1)
     * @return a copy with this tolerance
     */
    public FirstPassage withTolerance(double tol) {
        return new FirstPassage(analysis.withTolerance(tol), maxProducts);
    }

    /**
     * The kernel method.
     *
     * @param m the method of exp(tL)v ({@link ExponentialAction.Method#AUTO} by default)
     * @return a copy with this method
     */
    public FirstPassage withMethod(ExponentialAction.Method m) {
        return new FirstPassage(analysis.withMethod(m), maxProducts);
    }

    /**
     * Fixed truncation (nothing grows).
     *
     * @param nMax largest N kept (≥ 0)
     * @param mMax largest m kept (≥ 0)
     * @return a copy with this fixed truncation
     */
    public FirstPassage withFixedTruncation(int nMax, int mMax) {
        return new FirstPassage(analysis.withFixedTruncation(nMax, mMax), maxProducts);
    }

    /**
     * Cap on the number of states.
     *
     * @param states the cap (≥ 1)
     * @return a copy with this cap
     */
    public FirstPassage withMaxStates(int states) {
        return new FirstPassage(analysis.withMaxStates(states), maxProducts);
    }

    /**
     * Where the distribution's propagation reports its progress (one phase per truncation tried, in per mille of
     * the time span: {@link TransientAnalysis#withProgress}); the mean's sparse solves report nothing.
     *
     * @param listener where to report ({@link ProgressListener#NONE}, the default, or null: nowhere)
     * @return a copy that reports to {@code listener}
     */
    public FirstPassage withProgress(ProgressListener listener) {
        return new FirstPassage(analysis.withProgress(listener), maxProducts);
    }

    /**
     * {@return the first-passage time from {@code start} into {@code target}}
     *
     * @param times          times of the CDF, ascending (null: 40 log-spaced from E[τ]/100 to 10 E[τ])
     * @param quantileLevels levels in (0, 1)
     * @param progress       one line per stage (null: silent)
     * @param rates the rate model (PRL 2020 or exact-spin) with its parameters
     * @param start the start distribution over (N, m) states, outside the target
     * @param target the set whose first entrance is timed
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
        TransientAnalysis ta = analysis.withTarget(target);
        int[] tr = ta.firstTruncation(rates, start);
        boolean fixed = ta.fixedTruncation() != null;
        AbsorbingChain chain;
        double[] means;
        for (int round = 1; ; round++) {
            StateSpace space = StateSpace.rectangle(tr[0], tr[1]);
            if (space.size() > ta.maxStates()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the truncation needed for the mean "
                        + "first-passage time to %.1e has more than %d states (nMax = %d, mMax = %d); raise the "
                        + "state cap or loosen the tolerance", tol, ta.maxStates(), tr[0], tr[1]));
            }
            chain = AbsorbingChain.assemble(rates, space, target);
            means = meanTimes(chain, start);
            double gap = Double.isFinite(means[0]) && means[0] > 0 ? (means[0] - means[1]) / means[0] : 0.0;
            if (progress != null) {
                progress.accept(String.format(Locale.ROOT, "truncation %d: nMax = %d, mMax = %d, %d non-target "
                        + "states: E[tau] = %.10g s, lower bound %.10g s (relative gap %.1e)", round, tr[0],
                        space.maxM(), chain.keptStates(), means[0], means[1], gap));
            }
            if (fixed || chain.isClosed() || gap <= tol || !Double.isFinite(means[0])) {
                break;
            }
            if (round >= 30) {
                throw new IllegalArgumentException("mean first-passage time still moves by " + gap + " after "
                        + round + " truncations");
            }
            tr[0] = (int) Math.ceil(tr[0] * 1.3 + 10);
            tr[1] = Math.min(tr[0] / 2, (int) Math.ceil(tr[1] * 1.3 + 4));
        }
        double mean = means[0];
        if (times == null && !Double.isFinite(mean)) {
            throw new IllegalArgumentException("the start can reach states from which the target '" + target
                    + "' is unreachable: the mean first-passage time is infinite; give times for the distribution");
        }
        double[] grid = times != null ? times.clone() : defaultGrid(mean);
        double horizon = grid[grid.length - 1];
        double q = ExponentialAction.of(chain.matrix()).uniformizationRate();
        double predicted = q * horizon;
        if (predicted > maxProducts) {
            String note = String.format(Locale.ROOT, "skipped: P(tau <= t) up to %.4g s needs ~%.1e "
                    + "products with the generator (max exit rate q = %.3g /s), more than the cap %.1e; raise the "
                    + "cap or ask for shorter times", horizon, predicted, q, maxProducts);
            double[] nan = new double[quantileLevels.length];
            java.util.Arrays.fill(nan, Double.NaN);
            return new FirstPassageResult(target, mean, means[1], means[2], new double[0], new double[0],
                    new double[0], quantileLevels.clone(), nan, null, chain.isClosed(), note);
        }
        TransientAnalysis onChain = fixed ? ta : ta.withInitialTruncation(chain.space().maxN(), chain.space().maxM());
        TransientResult distribution = onChain.compute(rates, start, grid, progress);
        AbsorbingChain used = distribution.chain();
        double[] cdf = distribution.targetMass().clone();
        double[] upper = new double[cdf.length];
        for (int i = 0; i < cdf.length; i++) {
            upper[i] = Math.min(1.0, cdf[i] + distribution.lostMass()[i]);
        }
        double[] quantiles = new double[quantileLevels.length];
        ExponentialAction kernel = ExponentialAction.of(used.matrix()).withMethod(ta.method());
        for (int i = 0; i < quantileLevels.length; i++) {
            quantiles[i] = quantile(kernel, used, start, quantileLevels[i], Double.isFinite(mean) && mean > 0 ? mean
                    : horizon, 4.0 * horizon);
        }
        return new FirstPassageResult(target, mean, means[1], means[2], grid, cdf, upper, quantileLevels.clone(),
                quantiles, distribution, chain.isClosed(), null);
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
     * {E[τ] reflecting, E[min(τ, exit)], backward error max_i |1 − Mh|_i / (1 + |M||h|)_i} averaged over the start distribution (start mass in the
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
            double[] scale = residual(m, h.data, res);
            double worst = 0.0;
            for (int i = 0; i < r; i++) {
                worst = Math.max(worst, Math.abs(res[i]) / scale[i]);
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

    /** res = 1 − M h; returns the scale 1 + (|M| |h|)_i of each row (for the componentwise backward error). */
    private static double[] residual(DMatrixSparseCSC m, double[] h, double[] res) {
        java.util.Arrays.fill(res, 1.0);
        double[] scale = new double[res.length];
        java.util.Arrays.fill(scale, 1.0);
        for (int j = 0; j < m.numCols; j++) {
            double hj = h[j];
            for (int p = m.col_idx[j]; p < m.col_idx[j + 1]; p++) {
                res[m.nz_rows[p]] -= m.nz_values[p] * hj;
                scale[m.nz_rows[p]] += Math.abs(m.nz_values[p] * hj);
            }
        }
        return scale;
    }
}
