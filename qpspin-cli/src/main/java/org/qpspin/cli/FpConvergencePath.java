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

    /**
     * A path; copies the arrays.
     *
     * @param limit the regime of the path: spin relaxation (Γt = 0, ζ = ζs) or triplet annihilation (τs = ∞,
     *     ζ = ζt)
     * @param alongN0 whether N0 grows along the path at ζ fixed (x = 1/N0), else ζ falls at N0 fixed (x = ζ)
     * @param n0s the mean-field N0 (Eq. 4) at each point, each finite and &gt; 0; all equal when {@code !alongN0}
     * @param zetas ζ = m0/N0 at each point, each in (0, 1); all equal when {@code alongN0}; as many as {@code n0s}
     */
    public FpConvergencePath {
        n0s = n0s.clone();
        zetas = zetas.clone();
    }

    /** {@return a copy of the mean-field N0 at each point} */
    @Override
    public double[] n0s() {
        return n0s.clone();
    }

    /** {@return a copy of ζ at each point} */
    @Override
    public double[] zetas() {
        return zetas.clone();
    }

    /** {@return the number of points on the path} */
    public int size() {
        return n0s.length;
    }

    /** {@return the value held fixed along the path: ζ when N0 grows, N0 when ζ falls} */
    public double fixedValue() {
        return alongN0 ? zetas[0] : n0s[0];
    }

    /**
     * {@return the path computed in this process: at each point the exact P(N) (automatic truncation, auto solver)
     * against Eq. 7} Each point is a full stationary solve, so this can take minutes for large N0.
     *
     * @param progress receives one line per point solved (states, solver, seconds, total-variation gap); null:
     *     silent
     */
    public ConvergenceStudy compute(Consumer<String> progress) {
        return alongN0 ? ConvergenceStudy.alongN0(limit, zetas[0], n0s, progress)
                : ConvergenceStudy.alongZeta(limit, n0s[0], zetas, progress);
    }

    /**
     * The {@code qpspin fp-check} options of point {@code i}: A, V, Γ, Γt, τs of
     * {@link ConvergenceStudy#pathParameters} in round-trip form ({@link Double#toString}; τs = ∞ as "inf"), option
     * name (without dashes) to value.
     *
     * @param i the point's index, in [0, {@link #size()})
     * @return the options A, V, gamma, gamma-t and tau-s, in that order, with round-trip values in s⁻¹µm⁻³, µm³,
     *     s⁻¹µm³, s⁻¹µm³ and s
     * @throws ArrayIndexOutOfBoundsException when {@code i} is outside [0, {@link #size()})
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
