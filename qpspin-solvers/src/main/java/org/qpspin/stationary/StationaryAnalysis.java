package org.qpspin.stationary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qpspin.generator.Generator;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.BandTruncation;
import org.qpspin.truncation.Truncation;
import org.qpspin.truncation.TruncationAttempt;
import org.qpspin.truncation.TruncationException;
import org.qpspin.truncation.TruncationPlanner;
import org.qpspin.truncation.TwoSidedWindows;

/**
 * The stationary state of the cluster chain with an honest truncation: the entry point the CLI, the noise, the
 * Monte Carlo and the Fokker–Planck comparisons call.
 *
 * <p>{@code StationaryAnalysis.solve(parameters, Truncation.automatic(), StationarySolvers.auto())} chooses
 * Nmax and mMax from the mean-field scales, solves, measures the truncation cost
 * c = omittedFlux / (A V) (docs/model.md, "Truncation"), grows the side that carries the cost and solves again until
 * c ≤ tolerance (see {@link TruncationPlanner} for the rules). It never returns an answer beyond the tolerance:
 * after {@link Truncation#maxGrowths()} growths, or when the next attempt would exceed
 * {@link Truncation#maxStates()}, it throws {@link TruncationException} with the attempts made. A fixed
 * truncation is solved once and its cost reported (an error only with {@link Truncation#failIfAbove}).
 *
 * <p>Screening: where the solver has a cheaper, early-stopping variant ({@link StationarySolver#screening()}, the
 * multigrid solver), every attempt of an automatic truncation is first solved with it. An attempt whose screening
 * cost c_s exceeds {@value #SCREENING_MARGIN} × tolerance is grown from the screening solution without a full solve;
 * otherwise the same generator is solved in full, from the screening solution, and that full solve's cost decides.
 * So only a full solve can meet the tolerance and the returned result is always a full solve's; the margin only
 * decides when a full solve is skipped, and is safe while the screening cost is within a factor
 * {@value #SCREENING_MARGIN} of the full one (measured within 10⁻³ relative along the edge-of-polarization family,
 * docs/validation.md, "Screening the intermediate attempts").
 *
 * <p>With A = 0 the only state reachable in the long run is the empty cluster: the result is the single state
 * (0, 0) with probability 1, whatever the truncation, and {@link #note()} says so.
 *
 * <p>Immutable; holds the final generator (and, from {@link #factorize}, its factorization).
 */
public final class StationaryAnalysis {

    /**
     * An attempt whose screening cost is above this many tolerances is grown without a full solve; at or below, the
     * full solve decides ({@link StationarySolver#screening()}).
     */
    public static final double SCREENING_MARGIN = 4.0;

    private final RateModel rates;
    private final MeanFieldFixedPoint meanField;
    private final Truncation truncation;
    private final Generator generator;
    private final StationaryResult result;
    private final StationaryFactorization factorization;
    private final List<TruncationAttempt> attempts;
    private final String note;
    private final double seconds;

    private StationaryAnalysis(RateModel rates, Truncation truncation, Generator generator, StationaryResult result,
                               StationaryFactorization factorization, List<TruncationAttempt> attempts, String note,
                               double seconds) {
        this.rates = rates;
        this.meanField = MeanFieldFixedPoint.of(rates.parameters());
        this.truncation = truncation;
        this.generator = generator;
        this.result = result;
        this.factorization = factorization;
        this.attempts = List.copyOf(attempts);
        this.note = note;
        this.seconds = seconds;
    }

    /**
     * {@return automatic truncation to the default tolerance, the {@code auto} solver, the PRL 2020 rates}
     *
     * @param parameters the model parameters (A, V, Γ, Γt, τs)
     */
    public static StationaryAnalysis solve(ModelParameters parameters) {
        return solve(parameters, Truncation.automatic(), StationarySolvers.auto());
    }

