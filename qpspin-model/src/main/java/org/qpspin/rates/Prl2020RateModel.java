package org.qpspin.rates;

import org.qpspin.model.ModelParameters;

/**
 * The rates of Meyer, Houzet and Nazarov, PRL 125, 097006 (2020), exactly as docs/model.md writes them.
 *
 * <p>From (N, m), with s = N − m the number of majority spins:
 * <ul>
 *   <li>injection → (N+1, m) at AV [1 + 1/(s+1)]/2 and → (N+1, m+1) at AV [1 − 1/(s+1)]/2; boundary rule:
 *       when (N+1, m+1) is invalid (N even, m = N/2) its share goes to (N+1, m), so the total stays AV;</li>
 *   <li>singlet annihilation → (N−2, m−1) at Γ s m / V;</li>
 *   <li>spin flips → (N, m+1) at s/τs, → (N, m−1) at m/τs;</li>
 *   <li>triplet annihilation → (N−2, m) at Γt s²/(2V), → (N−2, m−1) at Γt s m / V, → (N−2, m−2) at Γt m²/(2V).</li>
 * </ul>
 * Transitions to invalid states (m &lt; 0 or m &gt; ⌊N/2⌋ after the move) are omitted, as docs/model.md prescribes.
 */
public final class Prl2020RateModel implements RateModel {

    private final ModelParameters parameters;
    private final double totalInjection;
    private final double singletPerVolume;
    private final double tripletPerVolume;
    private final double flipRate;

    private Prl2020RateModel(ModelParameters parameters) {
        this.parameters = parameters;
        this.totalInjection = parameters.totalInjectionRate();
        this.singletPerVolume = parameters.singletRate() / parameters.volume();
        this.tripletPerVolume = parameters.tripletRate() / parameters.volume();
        this.flipRate = parameters.spinFlipRate();
    }

    /**
     * {@return the PRL 2020 rates for {@code parameters}}
     *
     * @param parameters the model parameters
     */
    public static Prl2020RateModel of(ModelParameters parameters) {
        return new Prl2020RateModel(parameters);
    }

    @Override
    public String name() {
        return "prl2020";
    }

    @Override
    public ModelParameters parameters() {
        return parameters;
    }

    /**
     * {@return rate of (N, m) → (N+1, m) in s⁻¹, boundary rule included}
     *
     * @param n N, the number of quasiparticles (≥ 0)
     * @param m m, the number of flipped spins (0 ≤ m ≤ ⌊N/2⌋)
     */
    public double injectionRate(int n, int m) {
        if (2 * m == n) { // (N+1, m+1) invalid: the whole injection keeps m
            return totalInjection;
        }
        return 0.5 * totalInjection * (1.0 + 1.0 / (n - m + 1));
    }

    /**
     * {@return rate of (N, m) → (N+1, m+1) in s⁻¹ (0 where the boundary rule applies)}
     *
     * @param n N, the number of quasiparticles (≥ 0)
     * @param m m, the number of flipped spins (0 ≤ m ≤ ⌊N/2⌋)
     */
    public double flippedInjectionRate(int n, int m) {
        if (2 * m == n) {
            return 0.0;
        }
        return 0.5 * totalInjection * (1.0 - 1.0 / (n - m + 1));
    }

    /**
     * {@return rate of singlet annihilation (N, m) → (N−2, m−1) in s⁻¹}
     *
     * @param n N, the number of quasiparticles (≥ 0)
     * @param m m, the number of flipped spins (0 ≤ m ≤ ⌊N/2⌋)
     */
    public double singletAnnihilationRate(int n, int m) {
        return singletPerVolume * (n - m) * (double) m;
    }

    @Override
    public void forEachTransition(int n, int m, TransitionSink sink) {
        double s = n - m;
        boolean evenFull = 2 * m == n;
        if (totalInjection > 0.0) {
            if (evenFull) {
                sink.accept(Channel.INJECTION, n + 1, m, totalInjection);
            } else {
                double inv = 1.0 / (s + 1.0);
                sink.accept(Channel.INJECTION, n + 1, m, 0.5 * totalInjection * (1.0 + inv));
                double flipped = 0.5 * totalInjection * (1.0 - inv);
                if (flipped > 0.0) { // zero only for s = 0, i.e. N = m = 0
                    sink.accept(Channel.INJECTION_FLIPPED, n + 1, m + 1, flipped);
                }
            }
        }
        if (n >= 2 && m >= 1) {
            double singlet = singletPerVolume * s * m;
            if (singlet > 0.0) {
                sink.accept(Channel.SINGLET, n - 2, m - 1, singlet);
            }
        }
        if (flipRate > 0.0) {
            if (2 * (m + 1) <= n) {
                sink.accept(Channel.FLIP_UP, n, m + 1, s * flipRate);
            }
            if (m >= 1) {
                sink.accept(Channel.FLIP_DOWN, n, m - 1, m * flipRate);
            }
        }
        if (tripletPerVolume > 0.0 && n >= 2) {
            if (2 * m <= n - 2) {
                sink.accept(Channel.TRIPLET_MAJORITY, n - 2, m, 0.5 * tripletPerVolume * s * s);
            }
            if (m >= 1) {
                sink.accept(Channel.TRIPLET_MIXED, n - 2, m - 1, tripletPerVolume * s * m);
            }
            if (m >= 2) {
                sink.accept(Channel.TRIPLET_MINORITY, n - 2, m - 2, 0.5 * tripletPerVolume * (double) m * m);
            }
        }
    }

    @Override
    public double totalRate(int n, int m) {
        double s = n - m;
        double total = totalInjection;
        if (n >= 2 && m >= 1) {
            total += singletPerVolume * s * m;
        }
        if (flipRate > 0.0) {
            if (2 * (m + 1) <= n) {
                total += s * flipRate;
            }
            total += m * flipRate;
        }
        if (tripletPerVolume > 0.0 && n >= 2) {
            if (2 * m <= n - 2) {
                total += 0.5 * tripletPerVolume * s * s;
            }
            if (m >= 1) {
                total += tripletPerVolume * s * m;
            }
            if (m >= 2) {
                total += 0.5 * tripletPerVolume * (double) m * m;
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "PRL 2020 rate model (" + parameters + ")";
    }
}
