package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.sparse.Reachability;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.space.StateSpace;

/**
 * Which state an exact solver pins (replaces its row of L by e_kᵀ, or eliminates last): a state near the peak of
 * the stationary distribution, guessed from the parameters before solving. One class for the rule, with its two
 * estimates of the peak side by side, because the solvers' results are tied bit for bit to the state they pin:
 * <ul>
 *   <li>{@link #meanFieldPoint}: the state nearest the mean-field fixed point (N0, m0) of Eqs. 3–4 — the sparse
 *       LU's first pin (it re-pins at the computed peak when p_pin &lt; 10⁻⁶ p_max) and the pin that
 *       {@code qpspin export-generator} hands to peers ({@code meanFieldState});</li>
 *   <li>{@link #peakEstimate}: N* = max(N0, N_u) with the unpolarized balance N_u and m* from the singlet balance
 *       — the level solver's pin (it re-pins at the computed peak when p_max / p_pin &gt; 16), which needs a pin
 *       on the peak's level more than the LU does (its solves amplify errors by p_max / p_pin).</li>
 * </ul>
 * They agree where the cluster is polarized and N0 ≥ N_u; they differ where it is unpolarized (N_u &gt; N0, where
 * Eq. 4 can be off by a factor 10) and where m0 is not finite (Γ = 0: m0 = +∞, the top of the level; N0 undefined:
 * Nmax). Making one of them serve both solvers would move the LU's or the level solver's pin, and so change their
 * results in the last bits; both are kept, here, and nothing else in the code base guesses a pin.
 */
public final class PinnedState {

    private PinnedState() {
    }

    /**
     * {@return the state nearest the mean-field fixed point (N0, m0) of Eqs. 3–4 ({@link MeanFieldFixedPoint}), clamped
     * into {@code space}: N = round(N0) in [0, Nmax] (Nmax when N0 is not finite), m = round(m0) clamped to
     * [m0 ≥ −1 … mMax + 1] and then to the level's window (m = 0 when m0 is NaN)}
     *
     * @param space the truncated state space
     * @param parameters the model parameters (A, V, Γ, Γt, τs)
     */
    public static int meanFieldPoint(StateSpace space, ModelParameters parameters) {
        MeanFieldFixedPoint mf = MeanFieldFixedPoint.of(parameters);
        double n0 = mf.meanN();
        int n = Double.isFinite(n0) ? (int) Math.max(0, Math.min(space.maxN(), Math.round(n0))) : space.maxN();
        double m0 = mf.meanM();
        long m = Double.isNaN(m0) ? 0 : Math.round(Math.max(-1.0, Math.min(space.maxM() + 1.0, m0)));
        m = Math.max(space.lowM(n), Math.min(space.highM(n), m));
        return space.index(n, (int) m);
    }

    /**
     * {@return the state of {@code space} nearest a mean-field estimate of the most probable state: N* = max(N0, N_u)
     * with N0 of Eq. 4 ({@link MeanFieldFixedPoint}, which assumes a polarized cluster, m ≪ N) and
     * N_u = (AV² / (Γ/2 + Γt))^½ the balance of injection and annihilation of an unpolarized cluster (m = N/2 in
     * Eq. 1)} Each neglects a bottleneck of the loss (spin flips, or the recombination itself), so each
     * underestimates N; the larger is the better estimate, and N_u wins only where the cluster is unpolarized
     * (where Eq. 4 can be off by a factor 10). Then m* solves the singlet balance of Eq. 1,
     * 2Γ(N*−m)m = AV² − Γt N*² (Eq. 3 without m ≪ N; m* = ⌊N* / 2⌋ when it has no root), and both are rounded and
     * clamped into the space (Nmax for N* = +∞).
     *
     * @param space the truncated state space
     * @param p the model parameters (A, V, Γ, Γt, τs)
     */
    public static int peakEstimate(StateSpace space, ModelParameters p) {
        double v = p.volume();
        double av2 = p.injectionRate() * v * v;
        double unpolarized = Math.sqrt(av2 / (p.singletRate() / 2.0 + p.tripletRate()));
        double n = Math.max(MeanFieldFixedPoint.clusterSize(p), unpolarized);
        int level = (int) clamp(n, 0, space.maxN());
        double product = (av2 - p.tripletRate() * level * (double) level) / (2.0 * p.singletRate()); // (N−m)m
        double discriminant = (double) level * level - 4.0 * product;
        double m = discriminant >= 0.0 ? (level - Math.sqrt(discriminant)) / 2.0 : level / 2.0;
        int flipped = (int) clamp(m, space.lowM(level), space.highM(level));
        return space.index(level, flipped);
    }

    /**
     * Rejects a chain with a state the pinned state cannot reach (a transient state: the chain is reducible, and
     * the solve would give it probability 0). The eliminations reject the states that cannot reach the pin; this
     * is the other half, asked for when a solve gives an exact 0 (which can also be a probability below the
     * double range: the search tells which).
     *
     * @throws IllegalArgumentException naming the first such state
     */
    static void requireReachableFrom(Generator generator, int pin) {
        StateSpace space = generator.space();
        boolean[] reached = reachedFrom(generator, pin);
        for (int k = 0; k < reached.length; k++) {
            if (!reached[k]) {
                throw new IllegalArgumentException("chain is reducible: state (N=" + space.levelOf(k) + ", m="
                        + space.mOf(k) + ") cannot be reached from (N=" + space.levelOf(pin) + ", m="
                        + space.mOf(pin) + ")");
            }
        }
    }

    /**
     * Breadth-first search from {@code pin} along the transitions with a positive rate whose target is kept — the
     * positive off-diagonal entries of L's columns, as {@link Reachability#from} reads them — evaluated from the rate
     * model, so that a generator assembled by rows ({@link Generator#assembleRows}) is not given a CSC copy for it.
     */
    private static boolean[] reachedFrom(Generator generator, int pin) {
        StateSpace space = generator.space();
        int n = space.size();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int[] tail = {0};
        queue[tail[0]++] = pin;
        seen[pin] = true;
        for (int head = 0; head < tail[0]; head++) {
            int j = queue[head];
            generator.rateModel().forEachTransition(space.levelOf(j), space.mOf(j), (channel, toN, toM, rate) -> {
                int i = space.indexOrMinusOne(toN, toM);
                if (i >= 0 && i != j && rate > 0.0 && !seen[i]) {
                    seen[i] = true;
                    queue[tail[0]++] = i;
                }
            });
        }
        return seen;
    }

    private static long clamp(double x, long lo, long hi) {
        return x >= lo ? Math.min(hi, Math.round(x)) : lo;
    }
}
