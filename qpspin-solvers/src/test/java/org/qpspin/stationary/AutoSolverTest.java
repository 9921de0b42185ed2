package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/** The automatic choice: gth for small chains, levels for narrow m ranges, lu for wide triangles. */
class AutoSolverTest {

    private static final Prl2020RateModel RATES = Prl2020RateModel.of(ModelParameters.of(50, 1, 10, 0.5, 0.2));

    @Test
    void choosesBySizeAndShape() {
        AutoSolver auto = new AutoSolver();
        assertEquals("gth", auto.choose(Generator.assemble(RATES, StateSpace.triangle(30))).name());
        assertEquals("levels", auto.choose(Generator.assemble(RATES, StateSpace.rectangle(3000, 8))).name());
        // the shape screen r = Σw³ / (n min(w², √n)): narrow rectangles (r = 1.0 and 4.8) go to the levels
        // without counting, wide triangles (r ≈ 150 and more) are counted or go to the lu (docs/benchmarks.md)
        assertTrue(AutoSolver.shapeRatio(StateSpace.rectangle(20000, 8)) < AutoSolver.NARROW_RATIO);
        assertTrue(AutoSolver.shapeRatio(StateSpace.rectangle(3000, 40)) < AutoSolver.NARROW_RATIO);
        assertTrue(AutoSolver.shapeRatio(StateSpace.triangle(600)) > 100);
        assertEquals("lu", AutoSolver.exactFor(Generator.assemble(RATES, StateSpace.triangle(600))).name());
    }

    /**
     * The counted rule, no timing: levels when levelsFlops ≤ {@link AutoSolver#LU_FLOP_WEIGHT} luFlops. A 100-wide
     * strip (r between the screens) with spin relaxation only (Γt = 0) has one-line separators along N − m, so the
     * LU needs far fewer flops than the weight allows and is chosen; the same strip with triplet annihilation has
     * two-line separators, the LU's count is within the weight of the levels', and the levels are chosen.
     */
    @Test
    void theCountedFlopsDecideBetweenTheScreens() {
        StateSpace strip = StateSpace.rectangle(1500, 100);
        double r = AutoSolver.shapeRatio(strip);
        assertTrue(r > AutoSolver.NARROW_RATIO && r < AutoSolver.WIDE_RATIO, "r = " + r);

        Generator thin = Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(400, 1, 50, 0, 1)),
                strip);
        DirectSolverCosts thinCosts = DirectSolverCosts.of(thin);
        assertTrue(thinCosts.levelsFlops() > 2 * AutoSolver.LU_FLOP_WEIGHT * thinCosts.luFlops(),
                () -> thinCosts.toString());
        assertFalse(AutoSolver.prefersLevels(thinCosts));
        assertEquals("lu", AutoSolver.exactFor(thin).name());

        Generator thick = Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(400, 1, 1, 1e-4, 100)),
                strip);
        DirectSolverCosts thickCosts = DirectSolverCosts.of(thick);
        assertTrue(thickCosts.levelsFlops() < 0.5 * AutoSolver.LU_FLOP_WEIGHT * thickCosts.luFlops(),
                () -> thickCosts.toString());
        assertTrue(AutoSolver.prefersLevels(thickCosts));
        assertEquals("levels", AutoSolver.exactFor(thick).name());
        // the same shape, so the level counts agree; only the stencil moved the LU's
        assertEquals(thinCosts.levelsFlops(), thickCosts.levelsFlops());
    }

    /** The counted flops are the ones the factorizations report (symbolic = numeric). */
    @Test
    void theCountsAreTheFactorizationsOwn() {
        Generator g = Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(40, 1, 50, 0, 1)),
                StateSpace.rectangle(300, 12));
        DirectSolverCosts costs = DirectSolverCosts.of(g);
        SparseLuFactorization lu = (SparseLuFactorization) StationarySolvers.lu().factorize(g);
        assertEquals(lu.factorFlops(), costs.luFlops());
        assertEquals(lu.factorNonZeros(), costs.luEntries());
        assertEquals(g.size(), costs.states());
        // levels: the formula on equal widths w (every level K ≥ 2w of a rectangle): 2 [w·w·2w + 3w·w(w−1)/2 +
        // (w−1)w(2w−1)/6] per level
        StateSpace rect = StateSpace.rectangle(400, 9);
        double w = 10;
        double perLevel = 2 * (w * w * 2 * w + 3 * w * w * (w - 1) / 2 + (w - 1) * w * (2 * w - 1) / 6);
        double lowLevels = DirectSolverCosts.levelsFlops(StateSpace.rectangle(19, 9));
        assertEquals(lowLevels + (400 - 19) * perLevel, DirectSolverCosts.levelsFlops(rect), 1e-9 * perLevel * 400);
    }

    @Test
    void resultNamesTheSolverUsedAndMatchesIt() {
        Generator small = Generator.assemble(RATES, StateSpace.triangle(30));
        StationaryResult viaAuto = StationarySolvers.auto().solve(small);
        StationaryResult direct = StationarySolvers.gth().solve(small);
        assertEquals("auto→gth", viaAuto.solver());
        assertEquals(direct.meanN(), viaAuto.meanN());
        Generator narrow = Generator.assemble(RATES, StateSpace.rectangle(900, 3));
        StationaryFactorization f = StationarySolvers.auto().factorize(narrow);
        assertEquals("auto→levels", f.solver());
        assertEquals("auto→levels", f.stationary().solver());
        assertTrue(f.stationary().relativeResidual() < 1e-12);
    }
}
