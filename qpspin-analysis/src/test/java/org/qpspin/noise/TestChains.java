package org.qpspin.noise;

import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Channel;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.TransitionSink;

/** Small rate models with closed-form noise, written on the (N, m = 0) states of a rectangle(nMax, 0). */
final class TestChains {

    private TestChains() {
    }

    /** Placeholder parameters (the generator only reads A·V from them, for the relative omitted flux). */
    private static final ModelParameters PARAMETERS = ModelParameters.of(1.0, 1.0, 1.0, 1.0, 1.0);

    /**
     * Two states N = 0, 1: 0 → 1 at {@code up}, 1 → 0 at {@code down}. Var N = ud/(u+d)², one mode
     * γ = u + d: S(ω) = 2 Var γ / (ω² + γ²).
     */
    static RateModel twoState(double up, double down) {
        return new RateModel() {
            @Override
            public String name() {
                return "two-state";
            }

            @Override
            public ModelParameters parameters() {
                return PARAMETERS;
            }

            @Override
            public void forEachTransition(int n, int m, TransitionSink sink) {
                if (n == 0) {
                    sink.accept(Channel.INJECTION, 1, 0, up);
                } else if (n == 1) {
                    sink.accept(Channel.SINGLET, 0, 0, down); // the channel label is irrelevant here
                }
            }

            @Override
            public double totalRate(int n, int m) {
                return n == 0 ? up : down;
            }
        };
    }

    /**
     * Immigration–death: N → N+1 at {@code birth}, N → N−1 at {@code death}·N. Poisson(ν = birth/death)
     * stationary law, eigenvalues −k·death, and N couples to the k = 1 mode only:
     * S(ω) = 2 ν death / (ω² + death²).
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
}
