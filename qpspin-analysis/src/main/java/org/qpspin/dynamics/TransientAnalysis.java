package org.qpspin.dynamics;

import java.util.Locale;
import java.util.function.Consumer;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.WorkCounter;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;

/**
 * The transient law P(N, m; t) = (e^{tL} p(0))(N, m) at given times, with the truncation grown until the mass
 * that leaves it by the last time stays below the tolerance.
 *
 * <p>How: on the rectangle 0 ≤ N ≤ nMax, 0 ≤ m ≤ min(⌊N/2⌋, mMax), the {@link AbsorbingChain} collects the mass
 * leaving through N &gt; nMax and through the m edge in two sinks; the kernel ({@link ExponentialAction}) steps
 * from one time to the next. The lost mass is non-decreasing in t, so the last time decides: while the N-sink
 * holds more than half the tolerance, nMax grows by 30 % (+10); while the m-sink does, mMax grows by 30 % (+4);
 * then everything is recomputed. The first truncation covers the start states plus a margin and the mean-field
 * N0 + 6√N0. With {@link #withFixedTruncation} nothing grows and the lost mass is only reported.
 *
 * <p>Immutable configuration: {@code TransientAnalysis.withDefaults().withTolerance(1e-12).compute(...)}.
 */
public final class TransientAnalysis {

    /** Default lost-mass tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Default cap on the products with the generator one attempt may take (≈ q × last time). */
    public static final double DEFAULT_MAX_PRODUCTS = 5e7;
    /** Default cap on the number of states. */
    public static final int DEFAULT_MAX_STATES = 5_000_000;
    private static final int MAX_ATTEMPTS = 30;
    /** The progress phases' total: per mille. */
    private static final long PER_MILLE = 1000;

    private final double tolerance;
    private final ExponentialAction.Method method;
    private final int fixedNMax;
    private final int fixedMMax;
    private final int maxStates;
    private final TargetSet target;
    private final int[] initial;
    private double maxProducts = DEFAULT_MAX_PRODUCTS; // set only while building a new instance (carry)
    private ProgressListener progress = ProgressListener.NONE; // likewise

    private TransientAnalysis(double tolerance, ExponentialAction.Method method, int fixedNMax, int fixedMMax,
                              int maxStates, TargetSet target) {
        this(tolerance, method, fixedNMax, fixedMMax, maxStates, target, null);
    }

    private TransientAnalysis(double tolerance, ExponentialAction.Method method, int fixedNMax, int fixedMMax,
                              int maxStates, TargetSet target, int[] initial) {
        this.initial = initial;
        this.tolerance = tolerance;
        this.method = method;
        this.fixedNMax = fixedNMax;
        this.fixedMMax = fixedMMax;
        this.maxStates = maxStates;
        this.target = target;
    }

    /** {@return tolerance {@link #DEFAULT_TOLERANCE}, method auto, automatic truncation, no target} */
    public static TransientAnalysis withDefaults() {
        return new TransientAnalysis(DEFAULT_TOLERANCE, ExponentialAction.Method.AUTO, -1, -1, DEFAULT_MAX_STATES,
                null);
    }

