package org.qpspin.noise;

import org.qpspin.linalg.ProgressListener;

/**
 * How {@link NoiseAnalysis#spectrum} computes S(ω): the route, its tolerance and its limits. Immutable;
 * {@code with…} methods return modified copies.
 */
public final class SpectrumOptions {

    /** The route to the finite-frequency spectrum. */
    public enum Route {
        /** Shift-invariant Krylov (mode expansion); direct solves only for frequencies it leaves unconverged. */
        AUTO,
        /** Shift-invariant Krylov only; unconverged frequencies are reported, never silently kept. */
        MODES,
        /** One direct complex-shifted sparse LU per frequency (the exact reference; expensive). */
        DIRECT
    }

    private static final SpectrumOptions DEFAULTS = new SpectrumOptions(Route.AUTO, 1e-9, 240, 10_000, 10_000,
            ProgressListener.NONE);

    private final Route route;
    private final double tolerance;
    private final int maxKrylovDimension;
    private final int directStateLimit;
    private final int verifyStateLimit;
    private final ProgressListener progress;

    private SpectrumOptions(Route route, double tolerance, int maxKrylovDimension, int directStateLimit,
                            int verifyStateLimit, ProgressListener progress) {
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new IllegalArgumentException("spectrum tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxKrylovDimension < 2) {
            throw new IllegalArgumentException("Krylov dimension must be >= 2, got " + maxKrylovDimension);
        }
        this.route = route;
        this.tolerance = tolerance;
        this.maxKrylovDimension = maxKrylovDimension;
        this.directStateLimit = directStateLimit;
        this.verifyStateLimit = verifyStateLimit;
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    /**
     * {@return AUTO route, relative tolerance 1e-9, Krylov dimension ≤ 240, direct fallback and a direct check of the
     * highest frequency up to 10 000 states (one direct solve there costs about as much as the whole Krylov route:
     * EJML's sparse LU of the 2n-sized embedding)}
     */
    public static SpectrumOptions defaults() {
        return DEFAULTS;
    }

    /** {@return the route} */
    public Route route() {
        return route;
    }

    /** {@return relative tolerance on S(ω) at every requested frequency} */
    public double tolerance() {
        return tolerance;
    }

    /** {@return largest Krylov dimension (memory: this many vectors of the chain's size)} */
    public int maxKrylovDimension() {
        return maxKrylovDimension;
    }

    /** {@return largest chain for which unconverged frequencies fall back to direct solves (AUTO)} */
    public int directStateLimit() {
        return directStateLimit;
    }

    /** {@return largest chain for which the Krylov result is checked by one direct solve at the highest frequency} */
    public int verifyStateLimit() {
        return verifyStateLimit;
    }

    /**
     * A copy with another route.
     *
     * @param r the route: AUTO, MODES or DIRECT
     * @return the modified copy
     */
    public SpectrumOptions withRoute(Route r) {
        return new SpectrumOptions(r, tolerance, maxKrylovDimension, directStateLimit, verifyStateLimit, progress);
    }

    /**
     * A copy with another tolerance.
     *
     * @param t relative tolerance on S(ω) at every requested frequency, in (0, 1)
     * @return the modified copy
     */
    public SpectrumOptions withTolerance(double t) {
        return new SpectrumOptions(route, t, maxKrylovDimension, directStateLimit, verifyStateLimit, progress);
    }

    /**
     * A copy with another Krylov dimension limit.
     *
     * @param m largest Krylov dimension, ≥ 2 (memory: m vectors of the chain's size)
     * @return the modified copy
     */
    public SpectrumOptions withMaxKrylovDimension(int m) {
        return new SpectrumOptions(route, tolerance, m, directStateLimit, verifyStateLimit, progress);
    }

    /** {@return where the spectrum's long loops report ({@link ProgressListener#NONE}, the default, for nothing)} */
    public ProgressListener progress() {
        return progress;
    }

    /**
     * A copy that reports the spectrum's long loops to {@code listener}: the Krylov steps (phase
     * {@code "noise spectrum: Krylov steps"}, counted up to {@link #maxKrylovDimension()}, ended at the total when
     * the spectrum converges earlier) and the direct solves (one per frequency). The values are the same, bit for
     * bit, with or without a listener.
     *
     * @param listener where to report; null or {@link ProgressListener#NONE} for nothing
     * @return the modified copy
     */
    public SpectrumOptions withProgress(ProgressListener listener) {
        return new SpectrumOptions(route, tolerance, maxKrylovDimension, directStateLimit, verifyStateLimit, listener);
    }

    /**
     * A copy with other limits for the direct fallback and the direct check.
     *
     * @param fallbackStates largest chain whose unconverged frequencies are solved directly (AUTO route)
     * @param verifyStates largest chain whose highest Krylov frequency is checked by one direct solve
     * @return the modified copy
     */
    public SpectrumOptions withDirectLimits(int fallbackStates, int verifyStates) {
        return new SpectrumOptions(route, tolerance, maxKrylovDimension, fallbackStates, verifyStates, progress);
    }
}
