package org.qpspin.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;

/** Mean first-passage times against closed forms and a dense solve; the distribution against its mean. */
class FirstPassageTest {

    @Test
    void pureBirthIsErlang() {
        // immigration with death 0: from N = 0 to N >= 3 is a sum of three Exp(birth) waits (Erlang-3)
        double birth = 2.0;
        RateModel rates = ClosedFormChains.immigrationDeath(birth, 0.0);
        FirstPassageResult r = FirstPassage.withDefaults().compute(rates, StartDistribution.pointMass(0, 0),
                TargetSet.parse("N>=3"), new double[] {0.5, 1.0, 2.0}, new double[] {0.5, 0.9}, null);
        assertEquals(1.5, r.meanTime(), 1e-13);
        assertTrue(r.exact());
        for (int i = 0; i < r.times().length; i++) {
            double x = birth * r.times()[i];
            double erlang = 1 - Math.exp(-x) * (1 + x + x * x / 2);
            assertEquals(erlang, r.cdf()[i], 1e-13);
        }
        // median of Erlang(3, 2): x = 2.67406031... (root of the CDF = 1/2)
        double x = r.quantiles()[0] * birth;
        assertEquals(0.5, 1 - Math.exp(-x) * (1 + x + x * x / 2), 1e-10);
    }

    @Test
    void prlBuildUpTimeMatchesDenseSolveAndTheDistributionsMean() {
        RateModel rates = Prl2020RateModel.of(ModelParameters.of(40, 1, 10, 0.5, 0.4));
        TargetSet target = TargetSet.parse("N>=8");
        FirstPassageResult r = FirstPassage.withDefaults().compute(rates, StartDistribution.pointMass(0, 0),
                target, null, new double[] {0.5, 0.9}, null);
        assertTrue(r.exact(), "N>=8 leaves a finite set of non-target states");
        // dense: M h = 1 with M = -(L_KK)^T on the same chain
        AbsorbingChain chain = r.distribution().chain();
        int k = chain.keptStates();
        DMatrixRMaj l = DenseExponential.dense(chain.matrix());
        DMatrixRMaj m = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                m.set(j, i, -l.get(i, j));
            }
        }
        DMatrixRMaj ones = new DMatrixRMaj(k, 1);
        ones.fill(1.0);
        DMatrixRMaj h = new DMatrixRMaj(k, 1);
        assertTrue(CommonOps_DDRM.solve(m, ones, h));
        int s0 = chain.keptIndex(chain.space().index(0, 0));
        assertEquals(h.get(s0, 0), r.meanTime(), 1e-11 * h.get(s0, 0));
        assertEquals(r.meanTime(), r.meanTimeLowerBound(), 0.0, "closed: both solves are the same system");
        // E[tau] = ∫ (1 - F) dt from the distribution: Simpson on [0, 40 E[tau]] (the survival there is ~e^-40)
        int points = 8001;
        double step = 40 * r.meanTime() / (points - 1);
        double[] t = new double[points - 1];
        for (int i = 1; i < points; i++) {
            t[i - 1] = i * step;
        }
        FirstPassageResult fine = FirstPassage.withDefaults().compute(rates, StartDistribution.pointMass(0, 0),
                target, t, new double[] {0.5}, null);
        double integral = 1.0; // survival at t = 0
        for (int i = 1; i < points; i++) {
            double survival = 1 - fine.cdf()[i - 1];
            integral += (i == points - 1 ? 1 : i % 2 == 1 ? 4 : 2) * survival;
        }
        integral *= step / 3;
        assertEquals(r.meanTime(), integral, 1e-8 * r.meanTime(), "mean against the CDF's integral");
        // the quantiles are where the CDF says
        assertTrue(r.quantiles()[0] < r.quantiles()[1]);
        FirstPassageResult atQ = FirstPassage.withDefaults().compute(rates, StartDistribution.pointMass(0, 0),
                target, r.quantiles(), new double[] {0.5}, null);
        assertEquals(0.5, atQ.cdf()[0], 1e-9);
        assertEquals(0.9, atQ.cdf()[1], 1e-9);
    }

    @Test
    void truncatedTargetGivesBracketingMeans() {
        // m >= 6 leaves N unbounded and needs N >= 12: the truncation is grown until the two means agree
        RateModel rates = Prl2020RateModel.of(ModelParameters.of(40, 1, 10, 0.5, 0.4));
        StartDistribution start = StartDistribution.pointMass(0, 0);
        TargetSet target = TargetSet.parse("m>=6");
        double[] half = {0.5};
        FirstPassageResult reference = FirstPassage.withDefaults().withFixedTruncation(90, 45)
                .compute(rates, start, target, new double[] {1.0}, half, null);
        FirstPassageResult small = FirstPassage.withDefaults().withFixedTruncation(16, 8)
                .compute(rates, start, target, new double[] {1.0}, half, null);
        assertTrue(small.meanTimeLowerBound() < small.meanTime(), "a small truncation shows a gap");
        assertTrue(small.meanTimeLowerBound() <= reference.meanTime(), "the lower bound is one");
        FirstPassageResult r = FirstPassage.withDefaults().compute(rates, start, target, new double[] {1.0}, half,
                null);
        assertFalse(r.exact());
        assertTrue(r.meanTimeLowerBound() <= r.meanTime() * (1 + 1e-12));
        assertTrue((r.meanTime() - r.meanTimeLowerBound()) <= 1e-10 * r.meanTime());
        assertEquals(reference.meanTime(), r.meanTime(), 1e-9 * reference.meanTime());
        assertTrue(r.distribution().lostMass()[r.times().length - 1] <= 1e-10);
    }

    @Test
    void targetGrammar() {
        TargetSet t = TargetSet.parse("N>=50 && m<=2 || (N==0)");
        assertTrue(t.contains(50, 2));
        assertFalse(t.contains(50, 3));
        assertTrue(t.contains(0, 0));
        assertFalse(t.contains(10, 0));
        assertTrue(TargetSet.parse("S2 >= 4").contains(6, 1));
        assertThrows(IllegalArgumentException.class, () -> TargetSet.parse("N>>3"));
        assertThrows(IllegalArgumentException.class, () -> TargetSet.parse("N>=3 &&"));
        assertThrows(IllegalArgumentException.class, () -> TargetSet.parse("x>=3"));
        assertThrows(IllegalArgumentException.class, () -> TargetSet.parse("(N>=3"));
    }
}
