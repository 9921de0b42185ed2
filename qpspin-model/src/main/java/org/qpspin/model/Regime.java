package org.qpspin.model;

/**
 * The regimes of Fig. 1 of the paper, as the mean-field criteria of docs/model.md define them.
 *
 * <ul>
 *   <li>{@link #UNPOLARIZED}: V ≥ Vc or A ≥ Ac (Vc/V)² (equivalently N ≳ Nc): no dynamical polarization.</li>
 *   <li>{@link #SPIN_RELAXATION}: polarized and x = A Γt² τs³ / V &lt; 1/{@value #CROSSOVER_WIDTH}.</li>
 *   <li>{@link #TRIPLET_ANNIHILATION}: polarized and x &gt; {@value #CROSSOVER_WIDTH}.</li>
 *   <li>{@link #CROSSOVER}: polarized and x within a decade of the SR→TA line A = V/(Γt² τs³).</li>
 * </ul>
 * The decade on each side of the line is qpspin's convention (the paper draws a line, not a band).
 */
public enum Regime {
    /** Cluster size limited by spin relaxation (Eq. 8). */
    SPIN_RELAXATION("SR"),
    /** Cluster size limited by triplet annihilation (Eq. 9). */
    TRIPLET_ANNIHILATION("TA"),
    /** Within a decade in A of the SR→TA line. */
    CROSSOVER("crossover"),
    /** Outside the polarized region of Fig. 1. */
    UNPOLARIZED("unpolarized");

    /** Half-width, as a factor in x = A Γt² τs³ / V, of the crossover band. */
    public static final double CROSSOVER_WIDTH = 10.0;

    private final String label;

    Regime(String label) {
        this.label = label;
    }

    /** {@return short label: SR, TA, crossover, unpolarized} */
    public String label() {
        return label;
    }

    /**
     * {@return the regime of {@code p}: polarized iff V &lt; Vc and A &lt; Ac (Vc/V)² (docs/model.md), then SR/TA by
     * x = A Γt² τs³ / V against the band [1/10, 10]}
     *
     * @param p the model parameters
     */
    public static Regime classify(ModelParameters p) {
        Scales s = Scales.of(p);
        double v = p.volume();
        double a = p.injectionRate();
        boolean smallVolume = v < s.criticalVolume();
        // A < Ac (Vc/V)^2 = Gamma^3 / (Gamma_t^2 V^2): written without Ac to stay finite when tau_s = inf.
        double gt = p.tripletRate();
        double g = p.singletRate();
        boolean weakInjection = gt == 0.0 || a * gt * gt * v * v < g * g * g;
        if (!(smallVolume && weakInjection)) {
            return UNPOLARIZED;
        }
        double x = crossoverVariable(p);
        if (x < 1.0 / CROSSOVER_WIDTH) {
            return SPIN_RELAXATION;
        }
        if (x > CROSSOVER_WIDTH) {
            return TRIPLET_ANNIHILATION;
        }
        return CROSSOVER;
    }

    /**
     * {@return x = A Γt² τs³ / V: 1 on the paper's SR→TA line, 0 without triplet annihilation, +∞ without spin flips}
     *
     * @param p the model parameters
     */
    public static double crossoverVariable(ModelParameters p) {
        double gt = p.tripletRate();
        if (gt == 0.0) {
            return 0.0;
        }
        if (!p.hasSpinFlips()) {
            return Double.POSITIVE_INFINITY;
        }
        double tau = p.spinFlipTime();
        return p.injectionRate() * gt * gt * tau * tau * tau / p.volume();
    }
}
