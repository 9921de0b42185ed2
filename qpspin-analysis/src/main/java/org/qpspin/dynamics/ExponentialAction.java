package org.qpspin.dynamics;

import java.util.Locale;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The kernel of the dynamics: exp(tL)v for a generator L in CSC form (column j holds the rates out of state j,
 * columns sum to ≤ 0; dp/dt = L p), to machine precision with a reported error bound.
 *
 * <p>Two methods, one interface:
 * <ul>
 *   <li>{@link Method#UNIFORMIZATION} ({@link Uniformization}): subtraction-free for a non-negative v, R ≈ qt +
 *       O(√(qt)) products, q = max exit rate;</li>
 *   <li>{@link Method#TAYLOR} ({@link TaylorExpmv}): Al-Mohy–Higham truncated Taylor with scaling, m·s
 *       products chosen from the norms of powers of the shifted L;</li>
 *   <li>{@link Method#AUTO}: whichever predicts fewer products for this t (the Poisson window's right end against
 *       m·s plus the one-off norm estimation), ties to uniformization (non-negative results).</li>
 * </ul>
 * Typical use: {@code ExponentialAction.of(generator.matrix()).apply(p0, t)}. Immutable configuration
 * ({@link #withTolerance}, {@link #withMethod}); not thread-safe (the Taylor method caches its norm estimates).
 */
public final class ExponentialAction {

    /** Which method computes exp(tL)v. */
    public enum Method {
        /** The cheaper by predicted product count. */
        AUTO,
        /** Uniformization with Fox–Glynn weights. */
        UNIFORMIZATION,
        /** Al-Mohy–Higham truncated Taylor. */
        TAYLOR;

        /**
         * {@return the method called {@code name} (auto, uniformization, taylor; case-insensitive)}
         *
         * @param name {@code auto}, {@code uniformization} or {@code taylor}
         * @throws IllegalArgumentException for another name, listing the known ones
         */
        public static Method byName(String name) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "auto":
                    return AUTO;
                case "uniformization":
                case "uniformisation":
                    return UNIFORMIZATION;
                case "taylor":
                case "expmv":
                    return TAYLOR;
                default:
                    throw new IllegalArgumentException("unknown method '" + name
                            + "'; choose auto, uniformization or taylor");
            }
        }
    }

    /** Default truncation tolerance of uniformization (total variation, relative to ‖v‖₁). */
    public static final double DEFAULT_TOLERANCE = 1e-15;

    private final Uniformization uniformization;
    private final TaylorExpmv taylor;
    private final double tolerance;
    private final Method method;

    private ExponentialAction(Uniformization uniformization, TaylorExpmv taylor, double tolerance, Method method) {
        this.uniformization = uniformization;
        this.taylor = taylor;
        this.tolerance = tolerance;
        this.method = method;
    }

    /**
     * {@return the kernel for {@code generator} (kept by reference: do not modify it afterwards), {@link Method#AUTO},
     * {@link #DEFAULT_TOLERANCE}}
     *
     * @param generator the generator (CSC; off-diagonal ≥ 0, diagonal ≤ 0)
     * @throws IllegalArgumentException if an off-diagonal entry is negative or a diagonal entry positive
     */
    public static ExponentialAction of(DMatrixSparseCSC generator) {
        return new ExponentialAction(Uniformization.of(generator), TaylorExpmv.of(generator), DEFAULT_TOLERANCE,
                Method.AUTO);
    }

    /**
     * The same kernel with uniformization's truncation tolerance {@code epsilon} in [1e-300, 1).
     *
     * @param epsilon the total-variation truncation error of the Poisson window, in [1e-300, 1)
     * @return the modified copy
     */
    public ExponentialAction withTolerance(double epsilon) {
        if (!(epsilon >= 1e-300 && epsilon < 1.0)) {
            throw new IllegalArgumentException("tolerance must be in [1e-300, 1), got " + epsilon);
        }
        return new ExponentialAction(uniformization, taylor, epsilon, method);
    }

    /**
     * The same kernel forced to {@code m}.
     *
     * @param m the method (AUTO chooses per time)
     * @return the modified copy
     */
    public ExponentialAction withMethod(Method m) {
        return new ExponentialAction(uniformization, taylor, tolerance, java.util.Objects.requireNonNull(m));
    }

    /** {@return q = max exit rate, in s⁻¹} */
    public double uniformizationRate() {
        return uniformization.rate();
    }

    /**
     * {@return the method that {@link #apply} will use for time t}
     *
     * @param t the time in s (≥ 0)
     */
    public Method choose(double t) {
        if (method != Method.AUTO) {
            return method;
        }
        double lambda = uniformization.rate() * t;
        if (lambda > PoissonWeights.MAX_LAMBDA) {
            return Method.TAYLOR;
        }
        // predicted uniformization cost without building the window: qt + 8√(qt) + 20 ≥ the window's right end
        double uniformCost = lambda + 8.0 * Math.sqrt(lambda) + 20.0;
        if (uniformCost < 200.0) {
            return Method.UNIFORMIZATION; // below the norm estimation's own cost
        }
        return taylor.predictedMatvecs(t) < uniformization.predictedMatvecs(t, tolerance)
                ? Method.TAYLOR : Method.UNIFORMIZATION;
    }

    /**
     * {@return exp(tL) v with the configured (or chosen) method}
     *
     * @param v vector (not modified)
     * @param t time ≥ 0, finite
     */
    public Propagation apply(double[] v, double t) {
        return choose(t) == Method.TAYLOR ? taylor.apply(v, t) : uniformization.apply(v, t, tolerance);
    }
}
