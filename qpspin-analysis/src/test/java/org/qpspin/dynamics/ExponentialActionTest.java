package org.qpspin.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/** The kernel: uniformization and Al-Mohy–Higham against each other and against a dense exponential. */
class ExponentialActionTest {

    static Generator chain(double a, double v, double g, double gt, double tau, int nMax, int mMax) {
        return Generator.assemble(Prl2020RateModel.of(ModelParameters.of(a, v, g, gt, tau)),
                StateSpace.rectangle(nMax, mMax));
    }

    @ParameterizedTest
    @CsvSource({
        // A, V, Gamma, Gamma_t, tau_s, nMax, mMax, t (in units of 1/q)
        "40, 1, 10, 0.5, 0.4, 30, 8, 0.3",
        "40, 1, 10, 0.5, 0.4, 30, 8, 40",
        "120, 1, 50, 1, 10, 24, 12, 250",
        "20, 1, 5, 0, 0.2, 26, 13, 3000"
    })
    void bothMethodsMatchDenseExponential(double a, double v, double g, double gt, double tau, int nMax, int mMax,
                                          double qt) {
        Generator gen = chain(a, v, g, gt, tau, nMax, mMax);
        ExponentialAction kernel = ExponentialAction.of(gen.matrix());
        double t = qt / kernel.uniformizationRate();
        double[] p0 = new double[gen.size()];
        p0[gen.space().index(4, 1)] = 0.7;
        p0[gen.space().index(0, 0)] = 0.3;
        double[] exact = DenseExponential.apply(DenseExponential.expm(DenseExponential.dense(gen.matrix()), t), p0);
        Propagation u = kernel.withMethod(ExponentialAction.Method.UNIFORMIZATION).apply(p0, t);
        Propagation h = kernel.withMethod(ExponentialAction.Method.TAYLOR).apply(p0, t);
        double du = l1(u.vector(), exact);
        double dh = l1(h.vector(), exact);
        double between = l1(u.vector(), h.vector());
        System.out.printf("qt=%g n=%d: |unif-dense|=%.2e |taylor-dense|=%.2e |unif-taylor|=%.2e bounds %.2e %.2e"
                + " matvecs %d %d%n", qt, gen.size(), du, dh, between, u.errorBound(), h.errorBound(), u.matvecs(),
                h.matvecs());
        // the dense oracle's own rounding grows with its 2^s squarings (~ ||tL|| u n), so 1e-10 against it
        assertTrue(du <= 1e-10, "uniformization off dense by " + du);
        assertTrue(dh <= 1e-10, "taylor off dense by " + dh);
        // the two sparse methods against each other, within the sum of their reported bounds
        assertTrue(between <= u.errorBound() + h.errorBound(), "methods differ by " + between + " > bounds "
                + u.errorBound() + " + " + h.errorBound());
        // uniformization: non-negative, mass conserved
        double mass = 0.0;
        for (double x : u.vector()) {
            assertTrue(x >= 0.0, "negative probability " + x);
            mass += x;
        }
        assertEquals(1.0, mass, 1e-13);
        assertEquals("uniformization", u.method());
        assertEquals("taylor", h.method());
    }

    @Test
    void longTimesGiveTheStationaryVector() {
        Generator gen = chain(40, 1, 10, 0.5, 0.4, 30, 8);
        StationaryResult st = StationarySolvers.gth().solve(gen);
        double[] p0 = new double[gen.size()];
        p0[0] = 1.0;
        ExponentialAction kernel = ExponentialAction.of(gen.matrix());
        // the slowest relaxation rate is ~ 1/tau_s-ish; 20 s is ~50 relaxation times
        for (ExponentialAction.Method m : new ExponentialAction.Method[] {ExponentialAction.Method.UNIFORMIZATION,
            ExponentialAction.Method.TAYLOR}) {
            Propagation r = kernel.withMethod(m).apply(p0, 20.0);
            assertTrue(l1(r.vector(), st.probabilitiesView()) < 1e-11, m + " at t = 20 s: "
                    + l1(r.vector(), st.probabilitiesView()));
        }
    }

    @Test
    void autoChoosesTheCheaperAndReportsIt() {
        Generator gen = chain(40, 1, 10, 0.5, 0.4, 30, 8);
        ExponentialAction kernel = ExponentialAction.of(gen.matrix());
        double q = kernel.uniformizationRate();
        double[] p0 = new double[gen.size()];
        p0[0] = 1.0;
        for (double qt : new double[] {0.1, 10, 1e4}) {
            ExponentialAction.Method chosen = kernel.choose(qt / q);
            Propagation r = kernel.apply(p0, qt / q);
            assertEquals(chosen == ExponentialAction.Method.TAYLOR ? "taylor" : "uniformization", r.method());
            long other = chosen == ExponentialAction.Method.TAYLOR
                    ? kernel.withMethod(ExponentialAction.Method.UNIFORMIZATION).apply(p0, qt / q).matvecs()
                    : kernel.withMethod(ExponentialAction.Method.TAYLOR).apply(p0, qt / q).matvecs();
            assertTrue(r.matvecs() <= other + 300, "auto took " + r.matvecs() + " products, other " + other);
        }
    }

    @Test
    void poissonWeightsSumToOneWithinTheirBound() {
        for (double lambda : new double[] {1e-3, 0.5, 7.0, 123.4, 1e5, 3e7}) {
            PoissonWeights w = PoissonWeights.of(lambda, 1e-15);
            double s = 0.0;
            for (int k = w.left(); k <= w.right(); k++) {
                s += w.weight(k);
            }
            assertEquals(1.0, s, 1e-12);
            assertTrue(w.truncationError() <= 1e-15);
            int m = (int) Math.floor(lambda);
            double exact = Math.exp(logPoisson(m, lambda));
            assertEquals(exact, w.weight(m), 1e-12 * exact, "mode weight at lambda " + lambda);
            assertEquals(Math.exp(logPoisson(m + 3, lambda)), w.weight(m + 3), 1e-12 * exact);
        }
    }

    /**
     * log(e^{−λ} λ^k / k!) without cancellation: direct sum for k &lt; 30, else Stirling's series for log k! with
     * λ = k(1 + f): −λ + k log λ − log k! = −k f + k log1p(f) − ½ log(2πk) − 1/(12k) + 1/(360k³) − 1/(1260k⁵).
     */
    static double logPoisson(int k, double lambda) {
        if (k < 30) {
            double log = -lambda + k * Math.log(lambda);
            for (int i = 2; i <= k; i++) {
                log -= Math.log(i);
            }
            return log;
        }
        double f = (lambda - k) / k;
        double kk = k;
        return -kk * f + kk * Math.log1p(f) - 0.5 * Math.log(2 * Math.PI * kk) - 1.0 / (12 * kk)
                + 1.0 / (360 * kk * kk * kk) - 1.0 / (1260 * Math.pow(kk, 5));
    }

    static double l1(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s;
    }

    static double[] column(DMatrixRMaj e, int j) {
        double[] c = new double[e.numRows];
        for (int i = 0; i < c.length; i++) {
            c[i] = e.get(i, j);
        }
        return c;
    }
}