    /**
     * {@return the PRL 2020 rates of {@code parameters}, solved under {@code truncation} with {@code solver}}
     *
     * @param parameters the model parameters (A, V, Γ, Γt, τs)
     * @param truncation automatic (with its tolerance and caps) or fixed
     * @param solver the stationary solver, e.g. {@link StationarySolvers#auto()}
     */
    public static StationaryAnalysis solve(ModelParameters parameters, Truncation truncation,
                                           StationarySolver solver) {
        return solve(Prl2020RateModel.of(parameters), truncation, solver);
    }

    /**
     * {@return {@code rates} solved under {@code truncation} with {@code solver}}
     *
     * @param rates the rate model (PRL 2020 or exact-spin) with its parameters
     * @param truncation automatic (with its tolerance and caps) or fixed
     * @param solver the stationary solver, e.g. {@link StationarySolvers#auto()}
     * @throws TruncationException      when the cost cannot be brought within a checked tolerance
     * @throws IllegalArgumentException when the solver rejects the chain (e.g. too large for dense GTH)
     */
    public static StationaryAnalysis solve(RateModel rates, Truncation truncation, StationarySolver solver) {
        return run(rates, truncation, solver, false, null);
    }

    /**
     * As {@link #solve(RateModel, Truncation, StationarySolver)}, reporting each step to {@code progress}.
     *
     * @param rates the rate model (PRL 2020 or exact-spin) with its parameters
     * @param truncation automatic (with its tolerance and caps) or fixed
     * @param solver the stationary solver, e.g. {@link StationarySolvers#auto()}
     * @param progress receives each attempt before and after it is solved (null for none)
     * @return the analysis
     */
    public static StationaryAnalysis solve(RateModel rates, Truncation truncation, StationarySolver solver,
                                           Progress progress) {
        return run(rates, truncation, solver, false, progress);
    }

    /**
     * As {@link #solve(RateModel, Truncation, StationarySolver)}, keeping the factorization of the final
     * generator for further solves ({@link #factorization()}): each attempt factorizes instead of solving.
     *
     * @param rates the rate model (PRL 2020 or exact-spin) with its parameters
     * @param truncation automatic (with its tolerance and caps) or fixed
     * @param solver the stationary solver, e.g. {@link StationarySolvers#auto()}
     * @return the analysis, with {@link #hasFactorization()} true
     */
    public static StationaryAnalysis factorize(RateModel rates, Truncation truncation, StationarySolver solver) {
        return run(rates, truncation, solver, true, null);
    }

    /**
     * As {@link #factorize(RateModel, Truncation, StationarySolver)}, reporting each attempt to {@code progress}.
     *
     * @param rates the rate model (PRL 2020 or exact-spin) with its parameters
     * @param truncation automatic (with its tolerance and caps) or fixed
     * @param solver the stationary solver, e.g. {@link StationarySolvers#auto()}
     * @param progress receives each attempt before and after it is solved (null for none)
     * @return the analysis, with {@link #hasFactorization()} true
     */
    public static StationaryAnalysis factorize(RateModel rates, Truncation truncation, StationarySolver solver,
                                               Progress progress) {
        return run(rates, truncation, solver, true, progress);
    }

    /**
     * {@return the PRL 2020 rates of {@code parameters} under {@code truncation} with {@code solver}, keeping the final
     * factorization (as {@link #factorize(RateModel, Truncation, StationarySolver)}): the entry point for noise,
     * {@code NoiseAnalysis.of(StationaryAnalysis.factorize(p, ...))}}
     *
     * @param parameters the model parameters (A, V, Γ, Γt, τs)
     * @param truncation automatic (with its tolerance and caps) or fixed
     * @param solver the stationary solver, e.g. {@link StationarySolvers#auto()}
     */
    public static StationaryAnalysis factorize(ModelParameters parameters, Truncation truncation,
                                               StationarySolver solver) {
        return factorize(Prl2020RateModel.of(parameters), truncation, solver);
    }

    /**
     * {@return {@link #factorize(ModelParameters, Truncation, StationarySolver)} with the defaults of {@link
     * #solve(ModelParameters)}}
     *
     * @param parameters the model parameters (A, V, Γ, Γt, τs)
     */
    public static StationaryAnalysis factorize(ModelParameters parameters) {
        return factorize(parameters, Truncation.automatic(), StationarySolvers.auto());
    }

