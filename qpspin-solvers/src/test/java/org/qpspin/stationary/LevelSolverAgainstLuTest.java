package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.space.StateSpace;
import org.qpspin.rates.Prl2020RateModel;

/**
 * The two sparse exact solvers on chains beyond the dense oracle's reach (10⁴–4·10⁴ states): both are
 * subtraction-free, so they must agree entrywise, and their group-inverse solves must agree normwise.
 */
class LevelSolverAgainstLuTest {

    static Stream<Arguments> chains() {
        int[] lo = new int[2001];
        int[] hi = new int[2001];
        for (int n = 0; n <= 2000; n++) {
            lo[n] = n / 40 - 4;
            hi[n] = n / 40 + 6;
        }
        return Stream.of(
                // SR, N0 = 60, truncation far in the tail (P(Nmax) ~ 1e-170)
                Arguments.of("SR", ModelParameters.withMeanFieldN0(60, 1.0, 200.0, 1e-6, 1.0),
                        StateSpace.rectangle(1200, 9)),
                // TA with large A: P(0, 0) far below the peak
                Arguments.of("TA", ModelParameters.withMeanFieldN0(300, 1.0, 50.0, 0.05, Double.POSITIVE_INFINITY),
                        StateSpace.rectangle(700, 30)),
                // band following m ≈ N/40, mLow(N) > 0
                Arguments.of("band", ModelParameters.withMeanFieldN0(1000, 1.0, 20.0, 1e-4, 2.0),
                        StateSpace.band(lo, hi)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void levelsAndLuAgree(String name, ModelParameters parameters, StateSpace space) {
        Generator g = Generator.assemble(Prl2020RateModel.of(parameters), space);
        StationaryFactorization levels = StationarySolvers.levels().factorize(g);
        StationaryFactorization lu = StationarySolvers.lu().factorize(g);
        double[] a = levels.stationary().probabilitiesView();
        double[] b = lu.stationary().probabilitiesView();
        int tiny = 0;
        for (int i = 0; i < a.length; i++) {
            if (b[i] >= 1e-250) {
                int state = i;
                assertEquals(b[i], a[i], 1e-10 * b[i], () -> name + " state (N=" + space.levelOf(state) + ", m="
                        + space.mOf(state) + ")");
                if (b[i] < 1e-100) {
                    tiny++;
                }
            }
        }
        assertTrue(tiny > 0, "no probability below 1e-100 compared");
        StationaryResult r = levels.stationary();
        StationaryResult s = lu.stationary();
        assertEquals(s.meanN(), r.meanN(), 1e-12 * s.meanN());
        assertEquals(s.varianceN(), r.varianceN(), 1e-12 * s.varianceN());
        assertEquals(s.meanM(), r.meanM(), 1e-12 * s.meanM());

        int n = g.size();
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = -(space.levelOf(i) - r.meanN()) * a[i];
        }
        double[] x = new double[n];
        double[] y = new double[n];
        levels.solveGroupInverse(rhs, x);
        lu.solveGroupInverse(rhs, y);
        double size = 0;
        double sN0Levels = 0;
        double sN0Lu = 0;
        for (int i = 0; i < n; i++) {
            size = Math.max(size, Math.abs(y[i]));
            sN0Levels += space.levelOf(i) * x[i];
            sN0Lu += space.levelOf(i) * y[i];
        }
        for (int i = 0; i < n; i++) {
            assertEquals(y[i], x[i], 1e-9 * size, "entry " + i);
        }
        assertEquals(sN0Lu, sN0Levels, 1e-9 * Math.abs(sN0Lu), "S_N(0)/2");
    }
}