    /**
     * Lost-mass tolerance in (0, 1).
     *
     * @param tol the tolerance, in (0, 1)
     * @return a copy with this tolerance
     */
    public TransientAnalysis withTolerance(double tol) {
        if (!(tol > 0.0 && tol < 1.0)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tol);
        }
        return carry(new TransientAnalysis(tol, method, fixedNMax, fixedMMax, maxStates, target, initial));
    }

    /**
     * The kernel method.
     *
     * @param m the method of exp(tL)v ({@link ExponentialAction.Method#AUTO} by default)
     * @return a copy with this method
     */
    public TransientAnalysis withMethod(ExponentialAction.Method m) {
        return carry(new TransientAnalysis(tolerance, java.util.Objects.requireNonNull(m), fixedNMax, fixedMMax,
                maxStates,
                target, initial));
    }

    /**
     * A fixed truncation (nMax ≥ 0, mMax ≥ 0): nothing grows, the lost mass is reported.
     *
     * @param nMax largest N kept (≥ 0)
     * @param mMax largest m kept (≥ 0)
     * @return a copy with this fixed truncation
     */
    public TransientAnalysis withFixedTruncation(int nMax, int mMax) {
        if (nMax < 0 || mMax < 0) {
            throw new IllegalArgumentException("truncation bounds must be >= 0, got nMax " + nMax + ", mMax " + mMax);
        }
        return carry(new TransientAnalysis(tolerance, method, nMax, mMax, maxStates, target));
    }

    /**
     * Cap on the states of the automatic truncation (≥ 1).
     *
     * @param states the cap (≥ 1)
     * @return a copy with this cap
     */
    public TransientAnalysis withMaxStates(int states) {
        if (states < 1) {
            throw new IllegalArgumentException("max states must be >= 1, got " + states);
        }
        return carry(new TransientAnalysis(tolerance, method, fixedNMax, fixedMMax, states, target, initial));
    }

    /**
     * The target set made absorbing (its mass collects in the chain's target sink); null for none.
     *
     * @param set the target set, or null for none
     * @return a copy with this target
     */
    public TransientAnalysis withTarget(TargetSet set) {
        return carry(new TransientAnalysis(tolerance, method, fixedNMax, fixedMMax, maxStates, set, initial));
    }

    /**
     * Cap on the products with the generator (uniformization needs ≈ q t, q the largest exit rate of the truncated
     * chain): an attempt that would need more is refused up front instead of running for hours.
     *
     * @param products the cap (&gt; 0), in products with the generator
     * @return a copy with this cap
     */
    public TransientAnalysis withMaxProducts(double products) {
        if (!(products > 0.0)) {
            throw new IllegalArgumentException("max products must be > 0, got " + products);
        }
        TransientAnalysis a = new TransientAnalysis(tolerance, method, fixedNMax, fixedMMax, maxStates, target,
                initial);
        a.maxProducts = products;
        a.progress = progress;
        return a;
    }

    /**
     * Where the propagation reports its progress: one phase per truncation tried ("transient: truncation k (S
     * states)"), in per mille of the time span, 1000 · t_i / t_last after the i-th time (the kernel's work,
     * ≈ q t products, grows in proportion to the time propagated); an attempt stopped early because its lost mass
     * already exceeds the tolerance ends its phase at the total too. The results are bit-identical with any
     * listener.
     *
     * @param listener where to report ({@link ProgressListener#NONE}, the default, or null: nowhere)
     * @return a copy that reports to {@code listener}
     */
    public TransientAnalysis withProgress(ProgressListener listener) {
        TransientAnalysis a = carry(new TransientAnalysis(tolerance, method, fixedNMax, fixedMMax, maxStates, target,
                initial));
        a.progress = listener == null ? ProgressListener.NONE : listener;
        return a;
    }

    /** The automatic truncation starting from (nMax, mMax) instead of its own first guess (package use). */
    TransientAnalysis withInitialTruncation(int nMax, int mMax) {
        return carry(new TransientAnalysis(tolerance, method, fixedNMax, fixedMMax, maxStates, target,
                new int[] {nMax, mMax}));
    }

    /** The cap on the number of states. */
    int maxStates() {
        return maxStates;
    }

    /** The kernel method. */
    ExponentialAction.Method method() {
        return method;
    }

    /** The fixed truncation {nMax, mMax}, or null when automatic. */
    int[] fixedTruncation() {
        return fixedNMax >= 0 ? new int[] {fixedNMax, fixedMMax} : null;
    }

    /** The first truncation {nMax, mMax} of the automatic growth for {@code start}. */
    int[] firstTruncation(RateModel rates, StartDistribution start) {
        if (fixedNMax >= 0) {
            return new int[] {fixedNMax, fixedMMax};
        }
        if (initial != null) {
            return initial.clone();
        }
        double n0 = MeanFieldFixedPoint.of(rates.parameters()).meanN();
        double guess = Double.isFinite(n0) ? n0 + 6.0 * Math.sqrt(n0) + 10.0 : 0.0;
        int nMax = (int) Math.min(1_000_000, Math.max(start.maxN() + 10, Math.ceil(guess)));
        nMax = Math.max(nMax, 20);
        int mMax = Math.min(nMax / 2, Math.max(start.maxM() + 8, 16));
        return new int[] {nMax, mMax};
    }

    private TransientAnalysis carry(TransientAnalysis a) {
        a.maxProducts = maxProducts;
        a.progress = progress;
        return a;
    }

    /** Whether the truncation is fixed. */
    boolean isFixed() {
        return fixedNMax >= 0;
    }

    /** {@return the lost-mass tolerance} */
    public double tolerance() {
        return tolerance;
    }

    /**
     * {@return P(N, m; t) at {@code times} from {@code start}}
     *
     * @param times    ascending, finite, ≥ 0
     * @param progress receives one line per attempt (null: silent)
     * @param rates the rate model (PRL 2020 or exact-spin) with its parameters
     * @param start the start distribution over (N, m) states
     * @throws IllegalArgumentException for bad times, or when the truncation needed exceeds the state cap
     */
    public TransientResult compute(RateModel rates, StartDistribution start, double[] times,
                                   Consumer<String> progress) {
        checkTimes(times);
        long begin = System.nanoTime();
        boolean fixed = fixedNMax >= 0;
        int[] first = firstTruncation(rates, start);
        int nMax = first[0];
        int mMax = first[1];
        for (int attempt = 1; ; attempt++) {
            StateSpace space = StateSpace.rectangle(nMax, mMax);
            if (space.size() > maxStates) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the truncation needed for lost mass "
                        + "<= %.1e has more than %d states (nMax = %d, mMax = %d); raise the state cap, shorten "
                        + "the times, or loosen the tolerance", tolerance, maxStates, nMax, mMax));
            }
            AbsorbingChain chain = AbsorbingChain.assemble(rates, space, target);
            double q = Uniformization.of(chain.matrix()).rate();
            double last = times[times.length - 1];
            if (q * last > maxProducts) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "exp(tL) up to t = %.4g s needs ~%.1e "
                        + "products with the generator (largest exit rate %.3g /s on %d states), more than the cap "
                        + "%.1e; shorten the times or raise the cap (--max-products)", last, q * last, q,
                        chain.keptStates(), maxProducts));
            }
            Run r = run(chain, start, times, attempt, begin, fixed || chain.isClosed());
            double lostN = r.lostNAtEnd;
            double lostM = r.lostMAtEnd;
            if (progress != null) {
                progress.accept(String.format(Locale.ROOT, "truncation %d: nMax = %d, mMax = %d, %d states, lost "
                        + "mass %.2e (N edge %.2e, m edge %.2e), %d products", attempt, nMax, space.maxM(),
                        chain.keptStates(), lostN + lostM, lostN, lostM, r.matvecs)
                        + (r.result == null ? String.format(Locale.ROOT, " (stopped at t = %.4g s: lost mass "
                        + "only grows)", r.stoppedAt) : ""));
            }
            if (r.result != null && (fixed || lostN + lostM <= tolerance || chain.isClosed())) {
                return r.result;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new IllegalArgumentException("lost mass still " + (lostN + lostM) + " after " + attempt
                        + " truncations");
            }
            boolean growN = lostN > 0.5 * tolerance;
            boolean growM = lostM > 0.5 * tolerance && mMax < nMax / 2;
            if (!growN && !growM) {
                growN = true;
            }
            if (growN) {
                nMax = (int) Math.min(Integer.MAX_VALUE / 4, Math.ceil(nMax * 1.3 + 10));
            }
            if (growM) {
                mMax = (int) Math.ceil(mMax * 1.3 + 4);
            }
            mMax = Math.min(mMax, nMax / 2);
        }
    }

    /** One attempt: the result, or null when stopped early (lost mass above tolerance at {@code stoppedAt}). */
    private record Run(TransientResult result, double lostNAtEnd, double lostMAtEnd, long matvecs, double stoppedAt) {
    }

    /**
     * Runs the times on {@code chain}; unless {@code complete}, stops as soon as the lost mass exceeds the
     * tolerance (it only grows with t, so the attempt is lost anyway) and returns a null result.
     */
    private Run run(AbsorbingChain chain, StartDistribution start, double[] times, int attempt, long begin,
                    boolean complete) {
        WorkCounter counter = WorkCounter.start(progress, "transient: truncation " + attempt + " ("
                + chain.keptStates() + " states)", PER_MILLE);
        try {
            return run(chain, start, times, attempt, begin, complete, counter);
        } finally {
            counter.finish();
        }
    }

    private Run run(AbsorbingChain chain, StartDistribution start, double[] times, int attempt, long begin,
                    boolean complete, WorkCounter counter) {
        long reported = 0;
        ExponentialAction kernel = ExponentialAction.of(chain.matrix()).withMethod(method)
                .withTolerance(Math.max(1e-300, Math.min(ExponentialAction.DEFAULT_TOLERANCE, tolerance * 1e-3)));
        int k = times.length;
        int kept = chain.keptStates();
        boolean keep = (double) k * kept * 8.0 <= 0.25 * Runtime.getRuntime().maxMemory();
        double[][] dist = keep ? new double[k][] : null;
        double[] meanN = new double[k];
        double[] varN = new double[k];
        double[] meanM = new double[k];
        double[] lost = new double[k];
        double[] absorbed = new double[k];
        double[] bound = new double[k];
        String[] methods = new String[k];
        int nMax = chain.space().maxN();
        int mMax = chain.space().maxM();
        double[][] margN = new double[k][];
        double[][] margM = new double[k][];
        double[] x = chain.initialVector(start);
        double now = 0.0;
        double accumulated = 0.0;
        long matvecs = 0;
        for (int i = 0; i < k; i++) {
            double dt = times[i] - now;
            if (dt > 0.0) {
                Propagation p = kernel.apply(x, dt);
                x = p.vector();
                accumulated += p.errorBound();
                matvecs += p.matvecs();
                methods[i] = p.method();
                now = times[i];
            } else {
                methods[i] = i == 0 ? "none" : methods[i - 1];
            }
            bound[i] = accumulated;
            if (times[k - 1] > 0.0) {
                long done = Math.round(PER_MILLE * (times[i] / times[k - 1]));
                counter.add(done - reported);
                reported = Math.max(reported, done);
            }
            absorbed[i] = Math.max(0.0, x[chain.targetSink()]);
            lost[i] = Math.max(0.0, x[chain.lostNSink()]) + Math.max(0.0, x[chain.lostMSink()]);
            if (!complete && lost[i] > tolerance) {
                return new Run(null, Math.max(0.0, x[chain.lostNSink()]), Math.max(0.0, x[chain.lostMSink()]),
                        matvecs, times[i]);
            }
            double[] pn = new double[nMax + 1];
            double[] pm = new double[mMax + 1];
            double mass = 0.0;
            double sn = 0.0;
            double sm = 0.0;
            for (int s = 0; s < kept; s++) {
                double v = x[s];
                pn[chain.n(s)] += v;
                pm[chain.m(s)] += v;
                mass += v;
            }
            for (int n = 0; n <= nMax; n++) {
                sn += n * pn[n];
            }
            for (int m = 0; m <= mMax; m++) {
                sm += m * pm[m];
            }
            double mu = mass > 0 ? sn / mass : Double.NaN;
            double var = 0.0;
            for (int n = 0; n <= nMax; n++) {
                var += (n - mu) * (n - mu) * pn[n]; // centred: no cancellation
            }
            meanN[i] = mu;
            varN[i] = mass > 0 ? var / mass : Double.NaN;
            meanM[i] = mass > 0 ? sm / mass : Double.NaN;
            margN[i] = pn;
            margM[i] = pm;
            if (keep) {
                dist[i] = java.util.Arrays.copyOf(x, kept);
            }
        }
        double seconds = (System.nanoTime() - begin) * 1e-9;
        TransientResult result = new TransientResult(times.clone(), meanN, varN, meanM, lost, absorbed, bound, methods, margN,
                margM, dist, chain, matvecs, attempt, tolerance, seconds);
        return new Run(result, Math.max(0.0, x[chain.lostNSink()]), Math.max(0.0, x[chain.lostMSink()]), matvecs,
                times[k - 1]);
    }

    static void checkTimes(double[] times) {
        if (times == null || times.length == 0) {
            throw new IllegalArgumentException("no times given");
        }
        double previous = 0.0;
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            if (!(t >= 0.0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("times must be finite and >= 0, got " + t);
            }
            if (i > 0 && !(t > previous)) {
                throw new IllegalArgumentException("times must be strictly increasing, got " + previous + " then "
                        + t);
            }
            previous = t;
        }
    }
}
