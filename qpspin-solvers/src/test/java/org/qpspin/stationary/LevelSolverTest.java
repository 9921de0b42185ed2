package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Channel;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.TransitionSink;
import org.qpspin.space.StateSpace;

/** The level solver against the dense GTH oracle, entrywise, over a seeded sweep of all regimes. */
class LevelSolverTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    /** Probabilities at or above this are compared to 1e-10 relative (issue 2). */
    private static final double SMALLEST_COMPARED = 1e-250;

    private static int comparedBelow1e200;
    private static int comparedTotal;

    /** A named chain: parameters and truncated space. */
    record Case(String name, ModelParameters parameters, StateSpace space) {
        @Override
        public String toString() {
            return name + " " + parameters + " " + space;
        }
    }

    static Stream<Arguments> sweep() {
        SplittableRandom rng = new SplittableRandom(20261124L);
        List<Case> cases = new ArrayList<>();
        for (int draw = 0; draw < 3; draw++) {
            // SR: triplet annihilation negligible, V < Vc = Γτs
            double tau = Math.pow(10, rng.nextDouble(-1, 0));
            double n0 = rng.nextDouble(5, 12);
            cases.add(new Case("SR", ModelParameters.of(2 * n0 * n0 / tau, 1.0, Math.pow(10, rng.nextDouble(0.5, 1.5)),
                    1e-6, tau), StateSpace.rectangle((int) (3.5 * n0) + 10, 4 + rng.nextInt(5))));
            // SR deep tail: P(N) falls below 1e-250 near Nmax, and below the double range for N0 = 3
            double tail = 3 + draw + rng.nextDouble(0, 0.5);
            cases.add(new Case("SR-tail", ModelParameters.of(2 * tail * tail, 1.0, 10.0, 1e-6, 1.0),
                    StateSpace.rectangle(280 + rng.nextInt(20), 2)));
            // TA: no spin flips
            double gt = Math.pow(10, rng.nextDouble(-2, -1));
            double ta = rng.nextDouble(6, 12);
            cases.add(new Case("TA", ModelParameters.of(gt * ta * ta * ta, 1.0, Math.pow(10, rng.nextDouble(0, 1)), gt,
                    INF), StateSpace.rectangle((int) (4 * ta), 6)));
            // TA with large A: P(0) from ~1e-220 down to below the double range (p(0) = 1 in both solvers, so the
            // peak goes beyond 2^600 and both rescale)
            double big = 130 + 20 * draw + rng.nextDouble(0, 5);
            cases.add(new Case("TA-largeA", ModelParameters.of(0.05 * big * big * big, 1.0, 20.0, 0.05, INF),
                    StateSpace.rectangle((int) (1.6 * big), 2)));
            // crossover: spin relaxation and triplet annihilation equal at N0
            double cn = rng.nextDouble(6, 10);
            double ctau = Math.pow(10, rng.nextDouble(-0.5, 0.5));
            double cgt = 2.0 / (ctau * cn);
            cases.add(new Case("crossover", ModelParameters.of(2 * cn * cn / ctau + cgt * cn * cn * cn, 1.0, 5.0, cgt,
                    ctau), StateSpace.triangle((int) (3 * cn) + 8)));
            // unpolarized: V > Vc = Γτs
            double nu = rng.nextDouble(6, 10);
            double gs = Math.pow(10, rng.nextDouble(-1.5, -1));
            cases.add(new Case("unpolarized", ModelParameters.of(gs * nu * nu / 2, 1.0, gs, 0.01 * gs, 1.0),
                    StateSpace.triangle((int) (3.5 * nu) + 8)));
            // Γ = 0: triplet annihilation and flips only
            cases.add(new Case("singlet-free", ModelParameters.of(rng.nextDouble(5, 50), 1.0, 0.0,
                    Math.pow(10, rng.nextDouble(-1, 0)), Math.pow(10, rng.nextDouble(-1, 0.5))),
                    StateSpace.triangle(36)));
            // strongly polarized triangle: P(N, m) at large m far below the double range
            cases.add(new Case("polarized-triangle", ModelParameters.of(rng.nextDouble(20, 60), 1.0,
                    Math.pow(10, rng.nextDouble(1.5, 2.5)), 0.02, Math.pow(10, rng.nextDouble(0, 1))),
                    StateSpace.triangle(48)));
            // band following m ≈ N/8, with mLow(N) > 0 at large N
            int nMax = 60 + rng.nextInt(20);
            int[] lo = new int[nMax + 1];
            int[] hi = new int[nMax + 1];
            for (int n = 0; n <= nMax; n++) {
                lo[n] = n / 8 - 3;
                hi[n] = n / 8 + 3;
            }
            cases.add(new Case("band", ModelParameters.of(rng.nextDouble(50, 150), 1.0, 2.0, 0.02,
                    Math.pow(10, rng.nextDouble(-1, 0))), StateSpace.band(lo, hi)));
        }
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweep")
    void agreesWithDenseGthEntrywise(Case c) {
        Generator g = Generator.assemble(Prl2020RateModel.of(c.parameters()), c.space());
        double[] oracle = StationarySolvers.gth().solve(g).probabilitiesView();
        StationaryResult levels = StationarySolvers.levels().solve(g);
        assertEquals("levels", levels.solver());
        assertTrue(levels.relativeResidual() < 1e-14, () -> "residual " + levels.relativeResidual());
        double[] p = levels.probabilitiesView();
        for (int i = 0; i < p.length; i++) {
            int state = i;
            if (oracle[i] >= SMALLEST_COMPARED) {
                assertEquals(oracle[i], p[i], 1e-10 * oracle[i], () -> "state (N=" + g.space().levelOf(state)
                        + ", m=" + g.space().mOf(state) + ")");
                comparedTotal++;
                if (oracle[i] < 1e-200) {
                    comparedBelow1e200++;
                }
            } else {
                assertTrue(p[i] < SMALLEST_COMPARED * (1 + 1e-9), () -> "state " + state + ": oracle " + oracle[state]
                        + ", levels " + p[state]);
            }
        }
    }

    /** The sweep must actually reach the tiny probabilities it claims to check. */
    @AfterAll
    static void sweepReachedTinyProbabilities() {
        if (comparedTotal > 0) {
            assertTrue(comparedBelow1e200 > 20, "only " + comparedBelow1e200 + " probabilities in [1e-250, 1e-200)");
        }
    }

    @Test
    void rectangleAndTriangleAgreeWithDenseOnMoments() {
        ModelParameters p = ModelParameters.of(80.0, 1.0, 10.0, 0.05, 0.5);
        for (StateSpace space : List.of(StateSpace.rectangle(70, 5), StateSpace.triangle(50))) {
            Generator g = Generator.assemble(Prl2020RateModel.of(p), space);
            StationaryResult a = StationarySolvers.gth().solve(g);
            StationaryResult b = StationarySolvers.byName("levels").solve(g);
            assertEquals(a.meanN(), b.meanN(), 1e-13 * a.meanN());
            assertEquals(a.varianceN(), b.varianceN(), 1e-12 * a.varianceN());
            assertEquals(a.meanM(), b.meanM(), 1e-12 * a.meanM());
        }
    }

    @Test
    void smallestChains() {
        ModelParameters p = ModelParameters.of(3.0, 1.0, 1.0, 0.5, 1.0);
        // Nmax = 1: (1, 0) has no way down (the injection is truncated), both solvers reject it
        Generator one = Generator.assemble(Prl2020RateModel.of(p), StateSpace.triangle(1));
        assertThrows(IllegalArgumentException.class, () -> StationarySolvers.levels().solve(one));
        for (int nMax : new int[] {0, 2, 3, 4}) {
            Generator g = Generator.assemble(Prl2020RateModel.of(p), StateSpace.triangle(nMax));
            double[] a = StationarySolvers.gth().solve(g).probabilitiesView();
            double[] b = StationarySolvers.levels().solve(g).probabilitiesView();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-15 * a[i]);
            }
        }
    }

    @Test
    void groupInverseSolvesKeepTheContractWhereverThePeakIs() {
        ModelParameters p = ModelParameters.of(60.0, 1.0, 10.0, 0.05, 0.3);
        // the last chain has p(0, 0) ~ 1e-69 of the peak (a factorization pinned at state 0 fails there)
        ModelParameters tiny = ModelParameters.withMeanFieldN0(100, 1.0, 50.0, 0.05, INF);
        for (Case c : List.of(new Case("rectangle", p, StateSpace.rectangle(80, 6)),
                new Case("triangle", p, StateSpace.triangle(40)), new Case("band", p, bandSpace(70)),
                new Case("tiny p(0,0)", tiny, StateSpace.rectangle(200, 5)),
                // where the most probable state sits: the top level, inside a wide level, the lowest possible
                new Case("peak at Nmax", ModelParameters.withMeanFieldN0(100, 1.0, 50.0, 0.05, INF),
                        StateSpace.rectangle(40, 4)),
                new Case("peak inside a level", ModelParameters.withMeanFieldN0(20, 1.0, 1.0, 1e-3, 1.0),
                        StateSpace.triangle(45)),
                new Case("peak at N=1", ModelParameters.of(0.05, 1.0, 10.0, 0.05, 0.3), StateSpace.rectangle(30, 4)))) {
            StateSpace space = c.space();
            Generator g = Generator.assemble(Prl2020RateModel.of(c.parameters()), space);
            double[] prob = StationarySolvers.levels().solve(g).probabilitiesView();
            int top = 0;
            for (int i = 1; i < prob.length; i++) {
                top = prob[i] > prob[top] ? i : top;
            }
            int peakN = space.levelOf(top);
            int peakM = space.mOf(top);
            switch (c.name()) {
                case "peak at Nmax" -> assertEquals(space.maxN(), peakN);
                case "peak inside a level" -> assertTrue(peakM > space.lowM(peakN) && peakM < space.highM(peakN),
                        "m=" + peakM);
                case "peak at N=1" -> assertEquals(1, peakN); // p(1, 0) ≥ p(0, 0) always: (1, 0) only leaves up
                default -> {
                    // the other chains: peak wherever their parameters put it
                }
            }
            StationaryFactorization levels = StationarySolvers.levels().factorize(g);
            StationaryFactorization dense = StationarySolvers.gth().factorize(g);
            assertEquals("levels", levels.solver());
            StationarySolverContract.assertGroupInverseSolves(g, levels, dense, c.name());
        }
    }

    private static StateSpace bandSpace(int nMax) {
        int[] lo = new int[nMax + 1];
        int[] hi = new int[nMax + 1];
        for (int n = 0; n <= nMax; n++) {
            lo[n] = n / 10 - 2;
            hi[n] = n / 10 + 4;
        }
        return StateSpace.band(lo, hi);
    }

    @Test
    void reducibleChainIsRejectedNamingTheState() {
        // Γt = 0 and m ≤ 0: singlet annihilation needs m ≥ 1 and the flip to m = 1 is truncated away
        ModelParameters p = ModelParameters.of(10.0, 1.0, 1.0, 0.0, 1.0);
        Generator g = Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle(20, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StationarySolvers.levels().solve(g));
        assertTrue(e.getMessage().contains("reducible") && e.getMessage().contains("(N=20, m=0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StationarySolvers.levels().factorize(g));
    }

    /** PRL rates plus an extra channel, to check the structure handling beyond ΔN ∈ {+1, 0, −2}. */
    static RateModel withExtraJump(ModelParameters p, int deltaN, double rate) {
        Prl2020RateModel prl = Prl2020RateModel.of(p);
        return new RateModel() {
            @Override
            public String name() {
                return "prl2020+jump";
            }

            @Override
            public ModelParameters parameters() {
                return p;
            }

            @Override
            public void forEachTransition(int n, int m, TransitionSink sink) {
                prl.forEachTransition(n, m, sink);
                if (StateSpace.isValid(n + deltaN, m)) {
                    sink.accept(Channel.TRIPLET_MAJORITY, n + deltaN, m, rate);
                }
            }

            @Override
            public double totalRate(int n, int m) {
                return prl.totalRate(n, m) + (StateSpace.isValid(n + deltaN, m) ? rate : 0.0);
            }
        };
    }

    @Test
    void longerDownwardJumpsAreHandled() {
        ModelParameters p = ModelParameters.of(40.0, 1.0, 5.0, 0.05, 0.5);
        Generator g = Generator.assemble(withExtraJump(p, -5, 3.0), StateSpace.rectangle(60, 4));
        StationaryFactorization dense = StationarySolvers.gth().factorize(g);
        StationaryFactorization levels = StationarySolvers.levels().factorize(g);
        double[] a = dense.stationary().probabilitiesView();
        double[] b = levels.stationary().probabilitiesView();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-11 * a[i]);
        }
        // the peak-pinned factorization with blocks of D + 1 = 6 levels upwards
        int n = g.size();
        double mean = levels.stationary().meanN();
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = -(g.space().levelOf(i) - mean) * b[i];
        }
        double[] x = new double[n];
        double[] y = new double[n];
        levels.solveGroupInverse(rhs, x);
        dense.solveGroupInverse(rhs, y);
        double size = 0;
        for (double v : y) {
            size = Math.max(size, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(y[i], x[i], 1e-10 * size, "entry " + i);
        }
    }

    @Test
    void jumpsOfTwoLevelsUpwardsAreRejected() {
        ModelParameters p = ModelParameters.of(40.0, 1.0, 5.0, 0.05, 0.5);
        Generator g = Generator.assemble(withExtraJump(p, 2, 1.0), StateSpace.rectangle(20, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StationarySolvers.levels().solve(g));
        assertTrue(e.getMessage().contains("at most 1"), e.getMessage());
    }
}
