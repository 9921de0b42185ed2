package org.qpspin.dynamics;

import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Channel;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.TransitionSink;

/** Rate models with closed-form transients, on the m = 0 states. */
final class ClosedFormChains {

    private ClosedFormChains() {
    }

    private static final ModelParameters PARAMETERS = ModelParameters.of(1.0, 1.0, 1.0, 1.0, 1.0);

    /**
     * Immigration–death: N → N+1 at {@code birth}, N → N−1 at {@code death}·N. From N = 0 at t = 0, N(t) is
     * Poisson with mean ν(1 − e^{−death t}), ν = birth/death.
     */
    static RateModel immigrationDeath(double birth, double death) {
        return new RateModel() {
            @Override
            public String name() {
                return "immigration-death";
            }

            @Override
            public ModelParameters parameters() {
                return PARAMETERS;
            }

            @Override
            public void forEachTransition(int n, int m, TransitionSink sink) {
                sink.accept(Channel.INJECTION, n + 1, 0, birth);
                if (n > 0) {
                    sink.accept(Channel.SINGLET, n - 1, 0, death * n);
                }
            }

            @Override
            public double totalRate(int n, int m) {
                return birth + death * n;
            }
        };
    }

    /** Poisson(λ) probabilities 0 … kMax by the stable recursion. */
    static double[] poisson(double lambda, int kMax) {
        double[] p = new double[kMax + 1];
        p[0] = Math.exp(-lambda);
        for (int k = 1; k <= kMax; k++) {
            p[k] = p[k - 1] * lambda / k;
        }
        return p;
    }
}