    private static StationaryAnalysis run(RateModel rates, Truncation truncation, StationarySolver solver,
                                          boolean keepFactorization, Progress progress) {
        long start = System.nanoTime();
        ModelParameters p = rates.parameters();
        List<TruncationAttempt> attempts = new ArrayList<>();
        if (p.totalInjectionRate() == 0.0) {
            Attempt only = attempt(rates, 0, 0, solver, keepFactorization, attempts, progress);
            return new StationaryAnalysis(rates, truncation, only.generator, only.result, only.factorization,
                    attempts, "A = 0: the only stationary state is the empty cluster (N = 0, m = 0)",
                    elapsed(start));
        }
        double tol = truncation.tolerance();
        if (!truncation.isAutomatic()) {
            Attempt a = attempt(rates, truncation.nMax(), truncation.mMax(), solver, keepFactorization, attempts,
                    progress);
            double cost = a.result.relativeOmittedFlux();
            if (truncation.isChecked() && !(cost <= tol)) {
                throw new TruncationException(String.format(Locale.ROOT, "truncation cost %.3g (omitted flux / AV) "
                        + "exceeds the tolerance %.3g at nMax=%d, mMax=%d; raise nMax/mMax or use the automatic "
                        + "truncation", cost, tol, a.result.maxN(), a.result.maxM()), attempts);
            }
            return new StationaryAnalysis(rates, truncation, a.generator, a.result, a.factorization, attempts, null,
                    elapsed(start));
        }
        int limit = truncation.maxStates();
        long nMax = TruncationPlanner.initialNMax(p, tol, limit);
        MWindow window = truncation.isWindows() ? new TwoSidedWindow(rates, nMax, tol, limit)
                : truncation.isBand() ? new BandWindow(p, tol, limit) : new RectangleWindow(rates, nMax, tol, limit);
        StationaryResult previous = null; // the last attempt's answer: the iterative solvers start from it
        for (int growth = 0; ; growth++) {
            long states = window.states(nMax);
            if (states > limit) {
                throw new TruncationException(String.format(Locale.ROOT, "the automatic truncation needs more than "
                        + "%d states (next attempt: nMax=%d, %s, %d states) to bring the cost below %.3g; "
                        + "raise the state cap or the tolerance%s", limit, nMax, window.describe(nMax), states, tol,
                        attempts.isEmpty() ? "" : " (last cost " + String.format(Locale.ROOT, "%.3g",
                                attempts.get(attempts.size() - 1).relativeOmittedFlux()) + ")"), attempts, states);
            }
            Attempt a;
            try {
                a = screenedAttempt(rates, window.space((int) nMax), solver, keepFactorization, attempts, progress,
                        previous, tol);
            } catch (TruncationException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                // the solver refused this attempt (e.g. its factors do not fit the heap): the same message, with the
                // size of the attempt it refused, so that a caller can say how many states the chain needs
                TruncationException refusal = new TruncationException(e.getMessage(), attempts, states);
                refusal.initCause(e);
                throw refusal;
            }
            TruncationAttempt last = attempts.get(attempts.size() - 1);
            double cost = last.relativeOmittedFlux();
            if (cost <= tol && !a.result.isScreening()) { // only a full solve meets the tolerance
                return new StationaryAnalysis(rates, truncation, a.generator, a.result, a.factorization, attempts,
                        null, elapsed(start));
            }
            if (growth >= truncation.maxGrowths()) {
                throw new TruncationException(String.format(Locale.ROOT, "the automatic truncation did not reach "
                        + "cost %.3g after %d growths (last: %s)", tol, growth, last), attempts);
            }
            boolean growN = last.outerLevelMass() > 0.5 * tol;
            boolean growM = window.canGrow() && last.columnCost() > 0.5 * tol;
            if (!growN && !growM) { // cost split evenly below tol/2 each: grow both a little
                growN = true;
                growM = window.canGrow();
            }
            long newN = growN ? TruncationPlanner.grow(a.result.marginalN(), (int) nMax,
                    Math.max(last.outerLevelMass(), tol), tol) : nMax;
            nMax = Math.min(newN, Integer.MAX_VALUE - 1L);
            window.grow(growM, a.generator, a.result, last, nMax);
            previous = a.result;
            a = null; // this attempt's generator and factorization are garbage before the next one is assembled
        }
    }

