package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Channel;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.TransitionSink;
import org.qpspin.space.StateSpace;

/**
 * An exact limit with a closed form: the spin flips inside one level form a birth–death chain.
 *
 * <p>Reduction. At fixed N the only transitions of the PRL 2020 model that stay in the level are the spin flips,
 * (N, m) → (N, m+1) at (N − m)/τs for m + 1 ≤ ⌊N/2⌋ and (N, m) → (N, m−1) at m/τs. They change m by ±1, so on
 * its own the level is a birth–death chain in m on 0 … ⌊N/2⌋, whose stationary law follows from detailed balance,
 * p(m+1)/p(m) = (N − m)/(m + 1): p(m) ∝ C(N, m), a binomial cut at m = ⌊N/2⌋. This is the level's equilibrium
 * when flips are fast compared with injection and annihilation.
 *
 * <p>Construction. {@link LevelFlips} is a rate model whose state k (written (k, 0), a column of
 * {@code StateSpace.rectangle(⌊N/2⌋, 0)}) stands for (N, k); it reports exactly the FLIP_UP/FLIP_DOWN transitions
 * that {@link Prl2020RateModel} reports out of (N, k), re-indexed, and drops every other channel. The generator
 * assembly and the solvers then run unchanged. For N = 600 the probabilities span C(600, 0)/C(600, 300) ≈
 * 10⁻¹⁷⁹, so the subtraction-free solvers are checked entrywise in relative terms far below the largest entry.
 */
class BirthDeathReductionTest {

    /** The spin-flip chain of level N of a PRL 2020 model, re-indexed onto m = 0, states (k, 0) ↔ (N, k). */
    private static final class LevelFlips implements RateModel {
        private final Prl2020RateModel prl;
        private final int level;

        LevelFlips(Prl2020RateModel prl, int level) {
            this.prl = prl;
            this.level = level;
        }

        @Override
        public String name() {
            return "flips of level " + level;
        }

        @Override
        public ModelParameters parameters() {
            return prl.parameters();
        }

        @Override
        public void forEachTransition(int k, int zero, TransitionSink sink) {
            prl.forEachTransition(level, k, (channel, toN, toM, rate) -> {
                if (channel == Channel.FLIP_UP || channel == Channel.FLIP_DOWN) {
                    sink.accept(channel, toM, 0, rate);
                }
            });
        }

        @Override
        public double totalRate(int k, int zero) {
            double[] total = new double[1];
            forEachTransition(k, zero, (channel, toN, toM, rate) -> total[0] += rate);
            return total[0];
        }
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 7, 40, 121, 600})
    void spinFlipsOfOneLevelAreBinomial(int level) {
        Prl2020RateModel prl = Prl2020RateModel.of(ModelParameters.of(40, 1, 3, 0.2, 0.05));
        int top = level / 2;
        Generator g = Generator.assemble(new LevelFlips(prl, level), StateSpace.rectangle(top, 0));
        // the detailed-balance ratios, straight from the assembled generator
        for (int m = 0; m < top; m++) {
            double up = g.matrix().get(m + 1, m);
            double down = g.matrix().get(m, m + 1);
            assertEquals((double) (level - m) / (m + 1), up / down, 1e-14 * up / down);
        }
        double logNorm = Double.NEGATIVE_INFINITY;
        for (int m = 0; m <= top; m++) {
            double l = CombinatoricsUtils.binomialCoefficientLog(level, m);
            logNorm = Math.max(logNorm, l) + Math.log1p(Math.exp(-Math.abs(logNorm - l)));
        }
        StationaryResult r = StationarySolvers.gth().solve(g);
        assertTrue(r.relativeResidual() < 1e-14, "residual " + r.relativeResidual());
        double[] p = r.probabilitiesView();
        double smallest = 1.0;
        for (int m = 0; m <= top; m++) {
            double exact = Math.exp(CombinatoricsUtils.binomialCoefficientLog(level, m) - logNorm);
            smallest = Math.min(smallest, exact);
            // logs of the binomial are good to a few ulps of the exponent, i.e. ~ 1e-16 × ln C relative
            double tol = 1e-12 + 4e-16 * Math.abs(CombinatoricsUtils.binomialCoefficientLog(level, m));
            assertEquals(1.0, p[m] / exact, tol, "P(m=" + m + ")");
        }
        if (level == 600) {
            assertTrue(smallest < 1e-170);
        }
        assertEquals(0.0, r.omittedFlux()); // nothing leaves the level chain
    }
}
