package org.qpspin.truncation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/**
 * Two-sided windows ({@link TwoSidedWindows}, {@link Truncation#withWindows()}): valid, closed windows; the edge
 * flux adds up to the generator's omitted flux; and on chains whose whole triangle is solvable the automatic
 * two-sided truncation meets the tolerance with fewer states and reproduces the triangle's moments within the error
 * scale its own reported cost gives.
 */
class TwoSidedWindowsTest {

    /** Aluminium's Γ and τs with Γt = Γ/N0: the paper's example (N0 = Nc) scaled down to N0 (docs/theory.md). */
    static ModelParameters edgeOfPolarization(double n0) {
        double gamma = 18.8669;
        return ModelParameters.withMeanFieldN0(n0, 1e-3, gamma, gamma / n0, 12.6491);
    }

    static Stream<Arguments> chains() {
        return Stream.of(
                Arguments.of("edge of polarization, N0 = Nc = 60", edgeOfPolarization(60)),
                Arguments.of("edge of polarization, N0 = Nc = 120", edgeOfPolarization(120)),
                Arguments.of("SR, N0 = 100", ModelParameters.of(2e4, 1.0, 100.0, 0.0, 1.0)),
                Arguments.of("TA, no spin flips", ModelParameters.of(3e5, 1.0, 400.0, 0.5, Double.POSITIVE_INFINITY)),
                Arguments.of("unpolarized", ModelParameters.withMeanFieldN0(12, 1.0, 1.0, 0.1, 10.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void automaticWindowsReproduceTheTriangleWithinTheirReportedCost(String label, ModelParameters p) {
        StationaryAnalysis windows = StationaryAnalysis.solve(p, Truncation.automatic().withWindows(),
                StationarySolvers.lu());
        StationaryResult w = windows.result();
        assertTrue(w.relativeOmittedFlux() <= Truncation.DEFAULT_TOLERANCE, () -> label + ": cost " + w);
        // the reference: the whole triangle 30% higher in N, far deeper in the tail than the windows
        int bigN = (int) (1.3 * w.maxN());
        StationaryResult t = StationarySolvers.lu().solve(Generator.assemble(Prl2020RateModel.of(p),
                StateSpace.triangle(bigN)));
        assertTrue(t.relativeOmittedFlux() < 1e-3 * w.relativeOmittedFlux() + 1e-300,
                () -> label + ": reference cost " + t.relativeOmittedFlux());
        assertTrue(w.states() < t.states(), () -> label + ": " + w.states() + " states vs " + t.states());
        double delta = windows.truncationErrorScale(); // (4/3) c Var N, from the windows' own cost
        double roundoff = 1e-11;
        assertEquals(t.meanN(), w.meanN(), delta + roundoff * t.meanN(), label + ": <N>");
        assertEquals(t.meanM(), w.meanM(), delta + roundoff * Math.max(1.0, t.meanM()), label + ": <m>");
        assertEquals(t.varianceN(), w.varianceN(), delta * (w.maxN() - w.meanN()) + roundoff * t.varianceN(),
                label + ": Var N");
    }

    /** At the edge of polarization the windows cut both sides: m well above 0 and well below ⌊N/2⌋ are left out. */
    @Test
    void edgeOfPolarizationWindowsCutBothSides() {
        ModelParameters p = edgeOfPolarization(120);
        StationaryAnalysis a = StationaryAnalysis.solve(p, Truncation.automatic().withWindows(),
                StationarySolvers.lu());
        StateSpace s = a.result().space();
        boolean lowCut = false;
        boolean highCut = false;
        for (int n = 0; n <= s.maxN(); n++) {
            lowCut |= s.lowM(n) > 5;
            highCut |= s.highM(n) < n / 2 - 5;
        }
        assertTrue(lowCut && highCut, () -> "windows " + s);
        // the saving grows with N0 (states ~ N0^1.5 against the triangle's N0^2; docs/theory.md): 0.51 at N0 = 300
        int triangle = StateSpace.triangle(s.maxN()).size();
        assertTrue(s.size() < 0.8 * triangle, () -> s.size() + " states of the triangle's " + triangle);
    }

    @Test
    void windowsAreValidAndChangeByAtMostOnePerLevel() {
        TwoSidedWindows w = TwoSidedWindows.start(Prl2020RateModel.of(edgeOfPolarization(200)), 700, 1e-10);
        assertEquals(700, w.maxN());
        for (int n = 0; n <= w.maxN(); n++) {
            assertTrue(0 <= w.lowM(n) && w.lowM(n) <= w.highM(n) && w.highM(n) <= n / 2, "level " + n);
            assertTrue(w.highM(n) - w.lowM(n) + 1 >= Math.min(3, n / 2 + 1), "width at level " + n);
            if (n > 0) {
                assertTrue(Math.abs(w.lowM(n) - w.lowM(n - 1)) <= 1, "mLow jumps at level " + n);
                assertTrue(w.highM(n) >= Math.min(n / 2, w.highM(n - 1) - 1), "mHigh drops at level " + n);
            }
        }
        assertEquals(w.states(), w.space().size());
        TwoSidedWindows up = w.extendTo(760);
        assertEquals(w.statesAt(760), up.states());
        for (int n = 0; n <= 700; n++) {
            assertTrue(up.lowM(n) <= w.lowM(n) && up.highM(n) >= w.highM(n), "extension narrows level " + n);
        }
    }

    /** Given windows are lowered / raised to their 1-Lipschitz envelopes in both directions of N. */
    @Test
    void givenWindowsAreSmoothedBothWays() {
        int[] low = new int[41];
        int[] high = new int[41];
        for (int n = 0; n <= 40; n++) {
            high[n] = n / 2;
        }
        for (int n = 30; n <= 40; n++) {
            low[n] = 14; // a step up from 0 at N = 29 (lowered from below: +1 a level)
        }
        low[20] = 8; // a spike (lowered from both sides)
        high[20] = 5; // a notch in the top
        TwoSidedWindows w = TwoSidedWindows.of(low, high);
        assertEquals(0, w.lowM(29));
        assertEquals(1, w.lowM(30));
        assertEquals(11, w.lowM(40));
        assertEquals(0, w.lowM(21));
        assertEquals(9, w.highM(20)); // raised to its upper envelope, mHigh(21) - 1 = 9
        assertTrue(w.lowM(20) <= 1, () -> "spike kept: " + w.lowM(20));
        for (int n = 1; n <= 40; n++) {
            assertTrue(Math.abs(w.lowM(n) - w.lowM(n - 1)) <= 1, "mLow jumps at level " + n);
        }
    }

    /** Every omitted transition is charged to exactly one edge: the charges add up to the generator's cost. */
    @Test
    void edgeChargesAddUpToTheOmittedFlux() {
        ModelParameters p = edgeOfPolarization(60);
        TwoSidedWindows w = TwoSidedWindows.start(Prl2020RateModel.of(p), 150, 1e-4);
        Generator g = Generator.assemble(Prl2020RateModel.of(p), w.space());
        StationaryResult r = StationarySolvers.lu().solve(g);
        TwoSidedWindows.EdgeFlux f = TwoSidedWindows.edgeFlux(g, r.probabilitiesView());
        assertEquals(r.relativeOmittedFlux(), f.level() + f.mEdges(), 1e-12 * r.relativeOmittedFlux());
        assertEquals(r.outerLevelMass(), f.level(), 1e-9 * r.outerLevelMass());
        assertTrue(f.mEdges() > 0.0);
        TwoSidedWindows grown = w.grow(g.space(), r.probabilitiesView(), f, 1e-10);
        assertTrue(grown.states() > w.states());
        for (int n = 0; n <= w.maxN(); n++) {
            assertTrue(grown.lowM(n) <= w.lowM(n) && grown.highM(n) >= w.highM(n), "growth narrows level " + n);
        }
    }

    /**
     * A solver's refusal of an automatic attempt comes back as a {@link TruncationException} with the solver's
     * message, the solver's exception as cause, and the size of the refused attempt (flux-noise's statesNeeded).
     */
    @Test
    void aRefusedAttemptSaysHowManyStatesItHad() {
        ModelParameters p = edgeOfPolarization(120); // tens of thousands of states; dense GTH stops at 6 000
        long first = TwoSidedWindows.start(Prl2020RateModel.of(p), TruncationPlanner.initialNMax(p, 1e-10,
                Truncation.DEFAULT_MAX_STATES), 1e-10).states();
        TruncationException e = assertThrows(TruncationException.class, () -> StationaryAnalysis.solve(p,
                Truncation.automatic().withWindows(), StationarySolvers.gth()));
        assertEquals(first, e.statesNeeded());
        assertTrue(e.getCause() instanceof IllegalArgumentException && e.getMessage().startsWith("dense GTH"),
                e::getMessage);
        assertEquals(e.getCause().getMessage(), e.getMessage());
        assertTrue(e.attempts().isEmpty());
    }

    @Test
    void lowerPoissonQuantile() {
        // P(Poisson(100) < 71) = 9.71e-4 ≤ 1e-3 < P(Poisson(100) < 72) = 1.41e-3 (scipy.stats.poisson.cdf)
        assertEquals(71, TwoSidedWindows.lowerPoissonQuantile(100.0, 1e-3));
        assertEquals(0, TwoSidedWindows.lowerPoissonQuantile(0.5, 1e-3));
        assertEquals(0, TwoSidedWindows.lowerPoissonQuantile(3.0, 1e-30));
    }

    @Test
    void windowsAreForTheAutomaticTruncationOnly() {
        assertThrows(IllegalArgumentException.class, () -> Truncation.fixed(10, 3).withWindows());
        Truncation t = Truncation.automatic(1e-8).withBand().withWindows().withMaxStates(100);
        assertTrue(t.isWindows());
        assertFalse(t.isBand());
        assertEquals("automatic(tol=1.0E-8, windows)", t.toString());
    }
}
