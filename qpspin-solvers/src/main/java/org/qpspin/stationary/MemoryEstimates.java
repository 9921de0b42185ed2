package org.qpspin.stationary;

import org.qpspin.space.StateSpace;

/**
 * Heap estimates from the shape of a truncated state space alone (its size n and level widths w_K), for refusing
 * or re-routing a chain <em>before</em> its generator is assembled: at the paper's example (≈ 2.7 × 10⁷ states on
 * two-sided windows) the assembly and the sparse LU's symbolic analysis took 74 s and 11 GB before the numeric
 * phase refused, while these sums take milliseconds.
 *
 * <p>Each estimate says whether it is exact or a lower estimate; a refusal is only made on a lower estimate, so
 * that no chain that would fit is refused.
 */
public final class MemoryEstimates {

    /**
     * Bytes per term of {@link #luFactorBytes}: the measured ratio of the sparse LU's planned memory to
     * Σ_K w_K log₂ max(2, min(w_K², n)) lies in 95–173 on every chain tried: 123–165 on edge-of-polarization windows
     * and triangles at N0 = 100–1000 and triangles to 10⁶ states, 95–173 on narrow rectangles of widths 1–61
     * (table in docs/benchmarks.md, "Memory of the flux-noise pipeline"), against 2 × 8 × 31/4 = 124 for nested
     * dissection on a square grid (A. George, SIAM J. Numer. Anal. 10, 345 (1973): 31/4 n log₂ n factor entries;
     * values and indices, L and U). 90 keeps it below every measurement.
     */
    static final double LU_BYTES_PER_TERM = 90.0;

    /**
     * Bytes per state of an assembled {@link org.qpspin.generator.Generator}: the CSC arrays sized for 8 channels
     * and the diagonal (9 × (4 + 8)), the column starts (4), the omitted and exit rates (16), and the state space's
     * level table (4).
     */
    static final long GENERATOR_BYTES_PER_STATE = 9 * 12 + 4 + 16 + 4;

    /**
     * Bytes per state of a generator assembled by rows ({@link org.qpspin.generator.Generator#assembleRows}): at most
     * 8 off-diagonal entries of 4 + 8 bytes, the row starts (4), the omitted and exit rates (16), the state space's
     * level table (4). Measured: ≈ 110 on the edge-of-polarization windows (6.9 off-diagonal entries per state).
     */
    static final long ROW_GENERATOR_BYTES_PER_STATE = 8 * 12 + 4 + 16 + 4;

    private MemoryEstimates() {
    }

    /**
     * {@return the heap a generator of {@code states} states assembled by rows holds, at most
     * {@value #ROW_GENERATOR_BYTES_PER_STATE} bytes per state}
     *
     * @param states the number of states n (≥ 0)
     */
    public static long rowGeneratorBytes(long states) {
        return ROW_GENERATOR_BYTES_PER_STATE * states;
    }

    /**
     * {@return the heap an assembled generator of {@code states} states holds: {@value #GENERATOR_BYTES_PER_STATE}
     * bytes per state (exact up to object headers)}
     *
     * @param states the number of states n (≥ 0)
     */
    public static long generatorBytes(long states) {
        return GENERATOR_BYTES_PER_STATE * states;
    }

    /**
     * {@return a lower estimate of the heap the sparse LU ({@code --solver lu}, nested dissection) plans for the
     * factors of a chain on {@code space}: {@value #LU_BYTES_PER_TERM} × Σ_K w_K log₂ max(2, min(w_K², n))}
     *
     * <p>Each level of width w_K contributes like a w_K × w_K block of a grid under nested dissection (separators of
     * min(w_K, √n) states; a narrow strip of width w needs ≈ log₂ w² levels of dissection per state). The ratio of
     * the real plan to this estimate was 1.05–1.9 on every chain measured, so the estimate is below the plan; it
     * ignores the update stack's peak and the dense front, which only add.
     *
     * @param space the truncated state space (only its level widths are read)
     */
    public static long luFactorBytes(StateSpace space) {
        double n = space.size();
        double sum = 0.0;
        for (int level = 0; level <= space.maxN(); level++) {
            double w = space.levelWidth(level);
            if (w > 0) {
                sum += w * Math.log(Math.max(2.0, Math.min(w * w, n))) / Math.log(2.0);
            }
        }
        return saturate(LU_BYTES_PER_TERM * sum);
    }

    /**
     * {@return the heap the level solver keeps for its factorization of {@code space}: 4 Σ_K w_K² doubles (the censored
     * column and row blocks of every level; the same count its own check uses)}
     *
     * @param space the truncated state space (only its level widths are read)
     */
    public static long levelFactorBytes(StateSpace space) {
        double squares = 0.0;
        for (int level = 0; level <= space.maxN(); level++) {
            double w = space.levelWidth(level);
            squares += w * w;
        }
        return saturate(8.0 * 4.0 * squares);
    }

    /**
     * {@return the heap the multigrid solver needs at its peak on {@code states} states besides the generator's rows
     * (the hierarchy, the smoother, the stationary vector and the GMRES basis while it runs):
     * {@link MultigridFactorization#BYTES_PER_STATE} bytes per state (its own up-front check)}
     *
     * @param states the number of states n (≥ 0)
     */
    public static long multigridBytes(long states) {
        return MultigridFactorization.BYTES_PER_STATE * states;
    }

    /** x rounded up to a long, Long.MAX_VALUE beyond the range. */
    private static long saturate(double x) {
        return x >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(x);
    }
}
