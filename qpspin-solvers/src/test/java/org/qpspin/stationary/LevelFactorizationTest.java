package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/**
 * The one elimination of the level solver, pinned at the mean-field state: its stationary vector (GTH back
 * substitution from the pin) and its group-inverse solves against the dense oracle, for any pin.
 */
class LevelFactorizationTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    static Stream<Arguments> sweep() {
        return LevelSolverTest.sweep();
    }

    /** factorize's stationary vector (the same back substitution as solve, with the rows kept) and its solves. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sweep")
    void factorizationAgreesWithDenseGth(LevelSolverTest.Case c) {
        Generator g = Generator.assemble(Prl2020RateModel.of(c.parameters()), c.space());
        StationaryFactorization dense = StationarySolvers.gth().factorize(g);
        StationaryFactorization levels = StationarySolvers.levels().factorize(g);
        assertEntrywise(dense.stationary().probabilitiesView(), levels.stationary().probabilitiesView(), g);
        assertSolvesAgree(g, dense, levels, c.toString());
    }

    /**
     * The stationary vector does not depend on the pin: the pinned state at the empty state, the far tail (p
     * below 1e-200 of the peak, or below the double range), inside a level and at the peak, each compared with
     * dense GTH entrywise. The pins far below the peak make the back substitution climb by factors beyond 2^600
     * within and across levels (the per-level exponents and the rescaling guard).
     */
    @Test
    void everyPinGivesTheSameStationaryVector() {
        List<Generator> chains = List.of(
                // TA with large A: p(0, 0) ≈ 1e-250 of the peak
                Generator.assemble(Prl2020RateModel.of(ModelParameters.of(0.05 * 150 * 150 * 150, 1.0, 20.0, 0.05,
                        INF)), StateSpace.rectangle(240, 2)),
                // SR deep tail: p(Nmax) below the double range
                Generator.assemble(Prl2020RateModel.of(ModelParameters.of(2 * 16.0, 1.0, 10.0, 1e-6, 1.0)),
                        StateSpace.rectangle(290, 2)),
                // strongly polarized triangle: p at large m far below the peak within each level
                Generator.assemble(Prl2020RateModel.of(ModelParameters.of(60.0, 1.0, 300.0, 0.02, 10.0)),
                        StateSpace.triangle(48)));
        double smallestOfAll = 1.0;
        for (Generator g : chains) {
            double[] oracle = StationarySolvers.gth().solve(g).probabilitiesView();
            StateSpace space = g.space();
            int top = mostProbable(oracle);
            int maxN = space.maxN();
            int[] pins = {0, top, space.index(maxN, space.lowM(maxN)), space.index(maxN, space.highM(maxN)),
                    space.index(maxN / 2, space.highM(maxN / 2)), space.index(maxN / 3, space.lowM(maxN / 3))};
            double smallest = 1.0;
            for (int pin : pins) {
                smallest = Math.min(smallest, oracle[pin] / oracle[top]);
                LevelFactorization f = new LevelFactorization(g, pin, false, "levels", System.nanoTime());
                assertEquals(pin, f.pin());
                assertEntrywise(oracle, f.stationary().probabilitiesView(), g);
            }
            assertTrue(smallest < 1e-60, "the pins must reach far below the peak: " + smallest);
            smallestOfAll = Math.min(smallestOfAll, smallest);
        }
        assertTrue(smallestOfAll < 1e-200, "the pins must reach below 1e-200 of the peak: " + smallestOfAll);
    }

    /**
     * A pin below the double range: with A V = 1e-200 every level is ~1e-200 of the one below, so from a pin on
     * the top level each back-substituted value exceeds 2^600 (the rescaling guard) and the levels' exponents span
     * far beyond the double range; only p(0, 0), p(1, 0) and p(2, ·) ≈ 1e-201 are representable and must still be exact.
     */
    @Test
    void pinFarBelowTheDoubleRange() {
        Generator g = Generator.assemble(Prl2020RateModel.of(ModelParameters.of(1e-200, 1.0, 1.0, 1.0, 1.0)),
                StateSpace.rectangle(8, 2));
        double[] oracle = StationarySolvers.gth().solve(g).probabilitiesView();
        assertTrue(oracle[g.space().index(2, 0)] > 1e-250 && oracle[g.space().index(3, 0)] < 1e-300);
        for (int pin : new int[] {g.space().index(8, 0), g.space().index(8, 2), g.space().index(5, 1)}) {
            LevelFactorization f = new LevelFactorization(g, pin, false, "levels", System.nanoTime());
            assertEntrywise(oracle, f.stationary().probabilitiesView(), g);
        }
    }

    /**
     * Pins near the peak, where p_max / p_pin ≤ {@link LevelFactorization#PIN_AMPLIFICATION_LIMIT} (the pins
     * factorize accepts), give group-inverse solves as accurate as the peak itself.
     */
    @Test
    void pinsNearThePeakGiveAccurateSolves() {
        for (Generator g : List.of(
                Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(60, 1.0, 50.0, 0.05, INF)),
                        StateSpace.rectangle(130, 6)),
                Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(20, 1.0, 2.0, 1e-3, 1.0)),
                        StateSpace.triangle(60)))) {
            StationaryFactorization dense = StationarySolvers.gth().factorize(g);
            double[] p = dense.stationary().probabilitiesView();
            int top = mostProbable(p);
            // the states accepted as pins, from the peak to the farthest, five of them evenly spread
            List<Integer> near = new ArrayList<>();
            for (int i = 0; i < p.length; i++) {
                if (p[top] <= LevelFactorization.PIN_AMPLIFICATION_LIMIT * p[i]) {
                    near.add(i);
                }
            }
            near.sort((i, j) -> Double.compare(p[j], p[i]));
            assertTrue(near.size() >= 5 && p[top] > LevelFactorization.PIN_AMPLIFICATION_LIMIT / 2 * p[near.get(
                    near.size() - 1)], near.size() + " pins");
            for (int k = 0; k < 5; k++) {
                int pin = near.get(k * (near.size() - 1) / 4);
                LevelFactorization f = new LevelFactorization(g, pin, true, "levels", System.nanoTime());
                assertSolvesAgree(g, dense, f, "pin " + pin + ", p_max / p_pin = " + p[top] / p[pin]);
            }
        }
    }

    /** Where the estimate is good: well-truncated chains in each regime, p_max / p_pin small. */
    @Test
    void meanFieldStateIsNearThePeakInEveryRegime() {
        List<Generator> chains = List.of(
                // SR polarized, TA, crossover, unpolarized (Eq. 4 alone is off by 8× in N there), Γ = 0
                Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(40, 1.0, 100.0, 1e-6, 1.0)),
                        StateSpace.rectangle(150, 8)),
                Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(40, 1.0, 1.0, 0.0125, INF)),
                        StateSpace.triangle(120)),
                Generator.assemble(Prl2020RateModel.of(ModelParameters.of(2 * 64 + 0.25 * 512, 1.0, 5.0, 0.25, 1.0)),
                        StateSpace.triangle(40)),
                Generator.assemble(Prl2020RateModel.of(ModelParameters.of(1.6, 1.0, 0.05, 0.0005, 1.0)),
                        StateSpace.triangle(36)),
                Generator.assemble(Prl2020RateModel.of(ModelParameters.of(20.0, 1.0, 0.0, 0.3, 1.0)),
                        StateSpace.triangle(36)));
        for (Generator g : chains) {
            double[] p = StationarySolvers.levels().solve(g).probabilitiesView();
            int pin = PinnedState.peakEstimate(g.space(), g.rateModel().parameters());
            double ratio = p[mostProbable(p)] / p[pin];
            assertTrue(ratio <= 4.0, g.rateModel().parameters() + ": p_max / p_pin = " + ratio);
        }
    }

    /**
     * A chain the mean field does not describe (a fast extra −2 jump halves the cluster): the mean-field pin is
     * far from the peak, so factorize eliminates again at the computed peak and its solves stay accurate.
     */
    @Test
    void farMeanFieldPinIsReplacedByThePeak() {
        ModelParameters p = ModelParameters.withMeanFieldN0(60, 1.0, 20.0, 0.01, INF);
        Generator g = Generator.assemble(LevelSolverTest.withExtraJump(p, -2, 300.0), StateSpace.rectangle(150, 10));
        StationaryFactorization dense = StationarySolvers.gth().factorize(g);
        double[] oracle = dense.stationary().probabilitiesView();
        int top = mostProbable(oracle);
        int guess = PinnedState.peakEstimate(g.space(), g.rateModel().parameters());
        assertTrue(oracle[top] > 1e6 * oracle[guess], "the mean-field state must be far from the peak");
        LevelFactorization f = (LevelFactorization) StationarySolvers.levels().factorize(g);
        assertEquals(top, f.pin());
        assertEntrywise(oracle, f.stationary().probabilitiesView(), g);
        assertSolvesAgree(g, dense, f, "re-pinned");
    }

    /**
     * Phases A and B on two threads or one give the same numbers, bit for bit (they write disjoint data), and
     * an error in phase A is reported as in the sequential order.
     */
    @Test
    void concurrentPhasesGiveTheSequentialResult() {
        Generator g = Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(100, 1.0, 30.0, 1e-3,
                1.0)), StateSpace.rectangle(400, 10));
        int saved = LevelFactorization.parallelStates;
        try {
            LevelFactorization.parallelStates = Integer.MAX_VALUE;
            StationaryFactorization sequential = StationarySolvers.levels().factorize(g);
            LevelFactorization.parallelStates = 1;
            StationaryFactorization parallel = StationarySolvers.levels().factorize(g);
            double[] a = sequential.stationary().probabilitiesView();
            double[] b = parallel.stationary().probabilitiesView();
            int pin = ((LevelFactorization) parallel).pin();
            assertTrue(g.space().levelOf(pin) > 50 && g.space().levelOf(pin) < 350, "both phases must have work");
            double[] rhs = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 0.0);
                rhs[i] = -(g.space().levelOf(i) - sequential.stationary().meanN()) * a[i];
            }
            double[] x = new double[a.length];
            double[] y = new double[a.length];
            sequential.solveGroupInverse(rhs, x);
            parallel.solveGroupInverse(rhs, y);
            for (int i = 0; i < a.length; i++) {
                assertEquals(x[i], y[i], 0.0);
            }
            // Γt = 0, m ≤ 0: (N=20, m=0) cannot go down (phase A) while phase B runs
            Generator reducible = Generator.assemble(Prl2020RateModel.of(ModelParameters.of(10.0, 1.0, 1.0, 0.0,
                    1.0)), StateSpace.rectangle(20, 0));
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> StationarySolvers.levels().solve(reducible));
            assertTrue(e.getMessage().contains("(N=20, m=0)"), e.getMessage());
        } finally {
            LevelFactorization.parallelStates = saved;
        }
    }

    private static int mostProbable(double[] p) {
        int top = 0;
        for (int i = 1; i < p.length; i++) {
            top = p[i] > p[top] ? i : top;
        }
        return top;
    }

    /** 1e-10 relative on every oracle entry ≥ 1e-250; below it, below it too. */
    private static void assertEntrywise(double[] oracle, double[] p, Generator g) {
        for (int i = 0; i < p.length; i++) {
            int state = i;
            if (oracle[i] >= 1e-250) {
                assertEquals(oracle[i], p[i], 1e-10 * oracle[i], () -> "state (N=" + g.space().levelOf(state) + ", m="
                        + g.space().mOf(state) + ")");
            } else {
                assertTrue(p[i] < 1e-250 * (1 + 1e-9), () -> "state " + state + ": " + oracle[state] + " vs " + p[state]);
            }
        }
    }

    /** S_N(0) right-hand side b = −(N − ⟨N⟩)∘p: L x = b to round-off, Σ x = 0, x as the dense solve's. */
    private static void assertSolvesAgree(Generator g, StationaryFactorization dense, StationaryFactorization levels,
                                          String name) {
        int n = g.size();
        double[] pi = dense.stationary().probabilitiesView();
        double mean = dense.stationary().meanN();
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = -(g.space().levelOf(i) - mean) * pi[i];
        }
        double[] x = new double[n];
        double[] y = new double[n];
        levels.solveGroupInverse(b, x);
        dense.solveGroupInverse(b, y);
        double[] lx = new double[n];
        g.multiply(x, lx);
        double size = 0;
        double flow = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            size = Math.max(size, Math.abs(y[i]));
            flow = Math.max(flow, g.exitRate(i) * Math.abs(x[i]));
            sum += x[i];
        }
        for (int i = 0; i < n; i++) {
            assertEquals(b[i], lx[i], 1e-12 * flow, name + " row " + i);
            assertEquals(y[i], x[i], 1e-9 * size, name + " entry " + i);
        }
        assertEquals(0.0, sum, 1e-13 * size * n, name);
    }
}