    /**
     * The m side of the automatic truncation: how each attempt bounds m, and how that bound grows when the m edges
     * carry the cost (the N side, Nmax, is the loop's own).
     */
    private interface MWindow {

        /** Number of states for levels 0 … nMax (may exceed int: checked against the cap before building). */
        long states(long nMax);

        /** The state space for levels 0 … nMax. */
        StateSpace space(int nMax);

        /** Whether the m bound can still grow (false once it keeps every valid m). */
        boolean canGrow();

        /** After an attempt: grow the m bound if {@code growM}, and follow the new Nmax. */
        void grow(boolean growM, Generator generator, StationaryResult result, TruncationAttempt last, long nMax);

        /** The m bound for messages, e.g. {@code mMax=12}. */
        String describe(long nMax);
    }

    /**
     * One mMax for every level: starts at {@link TruncationPlanner#initialMMax}, grows by
     * {@link TruncationPlanner#grow} on P(m), and becomes "no limit" once it reaches ⌊Nmax/2⌋.
     */
    private static final class RectangleWindow implements MWindow {
        private final double tol;
        private boolean full;
        private long mMax;

        RectangleWindow(RateModel rates, long nMax, double tol, int limit) {
            this.tol = tol;
            int start = nMax > limit ? Truncation.NO_M_LIMIT : TruncationPlanner.initialMMax(rates, (int) nMax, tol);
            full = start == Truncation.NO_M_LIMIT;
            mMax = full ? nMax / 2 : start;
        }

        private long bound(long nMax) {
            return full ? nMax / 2 : mMax;
        }

        @Override
        public long states(long nMax) {
            return rectangleSize(nMax, bound(nMax));
        }

        @Override
        public StateSpace space(int nMax) {
            return StateSpace.rectangle(nMax, full ? Truncation.NO_M_LIMIT : (int) mMax);
        }

        @Override
        public boolean canGrow() {
            return !full;
        }

        @Override
        public void grow(boolean growM, Generator generator, StationaryResult result, TruncationAttempt last,
                         long nMax) {
            long newM = mMax;
            if (growM) {
                newM = TruncationPlanner.grow(result.marginalM(), (int) mMax, Math.max(last.columnCost(), tol), tol);
            }
            if (!full && newM >= nMax / 2) {
                full = true;
            }
            mMax = full ? nMax / 2 : newM;
        }

        @Override
        public String describe(long nMax) {
            return "mMax=" + bound(nMax);
        }
    }

    /**
     * Per-level windows following m*(N) ({@link Truncation#withBand()}, {@link BandTruncation#around}): start with no
     * slack, and where the rectangle would raise mMax widen every level's window instead (slack w/8, at least 2,
     * then doubling).
     */
    private static final class BandWindow implements MWindow {
        private final ModelParameters parameters;
        private final double tol;
        private final int limit;
        private int slack;
        private StateSpace next;

        BandWindow(ModelParameters parameters, double tol, int limit) {
            this.parameters = parameters;
            this.tol = tol;
            this.limit = limit;
        }

        @Override
        public long states(long nMax) {
            if (nMax >= limit) { // every level keeps at least one state: more than the cap, without building it
                return nMax + 1;
            }
            next = space((int) nMax);
            return next.size();
        }

        @Override
        public StateSpace space(int nMax) {
            if (next == null || next.maxN() != nMax) {
                next = BandTruncation.around(parameters, nMax, tol, slack);
            }
            return next;
        }

        @Override
        public boolean canGrow() {
            return true;
        }

        @Override
        public void grow(boolean growM, Generator generator, StationaryResult result, TruncationAttempt last,
                         long nMax) {
            if (growM) {
                slack = slack == 0 ? Math.max(2, result.space().maxLevelWidth() / 8) : 2 * slack;
                next = null;
            }
        }

