package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.qpspin.dynamics.SampledAutocovariance;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/** {@link ValidateCommand#lagCap}: LAG_WORK / (n (q Δt + 1)), within [4, MAX_LAGS]. */
class ValidateLagCapTest {

    @Test
    void theCapIsTheWorkBudgetOverOneLagsWork() {
        Generator g = Generator.assemble(Prl2020RateModel.of(ModelParameters.of(200, 1, 10, 0, 1)),
                StateSpace.rectangle(68, 16));
        double q = 0.0;
        for (int i = 0; i < g.size(); i++) {
            q = Math.max(q, g.exitRate(i));
        }
        double dt = 3.0 / q; // a lag of about 4 products: 2e10 / (901 x 4) = 5.5e6 lags, below MAX_LAGS
        assertEquals((int) (ValidateCommand.LAG_WORK / (g.size() * (q * dt + 1.0))), ValidateCommand.lagCap(g, dt));
        assertEquals(5_549_389, ValidateCommand.lagCap(g, dt));
        assertEquals(SampledAutocovariance.MAX_LAGS, ValidateCommand.lagCap(g, 1e-3 / q), "small chains: no cap");
        assertEquals(4, ValidateCommand.lagCap(g, 1e12 / q), "at least four lags");
    }
}
