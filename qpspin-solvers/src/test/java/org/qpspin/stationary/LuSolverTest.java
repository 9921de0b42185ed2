package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.lu.MultifrontalGth;
import org.qpspin.linalg.lu.SupernodalAnalysis;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Regime;
import org.qpspin.ordering.Orderings;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

class LuSolverTest {

    private static final int CASES_PER_REGIME = 4;

    /**
     * Seeded sweep: log-uniform τs (or +∞), Γt (or 0) and mean-field N0 at V = Γ = 1, kept until every regime of
     * Fig. 1 has {@value #CASES_PER_REGIME} cases; truncation a triangle (or an m-rectangle for polarized
     * cases) with 300–2000 states.
     */
    static Stream<Arguments> sweep() {
        SplittableRandom random = new SplittableRandom(0x5eed_2020L);
        Map<Regime, Integer> found = new EnumMap<>(Regime.class);
        List<Arguments> cases = new ArrayList<>();
        while (cases.size() < CASES_PER_REGIME * Regime.values().length) {
            double tau = random.nextInt(6) == 0 ? Double.POSITIVE_INFINITY : Math.pow(10, random.nextDouble(-0.5, 3));
            double gt = random.nextInt(6) == 0 ? 0.0 : Math.pow(10, random.nextDouble(-6, -0.5));
            if (gt == 0.0 && tau == Double.POSITIVE_INFINITY) {
                continue;
            }
            double n0 = random.nextDouble(5, 26);
            ModelParameters p = ModelParameters.withMeanFieldN0(n0, 1.0, 1.0, gt, tau);
            Regime regime = Regime.classify(p);
            if (found.getOrDefault(regime, 0) >= CASES_PER_REGIME) {
                continue;
            }
            int nMax = (int) Math.ceil(2.5 * n0) + 12;
            double m0 = MeanFieldFixedPoint.of(p).meanM();
            StateSpace space = regime != Regime.UNPOLARIZED && 4 * m0 + 8 < nMax / 2
                    ? StateSpace.rectangle(nMax + 30, (int) Math.ceil(4 * m0 + 8))
                    : StateSpace.triangle(nMax);
            if (space.size() < 300 || space.size() > 2000) {
                continue;
            }
            found.merge(regime, 1, Integer::sum);
            cases.add(Arguments.of(regime, p, space));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sweep")
    void agreesWithDenseGth(Regime regime, ModelParameters p, StateSpace space) {
        Generator g = Generator.assemble(Prl2020RateModel.of(p), space);
        StationaryResult gth = StationarySolvers.gth().solve(g);
        StationaryResult lu = StationarySolvers.byName("lu").solve(g);
        assertEquals("lu", lu.solver());
        assertRelative(gth.meanN(), lu.meanN(), 1e-12, "<N>");
        assertRelative(gth.varianceN(), lu.varianceN(), 1e-12, "Var N");
        assertRelative(gth.meanM(), lu.meanM(), 1e-12, "<m>");
        double[] exact = gth.probabilitiesView();
        double[] got = lu.probabilitiesView();
        double max = 0.0;
        for (double v : exact) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < exact.length; i++) {
            assertTrue(got[i] >= 0.0, "negative probability");
            if (exact[i] > 1e-12 * max) {
                assertRelative(exact[i], got[i], 1e-12, "p(N=" + space.levelOf(i) + ", m=" + space.mOf(i) + ")");
            }
            // GTH pivots make the sparse LU subtraction-free: tiny probabilities keep their relative accuracy too
            if (exact[i] > 1e-250) {
                assertRelative(exact[i], got[i], 1e-10, "tiny p(N=" + space.levelOf(i) + ", m=" + space.mOf(i) + ")");
            }
        }
        assertTrue(lu.relativeResidual() < 1e-14, () -> "residual " + lu.relativeResidual());
    }

    @Test
    void sweepCoversEveryRegime() {
        assertEquals(CASES_PER_REGIME * Regime.values().length, sweep().count());
        for (Regime r : Regime.values()) {
            assertEquals(CASES_PER_REGIME, sweep().filter(a -> a.get()[0] == r).count(), r::label);
        }
    }

    /**
     * Spin relaxation without triplet annihilation (Γt = 0): the LU runs in the sheared order (separators along
     * N − m, {@link org.qpspin.ordering.LatticeDissection}); its vector and group-inverse solves keep the oracle's
     * accuracy as in the contract.
     */
    @Test
    void theShearedOrderOfASpinRelaxationChainKeepsTheContract() {
        ModelParameters p = ModelParameters.withMeanFieldN0(20, 1.0, 50.0, 0.0, 1.0);
        Generator g = Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle(110, 12));
        StationaryFactorization gth = new GthSolver().factorize(g);
        StationaryFactorization lu = StationarySolvers.byName("lu").factorize(g);
        double[] exact = gth.stationary().probabilitiesView();
        double[] got = lu.stationary().probabilitiesView();
        for (int i = 0; i < exact.length; i++) {
            if (exact[i] > 1e-250) {
                assertRelative(exact[i], got[i], 1e-10, "p(N=" + g.space().levelOf(i) + ", m=" + g.space().mOf(i) + ")");
            }
        }
        StationarySolverContract.assertGroupInverseSolves(g, lu, gth, "lu");
    }