        @Override
        public String describe(long nMax) {
            return "band slack=" + slack;
        }
    }

    /**
     * Two-sided per-level windows ({@link Truncation#withWindows()}, {@link TwoSidedWindows}): start from
     * {@link TwoSidedWindows#start}, widen the m edges that carry the omitted flux, follow Nmax by
     * {@link TwoSidedWindows#extendTo}.
     */
    private static final class TwoSidedWindow implements MWindow {
        /** Up to this Nmax the windows are counted exactly before the cap is checked (arrays of Nmax ints). */
        private static final long HUGE_LEVELS = 100_000_000L;
        private final double tol;
        private final int limit;
        private final RateModel rates;
        private TwoSidedWindows windows;

        TwoSidedWindow(RateModel rates, long nMax, double tol, int limit) {
            this.rates = rates;
            this.tol = tol;
            this.limit = limit;
        }

        private TwoSidedWindows at(long nMax) {
            if (windows == null) {
                windows = TwoSidedWindows.start(rates, (int) nMax, tol);
            }
            return windows.extendTo((int) nMax);
        }

        @Override
        public long states(long nMax) {
            if (nMax >= Math.max(limit, HUGE_LEVELS)) { // at least one state a level: beyond the cap, not built
                return nMax + 1;
            }
            return windows == null ? at(nMax).states() : windows.statesAt(nMax);
        }

        @Override
        public StateSpace space(int nMax) {
            windows = at(nMax);
            return windows.space();
        }

        @Override
        public boolean canGrow() {
            return true;
        }

        @Override
        public void grow(boolean growM, Generator generator, StationaryResult result, TruncationAttempt last,
                         long nMax) {
            if (growM) {
                double[] p = result.probabilitiesView();
                windows = windows.grow(generator.space(), p, TwoSidedWindows.edgeFlux(generator, p), tol);
            }
            windows = windows.extendTo((int) nMax);
        }

        @Override
        public String describe(long nMax) {
            return "two-sided windows";
        }
    }

    /** Receives the steps of a long analysis (e.g. to print progress); called on the solving thread. */
    public interface Progress {

        /**
         * An attempt is about to be assembled and solved.
         *
         * @param nMax largest N of the attempt
         * @param mMax largest m of the attempt
         * @param states number of states of the attempt
         * @param solver the solver's name
         */
        void solving(int nMax, int mMax, int states, String solver);

        /**
         * An attempt finished.
         *
         * @param attempt its truncation, cost, solver and time
         */
        void solved(TruncationAttempt attempt);
    }

    private static long rectangleSize(long nMax, long mMax) {
        long size = 0;
        // Σ_{N ≤ nMax} (min(⌊N/2⌋, mMax) + 1), closed form per parity would do; this loop is O(nMax) and cheap
        for (long n = 0; n <= nMax; n++) {
            size += Math.min(n / 2, mMax) + 1;
            if (size > Integer.MAX_VALUE) {
                return size;
            }
        }
        return size;
    }

    private static final class Attempt {
        final Generator generator;
        final StationaryResult result;
        final StationaryFactorization factorization;

        Attempt(Generator generator, StationaryResult result, StationaryFactorization factorization) {
            this.generator = generator;
            this.result = result;
            this.factorization = factorization;
        }
    }

    private static Attempt attempt(RateModel rates, int nMax, int mMax, StationarySolver solver,
                                   boolean keepFactorization, List<TruncationAttempt> attempts,
                                   Progress progress) {
        return attempt(rates, StateSpace.rectangle(nMax, mMax), solver, keepFactorization, attempts, progress, null);
    }

    /**
     * One attempt: the solver's up-front memory check on the space alone ({@link StationarySolver#requireFits}, so
     * that a chain out of reach is refused before its generator is assembled), the assembly, the solve (from
     * {@code previous} where the solver can start from it).
     */
    private static Attempt attempt(RateModel rates, StateSpace space, StationarySolver solver,
                                   boolean keepFactorization, List<TruncationAttempt> attempts,
                                   Progress progress, StationaryResult previous) {
        long start = System.nanoTime();
        Generator generator = assemble(rates, space, solver, progress);
        return solveAttempt(generator, solver, keepFactorization, attempts, progress, previous, start);
    }

