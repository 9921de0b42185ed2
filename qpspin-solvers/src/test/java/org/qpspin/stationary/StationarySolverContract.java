package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/**
 * The contract every {@link StationarySolver} and its {@link StationaryFactorization} keep, run once per
 * implementation by a small subclass (EJML's GenericLinearSolverSparseTests_DSCC pattern): the stationary vector
 * (non-negative, Σ p = 1, residual to rounding, the dense GTH oracle's entries), the name it reports, the
 * group-inverse solves (L x = b, Σ x = 0, the oracle's x and S_N(0), twice with the same workspace), the smallest
 * chain, a reducible chain and bad vector lengths.
 */
abstract class StationarySolverContract {

    /** The solver under test (a new instance per call is fine). */
    abstract StationarySolver solver();

    /** The beginning of the solver name its results report ({@code lu}, {@code auto→}, …). */
    abstract String reportedName();

    /** Three small chains of different shapes (triangle, wide and narrow rectangles) in different regimes. */
    static Stream<Generator> chains() {
        return Stream.of(
                Generator.assemble(Prl2020RateModel.of(ModelParameters.of(30.0, 1.0, 10.0, 0.5, 0.3)),
                        StateSpace.triangle(40)),
                Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(20, 1.0, 1.0, 0.01, 40.0)),
                        StateSpace.rectangle(90, 20)),
                Generator.assemble(Prl2020RateModel.of(ModelParameters.of(60.0, 1.0, 10.0, 0.05, 0.3)),
                        StateSpace.rectangle(80, 6)));
    }

    @ParameterizedTest
    @MethodSource("chains")
    void theStationaryVectorIsTheOraclesToRounding(Generator g) {
        StationaryResult r = solver().solve(g);
        assertTrue(r.solver().startsWith(reportedName()), r.solver());
        assertTrue(r.relativeResidual() < 1e-13, () -> "residual " + r.relativeResidual());
        double[] p = r.probabilitiesView();
        double total = 0.0;
        for (double v : p) {
            assertTrue(v >= 0.0, "negative probability " + v);
            total += v;
        }
        assertEquals(1.0, total, 1e-14);
        double[] oracle = new GthSolver().solve(g).probabilitiesView();
        double max = 0.0;
        for (double v : oracle) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < p.length; i++) {
            if (oracle[i] > 1e-15 * max) {
                assertEquals(oracle[i], p[i], 1e-10 * oracle[i], "state " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("chains")
    void theFactorizationReportsItsSolverAndSolvesTheGroupInverse(Generator g) {
        StationaryFactorization f = solver().factorize(g);
        assertTrue(f.solver().startsWith(reportedName()), f.solver());
        assertEquals(f.solver(), f.stationary().solver());
        assertGroupInverseSolves(g, f, new GthSolver().factorize(g), f.solver());
    }

    /**
     * For b = −(N − ⟨N⟩)∘p (the S_N(0) right-hand side) and a random zero-sum b, twice each (the workspaces are
     * reused): ‖L x − b‖∞ ≤ 1e-12 max_i e_i |x_i| (e the exit rates: the size of the terms L x sums), |Σ x| ≤
     * 1e-14 Σ |x|, x within 1e-9 max |y| of the oracle's y, and S_N(0) = 2 Nᵀ x within 1e-11 of the oracle's.
     */
    static void assertGroupInverseSolves(Generator g, StationaryFactorization f, StationaryFactorization oracle,
                                         String what) {
        int n = g.size();
        double[] pi = f.stationary().probabilitiesView();
        double mean = f.stationary().meanN();
        double[] occupation = new double[n];
        for (int i = 0; i < n; i++) {
            occupation[i] = -(g.space().levelOf(i) - mean) * pi[i];
        }
        SplittableRandom rng = new SplittableRandom(7);
        double[] noise = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            noise[i] = rng.nextDouble(-1, 1);
            total += noise[i];
        }
        for (int i = 0; i < n; i++) {
            noise[i] -= total / n;
        }
        for (double[] b : List.of(occupation, noise)) {
            double[] y = new double[n];
            oracle.solveGroupInverse(b, y);
            double size = 0.0;
            for (double v : y) {
                size = Math.max(size, Math.abs(v));
            }
            double[] x = new double[n];
            double[] lx = new double[n];
            for (int repeat = 0; repeat < 2; repeat++) {
                f.solveGroupInverse(b, x);
                g.multiply(x, lx);
                double sum = 0.0;
                double absolute = 0.0;
                double flow = 0.0;
                for (int i = 0; i < n; i++) {
                    sum += x[i];
                    absolute += Math.abs(x[i]);
                    flow = Math.max(flow, g.exitRate(i) * Math.abs(x[i]));
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(b[i], lx[i], 1e-12 * flow, what + " row " + i);
                    assertEquals(y[i], x[i], 1e-9 * size, what + " entry " + i);
                }
                assertEquals(0.0, sum, 1e-14 * absolute, what + " sum");
            }
            if (b == occupation) {
                double sn = 0.0;
                double snOracle = 0.0;
                for (int i = 0; i < n; i++) {
                    sn += 2 * g.space().levelOf(i) * x[i];
                    snOracle += 2 * g.space().levelOf(i) * y[i];
                }
                assertEquals(snOracle, sn, 1e-11 * Math.abs(snOracle), what + " S_N(0)");
            }
        }
    }

    @Test
    void theSingleStateChainHasProbabilityOne() {
        Generator g = Generator.assemble(Prl2020RateModel.of(ModelParameters.of(1.0, 1.0, 1.0, 1.0, 1.0)),
                StateSpace.triangle(0));
        assertEquals(1.0, solver().solve(g).probabilitiesView()[0]);
    }

    @Test
    void aReducibleChainIsRejected() {
        // Nmax = 1: (1, 0) has no way down (its injection is truncated, one particle cannot annihilate)
        Generator g = Generator.assemble(Prl2020RateModel.of(ModelParameters.of(3.0, 1.0, 1.0, 0.5, 1.0)),
                StateSpace.triangle(1));
        assertThrows(IllegalArgumentException.class, () -> solver().solve(g));
        assertThrows(IllegalArgumentException.class, () -> solver().factorize(g));
    }

    @Test
    void vectorsOfTheWrongLengthAreRejected() {
        Generator g = chains().findFirst().orElseThrow();
        StationaryFactorization f = solver().factorize(g);
        int n = g.size();
        assertThrows(IllegalArgumentException.class, () -> f.solveGroupInverse(new double[n - 1], new double[n]));
        assertThrows(IllegalArgumentException.class, () -> f.solveGroupInverse(new double[n], new double[n + 1]));
    }
}
