package org.qpspin.truncation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationarySolvers;

/**
 * The unpolarized ridge against the 1D chain solved independently (dense GTH), the 2D model it bounds, and the
 * core it shapes: every state above 10⁻²⁰ p_max of the exact solution must lie in {@link ProbableCore#of}.
 */
class UnpolarizedRidgeTest {

    private static final ModelParameters WEAK = ModelParameters.withMeanFieldN0(40, 1, 10, 0, 1.0 / 3);
    private static final RateModel WEAK_RATES = Prl2020RateModel.of(WEAK);

    @Test
    void reachIsWhereTheRidgeChainSolvedByGthFallsBelowTheShare() {
        // the ridge chain as a generator of its own: N -> N+1 at A V, N -> N-2 at d(N); stationary by dense GTH
        int nMax = 120;
        ModelParameters p = ModelParameters.withMeanFieldN0(30, 1, 10, 0.05, 1.0 / 3);
        RateModel rates = Prl2020RateModel.of(p);
        double[][] q = new double[nMax + 1][nMax + 1];
        for (int n = 0; n <= nMax; n++) {
            if (n < nMax) {
                q[n][n + 1] = p.totalInjectionRate();
            }
            if (n >= 2) {
                q[n][n - 2] = UnpolarizedRidge.annihilation(rates, n);
            }
        }
        double[] pu = gth(q);
        int peak = 0;
        for (int n = 0; n <= nMax; n++) {
            peak = pu[n] > pu[peak] ? n : peak;
        }
        for (double share : new double[] {1e-3, 1e-10, 1e-20}) {
            int expected = peak;
            while (expected < nMax && pu[expected + 1] >= share * pu[peak]) {
                expected++;
            }
            assertEquals(expected, UnpolarizedRidge.reach(rates, nMax, share), "share " + share);
        }
        // the rate model's channels into level N-2 at m = N/2: singlet, and the triplet channels to (N-2, m-1) and
        // (N-2, m-2), Gamma (N-m) m / V + Gamma_t [(N-m) m + m^2/2] / V; the triplet (N-2, m) is never a valid state
        // there (m > (N-2)/2) and docs/model.md omits it
        assertEquals(10 * 4 * 4 + 0.05 * (4 * 4 + 16 / 2.0), UnpolarizedRidge.annihilation(rates, 8), 1e-12);
        assertEquals(10 * 4 * 3 + 0.05 * (4 * 3 + 9 / 2.0), UnpolarizedRidge.annihilation(rates, 7), 1e-12);
        assertEquals(0.0, UnpolarizedRidge.annihilation(rates, 1));
    }

    @Test
    void ridgeIsAnUpperEstimateOfTheModelAlongMEqualsHalfN() {
        int nMax = 220;
        StateSpace space = StateSpace.rectangle(nMax, 110);
        double[] p = StationarySolvers.lu().solve(Generator.assemble(Prl2020RateModel.of(WEAK), space))
                .probabilitiesView();
        double max = 0.0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        // where the model's ridge p(N, N/2) is still above 1e-20 p_max, the ridge chain reaches at least as far
        int modelReach = 0;
        for (int n = 0; n <= nMax; n++) {
            if (p[space.index(n, n / 2)] >= 1e-20 * max) {
                modelReach = n;
            }
        }
        int reach = UnpolarizedRidge.reach(WEAK_RATES, nMax, 1e-20);
        assertTrue(reach >= modelReach, "ridge " + reach + " < model " + modelReach);
        assertTrue(reach <= modelReach + 15, "ridge " + reach + " far beyond model " + modelReach);
    }