    /**
     * One attempt of an automatic truncation, screened where the solver can ({@link StationarySolver#screening()}):
     * the screening solve, and the full solve of the same generator (from the screening answer) unless the
     * screening cost exceeds {@value #SCREENING_MARGIN} × {@code tol}. Without a screening solver, {@link #attempt}.
     *
     * @return the full solve's attempt, or the screening one (flagged {@link StationaryResult#isScreening()}) when
     *     its cost is clearly beyond the tolerance
     */
    private static Attempt screenedAttempt(RateModel rates, StateSpace space, StationarySolver solver,
                                           boolean keepFactorization, List<TruncationAttempt> attempts,
                                           Progress progress, StationaryResult previous, double tol) {
        StationarySolver screen = solver.screening();
        if (screen == null) {
            return attempt(rates, space, solver, keepFactorization, attempts, progress, previous);
        }
        long start = System.nanoTime();
        Generator generator = assemble(rates, space, solver, progress);
        Attempt s = solveAttempt(generator, screen, keepFactorization, attempts, progress, previous, start);
        if (!s.result.isScreening()) {
            return s; // the screening solver routed to an exact solver: its answer is final
        }
        StationaryResult screened = s.result;
        s = null; // the screening hierarchy is garbage before the full solve builds its own
        if (screeningSaysGrow(screened.relativeOmittedFlux(), tol)) {
            return new Attempt(generator, screened, null);
        }
        if (progress != null) {
            progress.solving(space.maxN(), space.maxM(), space.size(), solver.name());
        }
        return solveAttempt(generator, solver, keepFactorization, attempts, progress, screened, System.nanoTime());
    }

    /**
     * {@return whether a screening solve's cost {@code screeningCost} lets the truncation grow without a full solve:
     * screeningCost &gt; {@value #SCREENING_MARGIN} × tol} Never true at or below the margin (a full solve decides
     * there), nor for a NaN cost. A screening cost never meets the tolerance by itself: {@link #run} accepts only
     * a full solve.
     *
     * @param screeningCost the relative omitted flux of the screening solution
     * @param tol           the truncation's tolerance
     */
    static boolean screeningSaysGrow(double screeningCost, double tol) {
        return screeningCost > SCREENING_MARGIN * tol;
    }

    /** The solver's up-front memory check on the space alone, then the assembly (rows where the solver reads rows). */
    private static Generator assemble(RateModel rates, StateSpace space, StationarySolver solver, Progress progress) {
        solver.requireFits(rates, space);
        if (progress != null) {
            progress.solving(space.maxN(), space.maxM(), space.size(), solver.name());
        }
        return solver.readsRows(rates, space) ? Generator.assembleRows(rates, space)
                : Generator.assemble(rates, space);
    }

