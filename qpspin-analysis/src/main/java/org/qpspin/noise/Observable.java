package org.qpspin.noise;

import java.util.Objects;
import org.qpspin.space.StateSpace;

/**
 * A function f(N, m) of the cluster state whose fluctuations are analysed: the particle number N, the number of
 * flipped spins m, the total spin S = N/2 − m, or any user-defined function.
 *
 * <p>Implementations must be pure (the same value for the same state) and cheap; {@link #evaluate} tabulates
 * them once per state space.
 */
public interface Observable {

    /** {@return short name used in reports, e.g. {@code N}} */
    String name();

    /**
     * {@return f(N, m)}
     *
     * @param n N, the number of quasiparticles (≥ 0)
     * @param m m, the number of flipped spins (0 ≤ m ≤ ⌊N/2⌋)
     */
    double value(int n, int m);

    /**
     * {@return f on every state of {@code space}, by state index}
     *
     * @param space the truncated state space
     */
    default double[] evaluate(StateSpace space) {
        double[] f = new double[space.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = value(space.levelOf(i), space.mOf(i));
        }
        return f;
    }

    /** {@return the particle number N} */
    static Observable particleNumber() {
        return of("N", (n, m) -> n);
    }

    /** {@return the number of flipped spins m} */
    static Observable flippedSpins() {
        return of("m", (n, m) -> m);
    }

    /** {@return the total spin S = N/2 − m (in units of ħ)} */
    static Observable totalSpin() {
        return of("S", (n, m) -> 0.5 * n - m);
    }

    /**
     * {@return the observable called {@code name} among N, m, S (case-sensitive for N/m, also {@code spin} for S)}
     *
     * @param name {@code N}, {@code m}, {@code S} or {@code spin}
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    static Observable byName(String name) {
        switch (name) {
            case "N":
                return particleNumber();
            case "m":
                return flippedSpins();
            case "S":
            case "spin":
                return totalSpin();
            default:
                throw new IllegalArgumentException("unknown observable '" + name + "'; choose one of N, m, S");
        }
    }

    /**
     * {@return a user-defined observable}
     *
     * @param name the name reported in results
     * @param function f(N, m)
     */
    static Observable of(String name, StateFunction function) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        return new Observable() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double value(int n, int m) {
                return function.value(n, m);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** f(N, m) as a lambda. */
    @FunctionalInterface
    interface StateFunction {
        /**
         * {@return f(N, m)}
         *
         * @param n N, the number of quasiparticles (≥ 0)
         * @param m m, the number of flipped spins (0 ≤ m ≤ ⌊N/2⌋)
         */
        double value(int n, int m);
    }
}
