package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

class GthSolverTest {

    @Test
    void solvesSmallChainToMachineResidual() {
        ModelParameters p = ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2);
        Generator g = Generator.assemble(Prl2020RateModel.of(p), StateSpace.triangle(60));
        StationaryResult r = StationarySolvers.gth().solve(g);
        assertTrue(r.relativeResidual() < 1e-13, () -> "residual " + r.relativeResidual());
        double total = 0;
        for (double v : r.probabilitiesView()) {
            total += v;
        }
        assertEquals(1.0, total, 1e-14);
        assertTrue(r.meanN() > 0);
    }

    @Test
    void groupInverseSolveSatisfiesSystemAndZeroSum() {
        ModelParameters p = ModelParameters.of(30.0, 1.0, 10.0, 0.5, 0.3);
        Generator g = Generator.assemble(Prl2020RateModel.of(p), StateSpace.triangle(40));
        StationaryFactorization f = StationarySolvers.gth().factorize(g);
        double[] pi = f.stationary().probabilitiesView();
        int n = g.size();
        double mean = f.stationary().meanN();
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = -(g.space().levelOf(i) - mean) * pi[i];
        }
        double[] x = new double[n];
        f.solveGroupInverse(b, x);
        double[] lx = new double[n];
        g.multiply(x, lx);
        double sum = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(b[i], lx[i], 1e-11 * Math.abs(mean));
            sum += x[i];
            scale += Math.abs(x[i]);
        }
        assertEquals(0.0, sum, 1e-13 * scale);
    }
}
