package org.qpspin.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/** Invariants of the assembled generator and hand-computed entries, truncation omissions included. */
class GeneratorTest {

    /** A = 3, V = 2 (AV = 6), Γ = 5, Γt = 0.7, τs = 0.25 (flip rate 4): the rates of Prl2020RateModelTest. */
    private static final Prl2020RateModel RATES = Prl2020RateModel.of(ModelParameters.of(3, 2, 5, 0.7, 0.25));

    private static double entry(Generator g, int toN, int toM, int fromN, int fromM) {
        StateSpace s = g.space();
        return g.matrix().get(s.index(toN, toM), s.index(fromN, fromM));
    }

    @Test
    void invariantsOverASeededSweep() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int k = 0; k < 40; k++) {
            double tau = rnd.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : Math.pow(10, rnd.nextDouble(-2, 1));
            double gt = rnd.nextInt(5) == 0 && tau != Double.POSITIVE_INFINITY ? 0.0 : Math.pow(10, rnd.nextDouble(-3, 1));
            ModelParameters p = ModelParameters.of(Math.pow(10, rnd.nextDouble(0, 4)), Math.pow(10, rnd.nextDouble(-1, 1)),
                    Math.pow(10, rnd.nextDouble(-1, 2)), gt, tau);
            int nMax = rnd.nextInt(1, 120);
            StateSpace space = rnd.nextBoolean() ? StateSpace.triangle(nMax) : StateSpace.rectangle(nMax, rnd.nextInt(0, 12));
            Prl2020RateModel rates = Prl2020RateModel.of(p);
            Generator g = Generator.assemble(rates, space);
            DMatrixSparseCSC l = g.matrix();
            assertTrue(l.indicesSorted);
            for (int j = 0; j < g.size(); j++) {
                double sum = 0.0;
                double scale = 0.0;
                int previous = -1;
                boolean diagonal = false;
                for (int e = l.col_idx[j]; e < l.col_idx[j + 1]; e++) {
                    int i = l.nz_rows[e];
                    assertTrue(i > previous, "rows sorted and unique in column " + j);
                    previous = i;
                    double v = l.nz_values[e];
                    if (i == j) {
                        diagonal = true;
                        assertTrue(v <= 0.0);
                        assertEquals(-g.exitRate(j), v);
                    } else {
                        assertTrue(v > 0.0, "off-diagonal " + v + " at (" + i + ", " + j + ")");
                    }
                    sum += v;
                    scale += Math.abs(v);
                }
                assertTrue(diagonal, "diagonal stored");
                assertEquals(0.0, sum, 1e-15 * scale, "column " + j + " sums to zero");
                int n = space.levelOf(j);
                int m = space.mOf(j);
                // kept + omitted = every transition the rate model reports
                assertEquals(rates.totalRate(n, m), g.exitRate(j) + g.omittedRate(j), 1e-14 * rates.totalRate(n, m));
            }
        }
    }

    @Test
    void handComputedEntriesIncludingTheMergedAnnihilationTarget() {
        Generator g = Generator.assemble(RATES, StateSpace.triangle(10));
        assertEquals(3.5, entry(g, 8, 2, 7, 2), 1e-14);
        assertEquals(2.5, entry(g, 8, 3, 7, 2), 1e-14);
        assertEquals(20.0, entry(g, 7, 3, 7, 2), 1e-14);
        assertEquals(8.0, entry(g, 7, 1, 7, 2), 1e-14);
        assertEquals(4.375, entry(g, 5, 2, 7, 2), 1e-14);
        assertEquals(28.5, entry(g, 5, 1, 7, 2), 1e-14);   // singlet 25 + mixed triplet 3.5 share (5, 1)
        assertEquals(0.7, entry(g, 5, 0, 7, 2), 1e-14);
        assertEquals(-67.575, entry(g, 7, 2, 7, 2), 1e-13);
        assertEquals(0.0, g.omittedRate(g.space().index(7, 2)));
        // boundary rule at (6, 3): all of AV to (7, 3)
        assertEquals(6.0, entry(g, 7, 3, 6, 3), 1e-14);
        assertEquals(-45.225, entry(g, 6, 3, 6, 3), 1e-13);
        assertEquals(0.0, g.omittedRate(g.space().index(6, 3)));
    }

    @Test
    void truncationOmitsTransitionsLeavingTheSetAndPricesThem() {
        Generator g = Generator.assemble(RATES, StateSpace.rectangle(7, 2));
        StateSpace s = g.space();
        // (7, 2): injection to level 8 (3.5 + 2.5) and the flip to (7, 3) > mMax are dropped
        assertEquals(26.0, g.omittedRate(s.index(7, 2)), 1e-13);
        assertEquals(67.575 - 26.0, g.exitRate(s.index(7, 2)), 1e-13);
        // (6, 2), s = 4: flipped injection to (7, 3) = 6 (1 − 1/5)/2 = 2.4 and the flip to (6, 3) = 16 dropped
        assertEquals(18.4, g.omittedRate(s.index(6, 2)), 1e-13);
        // (5, 1): nothing leaves the rectangle (flip to (5, 2) stays, injection to level 6 stays)
        assertEquals(0.0, g.omittedRate(s.index(5, 1)));
        // omittedFlux = Σ p × omittedRate
        double[] p = new double[g.size()];
        p[s.index(7, 2)] = 0.25;
        p[s.index(6, 2)] = 0.75;
        assertEquals(0.25 * 26.0 + 0.75 * 18.4, g.omittedFlux(p), 1e-13);
    }

    @Test
    void multiplyMatchesTheMatrix() {
        Generator g = Generator.assemble(RATES, StateSpace.triangle(25));
        SplittableRandom rnd = new SplittableRandom(3);
        double[] p = new double[g.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rnd.nextDouble();
        }
        double[] out = new double[p.length];
        g.multiply(p, out);
        double total = 0.0;
        for (int i = 0; i < p.length; i++) {
            double expected = 0.0;
            for (int j = 0; j < p.length; j++) {
                expected += g.matrix().get(i, j) * p[j];
            }
            assertEquals(expected, out[i], 1e-12 * (1 + Math.abs(expected)));
            total += out[i];
        }
        assertEquals(0.0, total, 1e-10); // 1ᵀ L = 0
    }
}