    @Test
    void pinnedAtAnImprobableStateStillAgrees() {
        ModelParameters p = ModelParameters.withMeanFieldN0(15, 1.0, 1.0, 1e-3, 30.0);
        Generator g = Generator.assemble(Prl2020RateModel.of(p), StateSpace.triangle(50));
        StationaryResult gth = StationarySolvers.gth().solve(g);
        int improbable = g.space().index(50, 25);
        SparseLuFactorization f = SparseLuFactorization.factorize(g, improbable,
                Orderings.nestedDissection(g.space()));
        double[] x = new double[g.size()];
        x[improbable] = 1.0;
        f.solvePinned(x, x);
        StationaryResult lu = StationaryResult.of(g, x, "lu", 0.0);
        assertTrue(gth.probabilitiesView()[improbable] < 1e-20 * gth.probabilitiesView()[0] + 1e-20);
        assertRelative(gth.meanN(), lu.meanN(), 1e-12, "<N>");
        assertRelative(gth.varianceN(), lu.varianceN(), 1e-12, "Var N");
    }

    @Test
    void pinnedAndTransposedSolvesSatisfyTheirSystems() {
        ModelParameters p = ModelParameters.withMeanFieldN0(12, 1.0, 1.0, 0.02, 5.0);
        Generator g = Generator.assemble(Prl2020RateModel.of(p), StateSpace.triangle(44));
        SparseLuFactorization f = StationarySolvers.luFactorization(g);
        int n = g.size();
        int k = f.pinnedState();
        var a = SparseLuFactorization.pinnedMatrix(g.matrix(), k);
        SplittableRandom random = new SplittableRandom(7);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = random.nextDouble(-1, 1);
        }
        double[] x = new double[n];
        f.solvePinned(b, x);
        double[] ax = new double[n];
        for (int j = 0; j < n; j++) {
            for (int e = a.col_idx[j]; e < a.col_idx[j + 1]; e++) {
                ax[a.nz_rows[e]] += a.nz_values[e] * x[j];
            }
        }
        double[] y = new double[n];
        f.solvePinnedTransposed(b, y);
        double[] aty = new double[n];
        for (int j = 0; j < n; j++) {
            for (int e = a.col_idx[j]; e < a.col_idx[j + 1]; e++) {
                aty[j] += a.nz_values[e] * y[a.nz_rows[e]];
            }
        }
        double scale = 0.0;
        for (int j = 0; j < n; j++) {
            for (int e = a.col_idx[j]; e < a.col_idx[j + 1]; e++) {
                scale = Math.max(scale, Math.abs(a.nz_values[e]) * Math.max(Math.abs(x[j]), Math.abs(y[a.nz_rows[e]])));
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(b[i], ax[i], 1e-12 * scale, "A x = b");
            assertEquals(b[i], aty[i], 1e-12 * scale, "A^T y = b");
        }
        assertTrue(f.factorNonZeros() > g.nonZeros() / 2);
    }

