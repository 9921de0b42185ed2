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
        // measured: 20000 x 8 levels 1.6 s vs lu 9.7 s; 3000 x 40 levels 2.2 s vs lu 6.9 s;
        // triangle 1400 lu 98 s vs levels 330 s; triangle 600 lu 17 s vs levels 20 s (docs/benchmarks.md)
        assertTrue(AutoSolver.prefersLevels(StateSpace.rectangle(20000, 8)));
        assertTrue(AutoSolver.prefersLevels(StateSpace.rectangle(3000, 40)));
        assertFalse(AutoSolver.prefersLevels(StateSpace.triangle(1400)));
        assertFalse(AutoSolver.prefersLevels(StateSpace.triangle(600)));
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