    @Test
    void edgeCases() {
        // levels 0 and 1 only: nothing annihilates below N = 2, the ridge piles up at the truncation
        assertEquals(1, UnpolarizedRidge.reach(WEAK_RATES, 1, 1e-20));
        assertEquals(0, UnpolarizedRidge.reach(WEAK_RATES, 0, 1e-20));
        // share 1: only the peak and levels exactly as probable
        int peak = UnpolarizedRidge.reach(WEAK_RATES, 400, 1.0);
        assertTrue(peak > 0 && peak < UnpolarizedRidge.reach(WEAK_RATES, 400, 1e-20));
        // the peak is near the unpolarized size c0 V = (2 A V^2 / Gamma)^1/2
        double c0v = Math.sqrt(2 * WEAK.injectionRate() / WEAK.singletRate());
        assertEquals(c0v, peak, 0.1 * c0v);
        assertThrows(IllegalArgumentException.class, () -> UnpolarizedRidge.reach(WEAK_RATES, -1, 1e-20));
        assertThrows(IllegalArgumentException.class, () -> UnpolarizedRidge.reach(WEAK_RATES, 10, 0.0));
        assertThrows(IllegalArgumentException.class, () -> UnpolarizedRidge.reach(WEAK_RATES, 10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> UnpolarizedRidge.reach(WEAK_RATES, 10, Double.NaN));
    }

    /** The peer families (docs/benchmarks.md) on their automatic rectangles at ~10⁴ and ~3 × 10⁴ states. */
    static Stream<Arguments> peerRectangles() {
        return Stream.of(
                Arguments.of("SR 1e4", ModelParameters.withMeanFieldN0(60.6, 1, 50, 0, 1), 334, 33),
                Arguments.of("SR 3e4", ModelParameters.withMeanFieldN0(105.6, 1, 50, 0, 1), 581, 56),
                Arguments.of("TA 1e4", ModelParameters.withMeanFieldN0(78.0, 1, 1, 1.0 / (25 * 78.0),
                        Double.POSITIVE_INFINITY), 273, 42),
                Arguments.of("TA 3e4", ModelParameters.withMeanFieldN0(136.5, 1, 1, 1.0 / (25 * 136.5),
                        Double.POSITIVE_INFINITY), 478, 73),
                Arguments.of("weak 1e4", ModelParameters.withMeanFieldN0(35.9, 1, 10, 0, 1.0 / 3), 198, 108),
                Arguments.of("weak 3e4", ModelParameters.withMeanFieldN0(62.6, 1, 10, 0, 1.0 / 3), 345, 188));
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("peerRectangles")
    void coreHoldsEveryStateAboveTheEdgeMassOfTheExactSolution(String family, ModelParameters parameters,
            int nMax, int mMax) {
        StateSpace space = StateSpace.rectangle(nMax, mMax);
        StateSpace core = ProbableCore.of(Prl2020RateModel.of(parameters), space);
        double[] p = StationarySolvers.lu().solve(Generator.assemble(Prl2020RateModel.of(parameters), space))
                .probabilitiesView();
        double max = 0.0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < p.length; i++) {
            int n = space.levelOf(i);
            int m = space.mOf(i);
            if (p[i] > ProbableCore.EDGE_MASS * max) {
                assertTrue(m <= core.highM(n), family + ": (" + n + ", " + m + ") holds " + p[i] / max
                        + " p_max outside the core's top " + core.highM(n));
            }
        }
        assertTrue(core.size() < space.size(), family + ": core " + core.size() + " of " + space.size());
    }

    /** Dense GTH stationary vector of the rate matrix q (q[i][j] = rate i → j). */
    private static double[] gth(double[][] q) {
        int n = q.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = q[i].clone();
        }
        for (int k = n - 1; k > 0; k--) {
            double s = 0.0;
            for (int j = 0; j < k; j++) {
                s += a[k][j];
            }
            for (int i = 0; i < k; i++) {
                double f = a[i][k] / s;
                for (int j = 0; j < k; j++) {
                    a[i][j] += f * a[k][j];
                }
            }
        }
        double[] x = new double[n];
        x[0] = 1.0;
        for (int k = 1; k < n; k++) {
            double s = 0.0;
            double t = 0.0;
            for (int j = 0; j < k; j++) {
                t += a[k][j];
            }
            for (int i = 0; i < k; i++) {
                s += x[i] * a[i][k];
            }
            x[k] = s / t;
        }
        return x;
    }
}
