package org.qpspin.rates;

/** The transition channels of the cluster chain (docs/model.md, "PRL 2020 rates"), with the (ΔN, Δm) they cause. */
public enum Channel {
    /** Injection keeping m: (N, m) → (N+1, m). */
    INJECTION(1, 0),
    /** Injection flipping the new spin against the cluster: (N, m) → (N+1, m+1). */
    INJECTION_FLIPPED(1, 1),
    /** Singlet annihilation: (N, m) → (N−2, m−1). */
    SINGLET(-2, -1),
    /** Spin flip away from the polarization axis: (N, m) → (N, m+1). */
    FLIP_UP(0, 1),
    /** Spin flip back to the polarization axis: (N, m) → (N, m−1). */
    FLIP_DOWN(0, -1),
    /** Triplet annihilation of two majority spins: (N, m) → (N−2, m). */
    TRIPLET_MAJORITY(-2, 0),
    /** Triplet annihilation of one spin of each kind: (N, m) → (N−2, m−1). */
    TRIPLET_MIXED(-2, -1),
    /** Triplet annihilation of two minority spins: (N, m) → (N−2, m−2). */
    TRIPLET_MINORITY(-2, -2);

    private final int deltaN;
    private final int deltaM;

    Channel(int deltaN, int deltaM) {
        this.deltaN = deltaN;
        this.deltaM = deltaM;
    }

    /** {@return change of N} */
    public int deltaN() {
        return deltaN;
    }

    /** {@return change of m} */
    public int deltaM() {
        return deltaM;
    }
}
