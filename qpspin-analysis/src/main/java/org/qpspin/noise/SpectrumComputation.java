package org.qpspin.noise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qpspin.linalg.WorkCounter;

/**
 * The finite-frequency route (see {@link NoiseSpectrum} and docs/theory.md "Noise").
 *
 * <p>Stopping rule of the Krylov route: every {@value #CHECK_EVERY} Arnoldi steps S_j is evaluated on the grid;
 * a frequency is converged when its relative change since the previous check is below the tolerance at two
 * consecutive checks; the basis grows until every frequency is converged, the space is invariant, or the
 * dimension limit is reached.
 */
final class SpectrumComputation {

    static final int CHECK_EVERY = 4;

    private SpectrumComputation() {
    }

    static NoiseSpectrum compute(NoiseAnalysis analysis, Observable observable, double[] omega,
                                 SpectrumOptions options) {
        long start = System.nanoTime();
        for (double w : omega) {
            if (!(w >= 0.0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("frequencies must be finite and >= 0 rad/s, got " + w);
            }
        }
        NoiseAnalysis.Centred c = analysis.centre(observable);
        double s0 = 2.0 * NoiseAnalysis.dot(c.deviation, analysis.solveResponse(c));
        double[] lDelta = new double[c.weighted.length];
        analysis.generator().multiply(c.weighted, lDelta);
        double d = -NoiseAnalysis.dot(c.deviation, lDelta);
        int n = c.weighted.length;
        int m = omega.length;
        double[] values = new double[m];
        boolean[] direct = new boolean[m];
        List<RelaxationMode> modes = new ArrayList<>();
        String route;
        int dim = 0;
        boolean converged = true;
        double estimated = 0.0;
        double verification = Double.NaN;
        ShiftedResolvent resolvent = null;

        if (c.variance == 0.0) {
            route = "trivial";
        } else if (options.route() == SpectrumOptions.Route.DIRECT) {
            route = "direct";
            resolvent = new ShiftedResolvent(analysis.generator());
            WorkCounter counter = WorkCounter.start(options.progress(), "noise spectrum: direct solves", m);
            for (int i = 0; i < m; i++) {
                values[i] = omega[i] == 0.0 ? s0 : resolvent.spectrum(omega[i], c.deviation, c.weighted);
                direct[i] = true;
                counter.add(1);
            }
            counter.finish();
        } else {
            ShiftInvertKrylov krylov = new ShiftInvertKrylov(analysis, c, options.maxKrylovDimension());
            double[] previous = null;
            int[] stable = new int[m];
            double[] change = new double[m];
            Arrays.fill(change, Double.POSITIVE_INFINITY);
            WorkCounter counter = WorkCounter.start(options.progress(), "noise spectrum: Krylov steps",
                    options.maxKrylovDimension());
            while (true) {
                int steps = 0;
                while (krylov.canExtend() && (steps < CHECK_EVERY || krylov.dimension() < 2)) {
                    krylov.extend();
                    steps++;
                    counter.add(1);
                }
                double[] current = new double[m];
                for (int i = 0; i < m; i++) {
                    current[i] = krylov.spectrum(omega[i]);
                }
                boolean all = true;
                if (krylov.isInvariant()) {
                    Arrays.fill(change, 0.0);
                } else if (previous != null) {
                    for (int i = 0; i < m; i++) {
                        double diff = Math.abs(current[i] - previous[i]);
                        double scale = Math.abs(current[i]);
                        change[i] = scale == 0.0 ? (diff == 0.0 ? 0.0 : Double.POSITIVE_INFINITY) : diff / scale;
                        stable[i] = change[i] <= options.tolerance() ? stable[i] + 1 : 0;
                        all &= stable[i] >= 2;
                    }
                } else {
                    all = false;
                }
                previous = current;
                if (krylov.isInvariant() || all || !krylov.canExtend()) {
                    break;
                }
            }
            counter.finish();
            dim = krylov.dimension();
            values = previous;
            modes = krylov.modes();
            boolean anyDirect = false;
            for (int i = 0; i < m; i++) {
                boolean ok = krylov.isInvariant() || stable[i] >= 2 || omega[i] == 0.0;
                if (!ok && options.route() == SpectrumOptions.Route.AUTO && n <= options.directStateLimit()) {
                    if (resolvent == null) {
                        resolvent = new ShiftedResolvent(analysis.generator());
                    }
                    values[i] = resolvent.spectrum(omega[i], c.deviation, c.weighted);
                    direct[i] = true;
                    anyDirect = true;
                } else {
                    if (!ok) {
                        converged = false;
                    }
                    if (omega[i] != 0.0) {
                        estimated = Math.max(estimated, krylov.isInvariant() ? 0.0 : change[i]);
                    }
                }
            }
            route = anyDirect ? "modes+direct" : "modes";
            int top = -1;
            for (int i = 0; i < m; i++) {
                if (!direct[i] && omega[i] > 0.0 && (top < 0 || omega[i] > omega[top])) {
                    top = i;
                }
            }
            if (top >= 0 && n <= options.verifyStateLimit()) {
                if (resolvent == null) {
                    resolvent = new ShiftedResolvent(analysis.generator());
                }
                double exact = resolvent.spectrum(omega[top], c.deviation, c.weighted);
                verification = Math.abs(values[top] - exact) / Math.abs(exact);
            }
        }
        double sumRule = c.variance == 0.0 ? Double.NaN : gridIntegral(omega, values, s0) / c.variance;
        double modeSum = 0.0;
        for (RelaxationMode mode : modes) {
            modeSum += mode.weight();
        }
        double modeRatio = c.variance == 0.0 || modes.isEmpty() ? Double.NaN : modeSum / c.variance;
        return new NoiseSpectrum(observable.name(), omega.clone(), values, direct, s0, c.variance, d, modes, route,
                dim, converged, estimated, verification, sumRule, modeRatio, analysis.factorization().solver(),
                (System.nanoTime() - start) * 1e-9);
    }

    /**
     * ∫₀^∞ S dω/π (two-sided S is even, so this is ∫ S dω/2π over the real line) from grid values: S(0) flat up
     * to the lowest positive frequency, trapezoid in log ω between grid points, and S(ω_max)(ω_max/ω)² above.
     */
    static double gridIntegral(double[] omega, double[] values, double s0) {
        int m = omega.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(omega[a], omega[b]));
        double integral = 0.0;
        int first = -1;
        int last = -1;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            if (omega[i] <= 0.0) {
                continue;
            }
            if (first < 0) {
                first = i;
                integral += 0.5 * (s0 + values[i]) * omega[i]; // [0, ω_min]
            } else {
                // trapezoid in u = ln ω: ∫ S dω = ∫ S ω du
                double du = Math.log(omega[i] / omega[last]);
                integral += 0.5 * (values[i] * omega[i] + values[last] * omega[last]) * du;
            }
            last = i;
        }
        if (last < 0) {
            return Double.NaN;
        }
        integral += values[last] * omega[last];
        return integral / Math.PI;
    }
}