    /**
     * A mid-size wide chain (triangle, 15 876 states, fronts up to ~400 rows, so the parallel Schur updates run):
     * the two subtraction-free sparse solvers, lu and levels, agree entrywise on every probability above 1e-250.
     */
    @Test
    void agreesEntrywiseWithTheLevelSolverOnAWideChain() {
        ModelParameters p = ModelParameters.withMeanFieldN0(60, 1.0, 1.0, 0.02, 3.0);
        Generator g = Generator.assemble(Prl2020RateModel.of(p), StateSpace.triangle(250));
        SparseLuFactorization f = StationarySolvers.luFactorization(g);
        StationaryResult levels = StationarySolvers.levels().solve(g);
        double[] exact = levels.probabilitiesView();
        double[] got = f.stationary().probabilitiesView();
        double smallest = 1.0;
        for (int i = 0; i < exact.length; i++) {
            if (exact[i] > 1e-250) {
                assertRelative(exact[i], got[i], 1e-10, "p(N=" + g.space().levelOf(i) + ", m=" + g.space().mOf(i) + ")");
                smallest = Math.min(smallest, exact[i]);
            }
        }
        assertTrue(smallest < 1e-50, "the chain should reach tiny probabilities, smallest " + smallest);
        assertTrue(f.largestFront() > 300, "fronts " + f.largestFront());
        assertTrue(f.factorFlops() > f.factorNonZeros() && f.supernodes() > 1);
    }

    /**
     * Splitting the dense updates over threads, and factorizing two subtrees of the elimination tree at the same
     * time, leave every operation and its order unchanged: identical bits.
     */
    @Test
    void parallelDenseUpdatesGiveIdenticalFactors() {
        ModelParameters p = ModelParameters.withMeanFieldN0(30, 1.0, 1.0, 0.02, 3.0);
        Generator g = Generator.assemble(Prl2020RateModel.of(p), StateSpace.triangle(120));
        double saved = MultifrontalGth.parallelFlops;
        double savedWork = SupernodalAnalysis.concurrentWork;
        double[] serial;
        double[] parallel;
        double[] b = new double[g.size()];
        double[] xSerial = new double[g.size()];
        double[] xParallel = new double[g.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = Math.sin(i);
        }
        try {
            MultifrontalGth.parallelFlops = Double.POSITIVE_INFINITY;
            SupernodalAnalysis.concurrentWork = Double.POSITIVE_INFINITY;
            SparseLuFactorization fs = StationarySolvers.luFactorization(g);
            serial = fs.stationary().probabilities();
            fs.solvePinned(b, xSerial);
            MultifrontalGth.parallelFlops = 0.0;
            SupernodalAnalysis.concurrentWork = 0.0;
            SparseLuFactorization fp = StationarySolvers.luFactorization(g);
            org.junit.jupiter.api.Assertions.assertTrue(MultifrontalGth.factorize(g.matrix(),
                    org.qpspin.ordering.Orderings.withLast(org.qpspin.ordering.Orderings.nestedDissection(g.space()),
                    PinnedState.meanFieldPoint(g.space(), g.rateModel().parameters()))).concurrent());
            parallel = fp.stationary().probabilities();
            fp.solvePinned(b, xParallel);
        } finally {
            MultifrontalGth.parallelFlops = saved;
            SupernodalAnalysis.concurrentWork = savedWork;
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(serial, parallel);
        org.junit.jupiter.api.Assertions.assertArrayEquals(xSerial, xParallel);
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }
}
