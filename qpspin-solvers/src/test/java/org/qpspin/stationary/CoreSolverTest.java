package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.ProbableCore;
import org.qpspin.truncation.UnpolarizedRidge;

/**
 * The probable-core solver against the exact level solver on the same rectangles: the shapes the automatic
 * truncation picks for polarized clusters (docs/benchmarks.md, peer families), where the core is a fraction of
 * the space.
 */
class CoreSolverTest {

    /** SR (ζs = 0.02), TA (m0/N0 = 0.02) and weakly polarized (ζs = 0.3) clusters on their automatic rectangles. */
    static Stream<Arguments> rectangles() {
        return Stream.of(
                Arguments.of("SR", ModelParameters.withMeanFieldN0(60, 1, 50, 0, 1), 330, 32),
                Arguments.of("TA", ModelParameters.withMeanFieldN0(70, 1, 1, 1.0 / (25 * 70), Double.POSITIVE_INFINITY),
                        245, 37),
                Arguments.of("weak", ModelParameters.withMeanFieldN0(40, 1, 10, 0, 1.0 / 3), 220, 110));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rectangles")
    void agreesWithTheExactLevelSolver(String regime, ModelParameters parameters, int nMax, int mMax) {
        Generator generator = Generator.assemble(Prl2020RateModel.of(parameters), StateSpace.rectangle(nMax, mMax));
        StationaryFactorization exact = StationarySolvers.levels().factorize(generator);
        StationaryFactorization core = StationarySolvers.core().factorize(generator);
        double[] p = exact.stationary().probabilitiesView();
        double[] q = core.stationary().probabilitiesView();
        double max = 0.0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        double normwise = 0.0;
        double entrywise = 0.0;
        int compared = 0;
        for (int i = 0; i < p.length; i++) {
            normwise = Math.max(normwise, Math.abs(p[i] - q[i]) / max);
            if (p[i] >= 1e-10 * max) {
                entrywise = Math.max(entrywise, Math.abs(p[i] - q[i]) / p[i]);
                compared++;
            }
        }
        assertTrue(core.solver().startsWith("core/levels["), core.solver());
        assertTrue(normwise < 1e-12, regime + ": normwise " + normwise);
        assertTrue(entrywise < 1e-9, regime + ": entrywise above 1e-10 p_max " + entrywise + " over " + compared);
        assertEquals(exact.stationary().meanN(), core.stationary().meanN(), 1e-12 * exact.stationary().meanN());
        assertEquals(exact.stationary().varianceN(), core.stationary().varianceN(),
                1e-10 * exact.stationary().varianceN());
        assertTrue(core.stationary().relativeResidual() < 1e-14, "residual " + core.stationary().relativeResidual());
        // the truncation cost is priced from the far tail, which the polishing sweeps make consistent
        double cost = exact.stationary().relativeOmittedFlux();
        assertEquals(cost, core.stationary().relativeOmittedFlux(), 1e-6 * cost);

        // group-inverse solves: S_N(0) and a random zero-sum right-hand side
        int n = p.length;
        double mean = exact.stationary().meanN();
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = -(generator.space().levelOf(i) - mean) * p[i];
        }
        double noiseExact = 2.0 * dotLevels(generator, solve(exact, b));
        double noiseCore = 2.0 * dotLevels(generator, solve(core, b));
        assertEquals(noiseExact, noiseCore, 1e-10 * Math.abs(noiseExact), regime + ": S_N(0)");
        // the preconditioner (tail sweeps + exact core) leaves GMRES little to do
        int gmresIterations = ((CoreFactorization) core).iterations();
        assertTrue(gmresIterations <= 10, regime + ": " + gmresIterations + " GMRES iterations for S_N(0)");
        SplittableRandom random = new SplittableRandom(20261124L);
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            b[i] = random.nextDouble() - 0.5;
            sum += b[i];
        }
        for (int i = 0; i < n; i++) {
            b[i] -= sum / n;
        }
        double[] x = solve(exact, b);
        double[] y = solve(core, b);
        double xMax = 0.0;
        double diff = 0.0;
        for (int i = 0; i < n; i++) {
            xMax = Math.max(xMax, Math.abs(x[i]));
            diff = Math.max(diff, Math.abs(x[i] - y[i]));
        }
        assertTrue(diff < 1e-10 * xMax, regime + ": group inverse " + diff / xMax);
    }

    private static double[] solve(StationaryFactorization f, double[] b) {
        double[] x = new double[b.length];
        f.solveGroupInverse(b, x);
        return x;
    }

    private static double dotLevels(Generator generator, double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += generator.space().levelOf(i) * x[i];
        }
        return s;
    }

    @Test
    void coreIsTheUnpolarizedRidgeThenThePolarizedBandAndMuchSmallerForALargePolarizedRectangle() {
        // the peer comparison's SR family at 10^5 states (N0 = 193.3): the automatic rectangle 1064 x 103
        ModelParameters sr = ModelParameters.withMeanFieldN0(193.3, 1, 50, 0, 1);
        StateSpace space = StateSpace.rectangle(1064, 103);
        StateSpace core = ProbableCore.of(Prl2020RateModel.of(sr), space);
        int ridge = UnpolarizedRidge.reach(Prl2020RateModel.of(sr), 1064, ProbableCore.EDGE_MASS);
        // the ridge peaks at the unpolarized size c0 V = (2 A V^2 / Gamma)^1/2 and reaches beyond it
        double unpolarizedSize = Math.sqrt(2 * sr.injectionRate() / sr.singletRate());
        assertTrue(ridge > unpolarizedSize && ridge < 3 * unpolarizedSize, "ridge " + ridge + " vs " + unpolarizedSize);
        for (int n = 0; n <= 1064; n++) {
            assertEquals(0, core.lowM(n));
            if (n <= ridge) {
                assertEquals(space.highM(n), core.highM(n), "N = " + n);
            }
            int polarized = Math.min(space.highM(n), ProbableCore.polarizedTop(sr, n));
            assertTrue(core.highM(n) >= polarized, "N = " + n);
            if (n > ridge + 200) { // far above the ridge, the fall-off of one per level has reached the band
                assertEquals(polarized, core.highM(n), "N = " + n);
            }
            if (n > 0) {
                assertTrue(core.highM(n) >= Math.min(space.highM(n), core.highM(n - 1) - 1), "N = " + n);
                assertTrue(core.highM(n - 1) >= Math.min(space.highM(n - 1), core.highM(n) - 1), "N = " + n);
            }
        }
        assertTrue(core.size() < space.size() / 2, core + " in " + space);
        assertEquals(CoreSolver.class, new AutoSolver().choose(Generator.assemble(Prl2020RateModel.of(sr), space))
                .getClass());
    }

    @Test
    void widensOnlyLevelsWhoseTopEdgeIsHeavy() {
        StateSpace space = StateSpace.rectangle(40, 15);
        int[] low = new int[41];
        int[] high = new int[41];
        for (int n = 0; n <= 40; n++) {
            high[n] = Math.min(n / 2, 5);
        }
        StateSpace core = StateSpace.band(low, high);
        Generator generator = Generator.assemble(Prl2020RateModel.of(ModelParameters.of(50, 1, 10, 0.5, 0.2)), core);
        double[] p = new double[core.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.pow(1e-6, core.mOf(i)); // edges at m = 5: 1e-30 of the largest
        }
        p[core.index(30, 5)] = 1e-3; // one heavy edge, decaying by 1e-3 per m from (30, 4)
        p[core.index(30, 4)] = 1.0;
        StationaryResult solution = StationaryResult.of(generator, p.clone(), "test", 0.0);
        StateSpace wider = CoreSolver.widened(space, core, solution);
        assertNotNull(wider);
        for (int n = 0; n <= 40; n++) {
            if (n >= 30 && n <= 32) {
                // ln(1e-20 / 1e-3) / ln(1e-3) = 17/3: 1.5 × 17/3 = 8.5 → 9, + 4 = 13 more, capped at 15
                assertEquals(15, wider.highM(n), "N = " + n);
            } else if (n < 30) {
                // closed downwards: mHigh(N − 1) ≥ mHigh(N) − 1 where the space allows
                assertEquals(Math.max(core.highM(n), Math.min(space.highM(n), 15 - (30 - n))), wider.highM(n),
                        "N = " + n);
            } else {
                assertEquals(core.highM(n), wider.highM(n), "N = " + n);
            }
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.pow(1e-6, core.mOf(i));
        }
        assertNull(CoreSolver.widened(space, core, StationaryResult.of(generator, p, "test", 0.0)));
    }

    @Test
    void widenedCoreStaysOneClassWithoutSpinFlips() {
        // regression: the peer TA rectangle at 10^5 states (τs = ∞: no spin flips). Widening raised the windows of
        // N = 160 … 162 only, and (N = 162, m = 76) could no longer reach level 160 inside the core ("chain is
        // reducible"); the core is now closed downwards.
        ModelParameters ta = ModelParameters.withMeanFieldN0(250.9, 1, 1, 1.0 / (25 * 250.9), Double.POSITIVE_INFINITY);
        Generator generator = Generator.assemble(Prl2020RateModel.of(ta), StateSpace.rectangle(879, 133));
        StationaryFactorization core = StationarySolvers.core().factorize(generator);
        StateSpace coreSpace = ProbableCore.of(generator.rateModel(), generator.space());
        for (int n = 1; n <= coreSpace.maxN(); n++) {
            assertTrue(coreSpace.highM(n - 1) >= coreSpace.highM(n) - 1, "N = " + n);
        }
        assertTrue(core.stationary().relativeResidual() < 1e-14, core.solver());
        assertTrue(core.solver().contains(" 0 iterations") || core.solver().contains(" 1 iterations"), core.solver());
    }

    @Test
    void wholeSpaceAsCoreIsTheExactSolution() {
        // Γ = 0 (no singlet channel): no polarization, the band is the whole triangle and there is no tail
        ModelParameters unpolarized = ModelParameters.of(30, 1, 0, 1, 0.5);
        Generator generator = Generator.assemble(Prl2020RateModel.of(unpolarized), StateSpace.triangle(60));
        StationaryFactorization core = StationarySolvers.core().factorize(generator);
        StationaryResult exact = StationarySolvers.gth().solve(generator);
        assertTrue(core.solver().contains("[" + generator.size() + " of " + generator.size()), core.solver());
        assertTrue(core.solver().endsWith(", 0 tail sweeps]"), core.solver());
        double[] p = exact.probabilitiesView();
        double[] q = core.stationary().probabilitiesView();
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 1e-12 * p[i], "state " + i);
        }
    }
}
