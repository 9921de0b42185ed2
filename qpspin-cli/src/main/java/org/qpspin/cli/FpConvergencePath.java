package org.qpspin.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.qpspin.crosscheck.ConvergenceStudy;
import org.qpspin.crosscheck.ConvergenceStudy.Limit;
import org.qpspin.model.ModelParameters;

/**
 * One of the four paths of {@code qpspin fp-convergence} ({@link FpConvergenceOptions#paths}): its regime, whether
 * N0 grows (ζ fixed) or ζ falls (N0 fixed), and the (N0, ζ) of its points. {@link #compute} runs the path in this
 * process ({@link ConvergenceStudy}); {@link #fpCheckInputs} are the {@code qpspin fp-check} options of one point,
 * which compare the same chain with Eq. 7 (the same parameters, bit for bit; the same automatic truncation and
 * solver), for a sweep engine that runs the points apart ({@code qpspin sweep fp-convergence}).
 *
 * @param limit the regime of the path
 * @param alongN0 whether N0 grows along the path (x = 1/N0), else ζ falls (x = ζ)
 * @param n0s N0 at each point
 * @param zetas ζ at each point
 */
public record FpConvergencePath(Limit limit, boolean alongN0, double[] n0s, double[] zetas) {

    /** Copies the arrays. */
    public FpConvergencePath {
        n0s = n0s.clone();
        zetas = zetas.clone();
    }

    @Override
    public double[] n0s() {
        return n0s.clone();
    }

    @Override
    public double[] zetas() {
        return zetas.clone();
    }

    /** The number of points. */
    public int size() {
        return n0s.length;
    }

    /** The value held fixed: ζ along N0, N0 along ζ. */
    public double fixedValue() {
        return alongN0 ? zetas[0] : n0s[0];
    }

    /** The path in this process (automatic truncation, auto solver); {@code progress} gets a line per point. */
    public ConvergenceStudy compute(Consumer<String> progress) {
        return alongN0 ? ConvergenceStudy.alongN0(limit, zetas[0], n0s, progress)
                : ConvergenceStudy.alongZeta(limit, n0s[0], zetas, progress);
    }

    /**
     * The {@code qpspin fp-check} options of point {@code i}: A, V, Γ, Γt, τs of
     * {@link ConvergenceStudy#pathParameters} in round-trip form ({@link Double#toString}; τs = ∞ as "inf"), option
     * name (without dashes) to value.
     */
    public Map<String, String> fpCheckInputs(int i) {
        ModelParameters p = ConvergenceStudy.pathParameters(limit, n0s[i], zetas[i]);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("A", Double.toString(p.injectionRate()));
        m.put("V", Double.toString(p.volume()));
        m.put("gamma", Double.toString(p.singletRate()));
        m.put("gamma-t", Double.toString(p.tripletRate()));
        m.put("tau-s", p.spinFlipTime() == Double.POSITIVE_INFINITY ? "inf" : Double.toString(p.spinFlipTime()));
        return m;
    }

    /** The four paths: SR and TA with N0 growing at ζ fixed, then SR and TA with ζ falling at N0 fixed. */
    static List<FpConvergencePath> of(double[] n0s, double zeta, double[] zetas, double fixedN0) {
        List<FpConvergencePath> paths = new ArrayList<>();
        double[] fixedZeta = new double[n0s.length];
        java.util.Arrays.fill(fixedZeta, zeta);
        double[] fixedN0s = new double[zetas.length];
        java.util.Arrays.fill(fixedN0s, fixedN0);
        for (Limit limit : Limit.values()) {
            paths.add(new FpConvergencePath(limit, true, n0s, fixedZeta));
        }
        for (Limit limit : Limit.values()) {
            paths.add(new FpConvergencePath(limit, false, fixedN0s, zetas));
        }
        return paths;
    }
}