    /** The solve of one assembled attempt, recorded in {@code attempts} and reported to {@code progress}. */
    private static Attempt solveAttempt(Generator generator, StationarySolver solver, boolean keepFactorization,
                                        List<TruncationAttempt> attempts, Progress progress,
                                        StationaryResult previous, long start) {
        StateSpace space = generator.space();
        int nMax = space.maxN();
        StationaryFactorization factorization = null;
        StationaryResult result;
        if (keepFactorization) {
            factorization = solver.factorize(generator, previous);
            result = factorization.stationary();
        } else {
            result = solver.solve(generator, previous);
        }
        TruncationAttempt record = new TruncationAttempt(nMax, space.maxM(), space.size(),
                result.relativeOmittedFlux(), result.outerLevelMass(), result.outerColumnMass(), result.solver(),
                elapsed(start));
        attempts.add(record);
        if (progress != null) {
            progress.solved(record);
        }
        return new Attempt(generator, result, factorization);
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    /**
     * {@return the same final truncation (the same generator) factorized again with {@code solver}, for when the first
     * factorization's further solves prove inaccurate (e.g. a group-inverse residual check fails)} The truncation
     * is not re-chosen; the attempts gain one record for this solve.
     *
     * @param solver the solver for the new factorization (e.g. {@link StationarySolvers#lu()})
     * @throws IllegalArgumentException as {@link StationarySolver#factorize}
     */
    public StationaryAnalysis refactorize(StationarySolver solver) {
        long start = System.nanoTime();
        StationaryFactorization f = solver.factorize(generator);
        StationaryResult r = f.stationary();
        StateSpace space = generator.space();
        List<TruncationAttempt> all = new ArrayList<>(attempts);
        all.add(new TruncationAttempt(space.maxN(), space.maxM(), space.size(), r.relativeOmittedFlux(),
                r.outerLevelMass(), r.outerColumnMass(), r.solver(), elapsed(start)));
        return new StationaryAnalysis(rates, truncation, generator, r, f, all, note, seconds + elapsed(start));
    }

    /** {@return the rate model solved} */
    public RateModel rateModel() {
        return rates;
    }

    /** {@return the parameters solved} */
    public ModelParameters parameters() {
        return rates.parameters();
    }

    /** {@return the mean-field fixed point (Eqs. 3–4) and regime of the parameters} */
    public MeanFieldFixedPoint meanField() {
        return meanField;
    }

    /** {@return the truncation requested} */
    public Truncation truncation() {
        return truncation;
    }

    /** {@return the final result} */
    public StationaryResult result() {
        return result;
    }

    /** {@return the generator of the final truncation} */
    public Generator generator() {
        return generator;
    }

    /**
     * {@return whether the factorization of the final generator was kept ({@link #factorize}, {@link #refactorize})}
     */
    public boolean hasFactorization() {
        return factorization != null;
    }

    /**
     * {@return the factorization of the final generator}
     *
     * @throws IllegalStateException unless the analysis came from {@link #factorize} (see {@link #hasFactorization})
     */
    public StationaryFactorization factorization() {
        if (factorization == null) {
            throw new IllegalStateException("no factorization kept: use StationaryAnalysis.factorize");
        }
        return factorization;
    }

    /** {@return every attempt, in order; the last one is {@link #result()}} */
    public List<TruncationAttempt> attempts() {
        return attempts;
    }

    /** {@return whether the final cost is within the truncation's tolerance (always true for a checked truncation)} */
    public boolean withinTolerance() {
        return result.relativeOmittedFlux() <= truncation.tolerance();
    }

    /**
     * {@return δ, the scale of the truncation error of ⟨N⟩ and ⟨m⟩: an estimate, not a rigorous bound
     * (docs/theory.md, "Truncation and its cost")}
     *
     * <p>Exactly, ⟨f⟩_truncated − ⟨f⟩ = Σ over the omitted transitions j→k of p_j rate_jk (g_j − g_k), where g
     * solves the Poisson equation Lᵀg = −(f − ⟨f⟩) of the larger chain. In the Ornstein–Uhlenbeck approximation
     * of N, g changes by τ_N per particle, with τ_N = 2 Var N / D_N the relaxation time of N and D_N = 3 A V its
     * diffusion constant (injections +1 at rate AV, annihilations −2 at rate AV/2). An omitted injection changes
     * N by 1, an omitted spin flip by at most 2 later (one more singlet pair), so
     * |Δ⟨N⟩|, |Δ⟨m⟩| ≲ 2 c A V τ_N = (4/3) c Var N = δ, with c = omittedFlux/(AV), and
     * |ΔVar N| ≲ δ (Nmax − ⟨N⟩). Checked against larger truncations in TruncationCostTest.
     */
    public double truncationErrorScale() {
        return 4.0 / 3.0 * result.relativeOmittedFlux() * result.varianceN();
    }

    /** {@return a remark on a special case (A = 0), or null} */
    public String note() {
        return note;
    }

    /** {@return wall time of the whole analysis (every attempt) in seconds} */
    public double seconds() {
        return seconds;
    }

    @Override
    public String toString() {
        return "StationaryAnalysis{" + truncation + ", attempts=" + attempts + ", result=" + result + "}";
    }
}
